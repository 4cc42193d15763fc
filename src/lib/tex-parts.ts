/**
 * The smallest pieces of the formulas' TeX: integers with thousands separators, the layout
 * options and the term marks. They live apart from tex.ts so that code which writes a little TeX
 * of its own (blocks.ts, which the calculator also loads) does not bring every formula builder;
 * tex.ts re-exports them.
 */

/** Integer with TeX thousands separators: 2359296 → `2{,}359{,}296`. */
export function texInt(n: number | bigint): string {
  const s = BigInt(n).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '{,}');
  return neg ? `-${grouped}` : grouped;
}

/** How a formula is laid out and marked up. */
export interface TexLayout {
  /** One step per line (an `aligned` block) for a narrow column; default one line. */
  narrow?: boolean;
  /** Wrap the counted parts in `\htmlData{term=…}{…}` for formula–figure linking. */
  terms?: boolean;
}

/** The names formula terms and figure marks share (data-term). */
export type TermName = 'depthwise' | 'pointwise' | 'kernel-size' | 'in-channels' | 'out-channels' | 'output-size' | 'groups' | 'alpha' | 'rho' | 'expand' | 'project' | 'expansion-factor';

/** `\htmlData{term=name}{tex}` when `on` (a layout's `terms`) is true, else tex unchanged. */
export function texTerm(name: TermName, tex: string, on: boolean | undefined): string {
  return on === true ? `\\htmlData{term=${name}}{${tex}}` : tex;
}
