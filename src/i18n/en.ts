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
  embedWithoutControls: 'Embed without controls',
  exportDark: 'Dark colours',
} as const;

export type UiStrings = typeof en;
