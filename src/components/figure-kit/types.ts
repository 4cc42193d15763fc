import type { ParamName } from '../../lib/params';
import type { SvgNode } from './svg';
import type { Lang } from '../../i18n';

/** The values a figure reads, already validated by the parameter schema. */
export type FigureParams = Readonly<Record<ParamName, number>>;

/** Where a figure is shown: a chapter page, a lecture slide, or an embed in another site. */
export type FigureContext = 'page' | 'slide' | 'embed';

/**
 * The space a figure is laid out for. Units are the picture's own (its viewBox): one unit is one
 * CSS pixel on pages and embeds, and 1/SLIDE_ZOOM of a canvas pixel on slides, so text sized
 * 12–14 in the figure's CSS reads at 12–14 px on a page and at 16.8–19.6 px on a 1280×720 slide.
 */
export interface FigureFrame {
  /** Prefix for ids inside the SVG (unique on the page). */
  readonly uid: string;
  /** Width the picture may take, in its units; the viewBox should be this wide. */
  readonly width: number;
  /** Height it should stay within, where the place limits it (slides); undefined on pages. */
  readonly height?: number;
  readonly context: FigureContext;
  /** The edition the figure's words are in. */
  readonly lang: Lang;
  /**
   * Drawn at build time as the first paint, which the browser redraws as soon as the figure's script
   * runs: what only a pointer on the live picture can reach (a hover text per mark) may wait for
   * that redraw instead of weighing on every page load.
   */
  readonly draft?: boolean;
}

/** Everything a figure shows for one set of parameters: a pure function's output. */
export interface FigureView {
  /** The picture; its root is the <svg> element. */
  readonly svg: SvgNode;
  /** TeX of the formula with the reader's numbers substituted, typeset under the picture. */
  readonly tex?: string;
  /** One or two sentences announced to screen readers when a control moves. */
  readonly summary: string;
}

/**
 * A figure: its id (the embed route and data-figure), the parameters it reads, its render.
 * Figure-specific state (a step, an activation) is a parameter of the shared schema too, so it
 * lives in the URL like everything else.
 */
export interface FigureDef<Data = unknown> {
  readonly id: string;
  /** Its title in a language (the embed page's heading, exported files). */
  title(lang: Lang): string;
  /** Chapter route it belongs to (for embed back-links), e.g. '/depthwise-separable/'. */
  readonly chapter?: string;
  /** Where its numbers come from, one line, shown under embedded copies. */
  source?(lang: Lang): string;
  readonly params: readonly ParamName[];
  /** The controls shown where the figure stands alone (embeds, lecture slides); default: params. */
  readonly controls?: readonly ParamName[];
  /** For a figure stepped by the `step` parameter: how many steps (0 … steps − 1). */
  readonly steps?: number;
  /** Where the number of steps depends on the values (a figure with modes): how many for these. */
  stepsFor?(values: FigureParams): number;
  /** Step with a play/pause button and a scrubber (ui/StepPlayer) instead of two buttons. */
  readonly player?: boolean;
  /**
   * Browser only, optional: compute the figure's data another way (e.g. with TensorFlow.js)
   * before drawing. Without it, or at build time, render computes everything itself.
   */
  compute?(values: FigureParams): Promise<Data>;
  /** Pure: the same values and frame give the same picture, laid out for frame.width. */
  render(values: FigureParams, frame: FigureFrame, data?: Data): FigureView;
}
