/**
 * The words of the figure kit, English edition: the share and export menu, its status lines, the
 * exported files' captions, the embed page, and what screen readers hear when a formula term is
 * pointed at. kit.zh.ts has the same shape.
 */
export const kitEn = {
  menu: {
    summary: 'Share or export',
    link: 'Copy link to this view',
    embed: 'Copy embed code',
    noControls: 'Embed without controls',
    svg: 'Download SVG',
    png2: 'Download PNG 2×',
    png4: 'Download PNG 4×',
    dark: 'Dark colours',
  },
  /** When the menu's code could not be downloaded. */
  exportOffline: 'This menu could not be downloaded (you seem to be offline). Try again once the connection is back.',
  status: {
    link: 'Link',
    embed: 'Embed code',
    copied: (what: string) => `${what} copied.`,
    selectAndCopy: (what: string) => `${what} (select and copy):`,
    saved: (file: string) => `Saved ${file}.`,
    imageFailed: 'The figure could not be drawn as an image.',
    noCanvas: 'This browser cannot draw to a canvas.',
    pngFailed: 'The PNG could not be made.',
    exportFailed: 'The file could not be made in this browser.',
  },
  file: {
    /** Before the figure's sources, under an exported picture. */
    data: (source: string) => `Data: ${source}`,
    /** Before the link back to the view, under an exported picture. */
    sourceBefore: 'Source: Separable (',
    sourceAfter: ')',
  },
  embed: {
    badTheme: 'The theme option must be “light” or “dark”; the system setting is used instead.',
    badControls: 'The controls option must be 0 (hidden) or 1 (shown); they are shown.',
  },
  /** The formula under a figure, when its terms can be pointed at with the keyboard. */
  formulaNav: 'Formula: press the left and right arrow keys to point at each term in the figure',
  /** What is announced for a formula term whose mark has no label of its own. */
  terms: {
    alpha: 'width multiplier α: channels',
    rho: 'resolution multiplier ρ: map size',
    conv: 'standard convolution',
    depthwise: 'depthwise convolution',
    pointwise: 'pointwise convolution',
    expand: 'expansion 1×1 convolution',
    project: 'projection 1×1 convolution',
    'expansion-factor': 'expansion factor t: the wide tensors have t times the input’s channels',
    groups: 'groups',
    shortcut: 'shortcut',
    fc: 'fully connected layer',
    'in-channels': 'input channels',
    'out-channels': 'output channels',
    'kernel-size': 'kernel size',
    'output-size': 'output size',
  } as Record<string, string>,
};

export type KitStrings = typeof kitEn;
