/** Every interface string of the English edition. A translation adds a file of the same shape. */
export const en = {
  siteName: 'Separable',
  tagline: 'Why depthwise separable convolutions make networks cheap — explained with live numbers',
  skipToContent: 'Skip to content',
  mainNav: 'Chapters',
  home: 'Home',
  references: 'References',
  calculator: 'Calculator',
  lectures: 'Lectures',
  toolsNav: 'Tools',
  themeToggle: 'Dark theme',
  previous: 'Previous',
  next: 'Next',
  contents: 'Contents',
  onThisPage: 'On this page',
  paramMessagesTitle: 'Some values in the link could not be used as given:',
  dismiss: 'Dismiss',
  noscript: 'The figures show their default values. Turn on JavaScript to move the sliders.',
  footerNote: 'Every count on this site is computed exactly from the formulas; numbers taken from papers are cited where they appear.',
  chapter: 'Chapter',
  offlineNote: 'You seem to be offline, so part of this page could not be downloaded. It will finish loading when the connection returns.',
  loadFailedNote: 'Part of this page could not be downloaded. It will be tried again in a moment.',
  tfOffline: 'TensorFlow.js could not be downloaded (you seem to be offline). Press the button again once the connection is back; the numbers above do not depend on it.',
  tfLoadFailed: 'TensorFlow.js could not be downloaded. Press the button again in a moment; the numbers above do not depend on it.',
  exportOffline: 'This menu could not be downloaded (you seem to be offline). Try again once the connection is back.',
} as const;

export type UiStrings = typeof en;
