import type { ParamName } from '../../lib/params';
import type { SvgNode } from './svg';

/** The values a figure reads, already validated by the parameter schema. */
export type FigureParams = Readonly<Record<ParamName, number>>;

/** Everything a figure shows for one set of parameters: a pure function's output. */
export interface FigureView {
  /** The picture; its root is the <svg> element. */
  readonly svg: SvgNode;
  /** TeX of the formula with the reader's numbers substituted, typeset under the picture. */
  readonly tex?: string;
  /** One or two sentences announced to screen readers when a control moves. */
  readonly summary: string;
}

/** A figure: its id (the embed route and data-figure), the parameters it reads, its render. */
export interface FigureDef {
  readonly id: string;
  readonly title: string;
  readonly params: readonly ParamName[];
  /** Pure: the same values and uid give the same picture. uid prefixes the ids inside the SVG. */
  render(values: FigureParams, uid: string): FigureView;
}
