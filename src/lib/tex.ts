/**
 * KaTeX source for the cost formulas with the reader's numbers substituted. Each function
 * computes its value with `convCost` / `separableRatio` and writes the TeX from the same
 * numbers, so the formula on the page and the number in the figure cannot disagree.
 * Notation: Howard et al. 2017 (arXiv:1704.04861) §3.1 — D_K, M, N, D_F (input size), D_G (output
 * size, ⌈D_F / s⌉ at stride s; D_G = D_F at stride 1), and G for groups.
 */
import { convCost, rational, rationalToNumber, separableRatio, type Rational } from './cost';

/** A TeX string and the exact value it ends with. */
export interface TexResult {
  tex: string;
  value: number;
}

/** A TeX string ending in an exact rational and its 3-significant-digit decimal. */
export interface TexRatio {
  tex: string;
  value: Rational;
  approx: number;
}

/** Integer with TeX thousands separators: 2359296 → `2{,}359{,}296`. */
export function texInt(n: number | bigint): string {
  const s = BigInt(n).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '{,}');
  return neg ? `-${grouped}` : grouped;
}

/** `\frac{p}{q}`, or just `p` when q = 1. */
export function texRational(r: Rational): string {
  return r.den === 1n ? texInt(r.num) : `\\frac{${texInt(r.num)}}{${texInt(r.den)}}`;
}

/** `= x` when x/1 is exactly the rational, else `\approx x` (x to 3 significant digits). */
function texDecimal(r: Rational): { tex: string; approx: number } {
  const approx = Number(rationalToNumber(r).toPrecision(3));
  const exact = r.den !== 1n && Number.isFinite(approx) && rationalEqualsDecimal(r, approx);
  if (r.den === 1n) return { tex: '', approx };
  return { tex: ` ${exact ? '=' : '\\approx'} ${String(approx)}`, approx };
}

/** Whether the decimal literal `x` (as JavaScript prints it) equals r exactly. */
function rationalEqualsDecimal(r: Rational, x: number): boolean {
  const [mantissa, exponent = '0'] = x.toExponential().split('e');
  const [int, frac = ''] = mantissa.split('.');
  const scale = Number(exponent) - frac.length;
  const digits = BigInt(int + frac);
  // x = digits · 10^scale; compare digits · 10^scale · den with num.
  return scale >= 0
    ? digits * 10n ** BigInt(scale) * r.den === r.num
    : digits * r.den === r.num * 10n ** BigInt(-scale);
}

const dot = ' \\cdot ';

/** Standard conv params D_K·D_K·M·N (+N with bias), numbers substituted. */
export function standardParamsTex({ k, m, n, bias = false }: { k: number; m: number; n: number; bias?: boolean }): TexResult {
  const c = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1, bias });
  const symbolic = ['D_K', 'D_K', 'M', 'N'].join(dot) + (bias ? ' + N' : '');
  const numbers = [k, k, m, n].map(texInt).join(dot) + (bias ? ` + ${texInt(n)}` : '');
  return { tex: `${symbolic} = ${numbers} = ${texInt(c.params)}`, value: c.params };
}

/**
 * Standard conv mult-adds D_K·D_K·M·N·D_G·D_G, `df` being the output size D_G (Howard et al. 2017,
 * §3.1: D_G = D_F at stride 1 with 'same' padding, the case eq. 2 is written for).
 */
export function standardMacsTex({ k, m, n, df }: { k: number; m: number; n: number; df: number }): TexResult {
  const c = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
  const symbolic = ['D_K', 'D_K', 'M', 'N', 'D_G', 'D_G'].join(dot);
  const numbers = [k, k, m, n, df, df].map(texInt).join(dot);
  return { tex: `${symbolic} = ${numbers} = ${texInt(c.multAdds)}`, value: c.multAdds };
}

/** Depthwise separable params D_K·D_K·M + M·N (+N with bias, as Keras SeparableConv2D). */
export function separableParamsTex({ k, m, n, bias = false }: { k: number; m: number; n: number; bias?: boolean }): TexResult {
  const c = convCost({ kind: 'separable', k, cin: m, cout: n, inH: 1, bias });
  const parts = c.parts!;
  const b = bias ? ' + N' : '';
  const bn = bias ? ` + ${texInt(n)}` : '';
  const tex =
    `D_K${dot}D_K${dot}M + M${dot}N${b}` +
    ` = ${[k, k, m].map(texInt).join(dot)} + ${[m, n].map(texInt).join(dot)}${bn}` +
    ` = ${texInt(parts.depthwise.params)} + ${texInt(parts.pointwise.paramsNoBias)}${bn}` +
    ` = ${texInt(c.params)}`;
  return { tex, value: c.params };
}

/** Depthwise separable mult-adds D_K·D_K·M·D_G·D_G + M·N·D_G·D_G, `df` the output size D_G (Howard et al. 2017, eq. 5, written for stride 1). */
export function separableMacsTex({ k, m, n, df }: { k: number; m: number; n: number; df: number }): TexResult {
  const c = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
  const parts = c.parts!;
  const tex =
    `D_K${dot}D_K${dot}M${dot}D_G${dot}D_G + M${dot}N${dot}D_G${dot}D_G` +
    ` = ${[k, k, m, df, df].map(texInt).join(dot)} + ${[m, n, df, df].map(texInt).join(dot)}` +
    ` = ${texInt(parts.depthwise.multAdds)} + ${texInt(parts.pointwise.multAdds)}` +
    ` = ${texInt(c.multAdds)}`;
  return { tex, value: c.multAdds };
}

/** Grouped conv params D_K²·(M/G)·(N/G)·G, numbers substituted (throws unless G divides M and N). */
export function groupedParamsTex({ k, m, n, g }: { k: number; m: number; n: number; g: number }): TexResult {
  const c = convCost({ kind: 'grouped', k, cin: m, cout: n, groups: g, inH: 1 });
  const tex =
    `D_K^2${dot}\\frac{M}{G}${dot}\\frac{N}{G}${dot}G` +
    ` = ${texInt(k)}^2${dot}\\frac{${texInt(m)}}{${texInt(g)}}${dot}\\frac{${texInt(n)}}{${texInt(g)}}${dot}${texInt(g)}` +
    ` = ${texInt(c.params)}`;
  return { tex, value: c.params };
}

/** Grouped conv mult-adds D_K²·(M/G)·(N/G)·G·D_G², `df` the output size D_G: the standard cost divided by G. */
export function groupedMacsTex({ k, m, n, g, df }: { k: number; m: number; n: number; g: number; df: number }): TexResult {
  const c = convCost({ kind: 'grouped', k, cin: m, cout: n, groups: g, inH: df });
  const tex =
    `D_K^2${dot}\\frac{M}{G}${dot}\\frac{N}{G}${dot}G${dot}D_G^2` +
    ` = ${texInt(k)}^2${dot}\\frac{${texInt(m)}}{${texInt(g)}}${dot}\\frac{${texInt(n)}}{${texInt(g)}}${dot}${texInt(g)}${dot}${texInt(df)}^2` +
    ` = ${texInt(c.multAdds)}`;
  return { tex, value: c.multAdds };
}

/**
 * The reduction (Howard et al. 2017, §3.1, after eq. 5): 1/N + 1/D_K² with numbers, summed to a reduced
 * fraction and a 3-digit decimal, e.g. k 3, n 64 → `… = \frac{1}{64}+\frac{1}{9} = \frac{73}{576} \approx 0.127`.
 */
export function separableRatioTex({ k, n }: { k: number; n: number }): TexRatio {
  const value = separableRatio({ k, n });
  const dec = texDecimal(value);
  const k2 = BigInt(k) * BigInt(k);
  const tex =
    `\\frac{1}{N}+\\frac{1}{D_K^2} = \\frac{1}{${texInt(n)}}+\\frac{1}{${texInt(k2)}} = ${texRational(value)}` + dec.tex;
  return { tex, value, approx: dec.approx };
}

/**
 * Separable / standard mult-adds with the reader's numbers: the two totals, the fraction they
 * reduce to, and that it equals 1/N + 1/D_K² (the same fraction, Howard et al. 2017, §3.1).
 */
export function costRatioTex({ k, m, n, df }: { k: number; m: number; n: number; df: number }): TexRatio {
  const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
  const value = rational(BigInt(sep.multAdds), BigInt(std.multAdds));
  const dec = texDecimal(value);
  const k2 = BigInt(k) * BigInt(k);
  const tex =
    `\\frac{${texInt(sep.multAdds)}}{${texInt(std.multAdds)}} = \\frac{1}{${texInt(n)}}+\\frac{1}{${texInt(k2)}} = ${texRational(value)}` +
    dec.tex;
  return { tex, value, approx: dec.approx };
}
