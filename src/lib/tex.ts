/**
 * KaTeX source for the cost formulas with the reader's numbers substituted. Each function
 * computes its value with `convCost` / `separableRatio` and writes the TeX from the same
 * numbers, so the formula on the page and the number in the figure cannot disagree.
 * Notation: Howard et al. 2017 (arXiv:1704.04861) §3.1 — D_K, M, N, D_F the input size, D_G the
 * output size (D_G = ⌈D_F / s⌉ with 'same' padding), and G for groups.
 *
 * Layout: every builder takes `{ narrow }`: one line (`a = b = c`) by default, or one step per
 * line in a KaTeX `aligned` block for a phone, sums broken after each term. With `{ terms }` the
 * parts of a formula that count something are wrapped in `\htmlData{term=…}{…}`, so a figure can
 * link them to the marks that draw the same thing (figure-kit/term-links.ts; KaTeX needs `trust`
 * for \htmlData, which the figures grant for that command only).
 */
import { convCost, outputSize, rational, rationalToNumber, separableRatio, type Rational } from './cost';
import { texInt, texTerm, type TermName, type TexLayout } from './tex-parts';

export { texInt, texTerm, type TermName, type TexLayout };

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


/** `\frac{p}{q}`, or just `p` when q = 1. */
export function texRational(r: Rational): string {
  return r.den === 1n ? texInt(r.num) : `\\frac{${texInt(r.num)}}{${texInt(r.den)}}`;
}

/** The decimal step after a fraction: `= x` when x is exactly the rational, else `\approx x` (3 significant digits); none for an integer. */
function texDecimal(r: Rational): { step?: TexStep; approx: number } {
  const approx = Number(rationalToNumber(r).toPrecision(3));
  const exact = r.den !== 1n && Number.isFinite(approx) && rationalEqualsDecimal(r, approx);
  if (r.den === 1n) return { approx };
  return { step: { rel: exact ? '=' : '\\approx', parts: [String(approx)] }, approx };
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


/** One side of an equation chain: summands joined by +, and the relation before it (default =). */
export interface TexStep {
  rel?: string;
  parts: readonly string[];
}

/** A TeX string, the exact value it ends with, and its steps (for laying it out in other blocks). */
export interface TexChain extends TexResult {
  steps: readonly TexStep[];
}


const step = (...parts: string[]): TexStep => ({ parts });
/** x·x, or x² in the narrow layout (shorter lines on a phone). */
const twice = (x: string, layout: TexLayout): string => (layout.narrow ? `${x}^2` : `${x}${dot}${x}`);
const sumOf = (s: TexStep): string => s.parts.join(' + ');

/**
 * A chain of steps as TeX: `s0 = s1 = s2` on one line, or (narrow) an `aligned` block with one
 * step per line, `=` aligned, and each further summand of a sum on a line of its own.
 */
export function texChain(steps: readonly TexStep[], { narrow = false }: TexLayout = {}): string {
  if (!narrow) return steps.map((s, i) => (i === 0 ? sumOf(s) : `${s.rel ?? '='} ${sumOf(s)}`)).join(' ');
  return `\\begin{aligned} ${chainRows(steps).join(' \\\\ ')} \\end{aligned}`;
}

/**
 * Rows of an aligned block for a chain: `& s0`, `&= s1`, `&\quad + …` (the & before the
 * relation). Short steps share a row (up to NARROW_ROW characters); a long sum gets a row per term.
 */
function chainRows(steps: readonly TexStep[]): string[] {
  const rows: string[] = [];
  let row = '';
  let rowWidth = 0;
  const flush = (): void => {
    if (row) rows.push(`&${row}`);
    row = '';
    rowWidth = 0;
  };
  steps.forEach((s, i) => {
    const rel = i === 0 ? '' : `${s.rel ?? '='} `;
    const text = `${rel}${sumOf(s)}`;
    const w = texWidth(text);
    if (s.parts.length > 1 && texWidth(sumOf(s)) > NARROW_SUM) {
      flush();
      s.parts.forEach((p, j) => rows.push(j === 0 ? `&${rel}${p}` : `&\\quad + ${p}`));
      return;
    }
    if (row && rowWidth + w > NARROW_ROW) flush();
    row = row ? `${row} ${text}` : text;
    rowWidth += w;
  });
  flush();
  return rows;
}

/** A sum longer than this many characters (see texWidth) gets one line per term when narrow. */
const NARROW_SUM = 22;
/** Steps share a narrow row while together they are at most this many characters. */
const NARROW_ROW = 16;

/**
 * Roughly how many characters wide TeX renders: markup dropped, a \frac as wide as its wider
 * part and one more, a command (\cdot, \lceil …) as one character, =, + and \approx as three
 * (their spacing). Only used to decide where to break a line.
 */
export function texWidth(tex: string): number {
  let t = tex.replace(/\\htmlData\{[^}]*\}/g, '').replace(/\{,\}/g, ',');
  // Innermost fractions first: \frac{a}{b} → the longer of a and b.
  for (let i = 0; i < 8 && /\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/.test(t); i++) {
    t = t.replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, (_, a: string, b: string) => `${texWidth(a) >= texWidth(b) ? a : b}#`);
  }
  // Relations and + take their spacing: about three characters.
  t = t.replace(/\\(approx|leq|geq)\b|[=+]/g, '###');
  t = t.replace(/\\(left|right)\b/g, '').replace(/\\[a-zA-Z]+/g, '#').replace(/[{}\s^_&]/g, '');
  return t.length;
}

/**
 * Several labelled chains in one `aligned` block (e.g. params and mult-adds). Wide: steps share a
 * line up to WIDE_ROW characters, so a short chain is one line and a long one wraps after whole
 * steps (never leaving the result alone). Narrow: the label on a line of its own, then the
 * narrow rows of each chain, all left-aligned so the label takes no width from them.
 */
export function texEquations(rows: readonly { label: string; steps: readonly TexStep[] }[], { narrow = false }: TexLayout = {}): string {
  const lines = rows.flatMap(({ label, steps }) => {
    const name = `\\text{${label}}`;
    if (narrow) return [`&${name}`, ...chainRows(steps)];
    // Group the steps into lines of at most WIDE_ROW; a last step left alone takes one more along.
    const texts = steps.map((s, i) => (i === 0 ? sumOf(s) : `${s.rel ?? '='} ${sumOf(s)}`));
    const groups: number[][] = [];
    let width = Infinity;
    texts.forEach((t, i) => {
      const w = texWidth(t);
      if (width + w > WIDE_ROW) {
        groups.push([]);
        width = 0;
      }
      groups[groups.length - 1].push(i);
      width += w;
    });
    const [before, last] = [groups[groups.length - 2], groups[groups.length - 1]];
    if (before && before.length > 1 && last.length === 1) last.unshift(before.pop()!);
    return groups.map((g, j) => (j === 0 ? `${name} &= ${g.map((i) => texts[i]).join(' ')}` : `&${g.map((i) => texts[i]).join(' ')}`));
  });
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

/** Steps share a wide line while together they are at most this many characters (see texWidth). */
const WIDE_ROW = 46;

const result = (steps: TexStep[], value: number, layout: TexLayout): TexChain => ({ tex: texChain(steps, layout), value, steps });

/** D_G = ⌈D_F / s⌉, the output size of a 'same'-padded layer, with numbers (Howard et al. 2017 write D_G). */
export function outputSizeTex({ df, s = 1 }: { df: number; s?: number }, layout: TexLayout = {}): TexChain {
  const dg = outputSize(df, 1, s, 'same');
  const term = (t: string) => texTerm('output-size', t, layout.terms);
  return result([step(term('D_G')), step(`\\left\\lceil \\frac{D_F}{s} \\right\\rceil`), step(`\\left\\lceil \\frac{${texInt(df)}}{${texInt(s)}} \\right\\rceil`), step(term(texInt(dg)))], dg, layout);
}

/** Standard conv params D_K·D_K·M·N (+N with bias), numbers substituted. */
export function standardParamsTex({ k, m, n, bias = false }: { k: number; m: number; n: number; bias?: boolean }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1, bias });
  const t = layout.terms;
  const b = bias ? ' + N' : '';
  const bn = bias ? ` + ${texInt(n)}` : '';
  const symbolic = [texTerm('kernel-size', twice('D_K', layout), t), texTerm('in-channels', 'M', t), texTerm('out-channels', 'N', t)].join(dot) + b;
  const numbers = [texTerm('kernel-size', twice(texInt(k), layout), t), texTerm('in-channels', texInt(m), t), texTerm('out-channels', texInt(n), t)].join(dot) + bn;
  return result([step(symbolic), step(numbers), step(texInt(c.params))], c.params, layout);
}

/**
 * Standard conv mult-adds D_K·D_K·M·N·D_G·D_G (Howard et al. 2017, eq. 2): every weight once at
 * each of the D_G × D_G output positions, D_G = ⌈D_F / s⌉ ('same' padding; D_G = D_F at stride 1).
 */
export function standardMacsTex({ k, m, n, df, s = 1 }: { k: number; m: number; n: number; df: number; s?: number }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df, stride: s });
  const t = layout.terms;
  const dg = c.outH;
  const symbolic = [texTerm('kernel-size', twice('D_K', layout), t), texTerm('in-channels', 'M', t), texTerm('out-channels', 'N', t), texTerm('output-size', twice('D_G', layout), t)].join(dot);
  const numbers = [
    texTerm('kernel-size', twice(texInt(k), layout), t),
    texTerm('in-channels', texInt(m), t),
    texTerm('out-channels', texInt(n), t),
    texTerm('output-size', twice(texInt(dg), layout), t),
  ].join(dot);
  return result([step(symbolic), step(numbers), step(texInt(c.multAdds))], c.multAdds, layout);
}

/** Depthwise separable params D_K·D_K·M + M·N (+N with bias, as Keras SeparableConv2D). */
export function separableParamsTex({ k, m, n, bias = false }: { k: number; m: number; n: number; bias?: boolean }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'separable', k, cin: m, cout: n, inH: 1, bias });
  const parts = c.parts!;
  const dw = (x: string) => texTerm('depthwise', x, layout.terms);
  const pw = (x: string) => texTerm('pointwise', x, layout.terms);
  const b = bias ? ['N'] : [];
  const bn = bias ? [texInt(n)] : [];
  return result(
    [
      step(dw(`${twice('D_K', layout)}${dot}M`), pw(`M${dot}N`), ...b),
      step(dw(`${twice(texInt(k), layout)}${dot}${texInt(m)}`), pw([m, n].map(texInt).join(dot)), ...bn),
      step(dw(texInt(parts.depthwise.params)), pw(texInt(parts.pointwise.paramsNoBias)), ...bn),
      step(texInt(c.params)),
    ],
    c.params,
    layout,
  );
}

/** Depthwise separable mult-adds D_K·D_K·M·D_G·D_G + M·N·D_G·D_G (Howard et al. 2017, eq. 4, output size D_G). */
export function separableMacsTex({ k, m, n, df, s = 1 }: { k: number; m: number; n: number; df: number; s?: number }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df, stride: s });
  const parts = c.parts!;
  const dg = c.outH;
  const dw = (x: string) => texTerm('depthwise', x, layout.terms);
  const pw = (x: string) => texTerm('pointwise', x, layout.terms);
  return result(
    [
      step(dw(`${twice('D_K', layout)}${dot}M${dot}${twice('D_G', layout)}`), pw(`M${dot}N${dot}${twice('D_G', layout)}`)),
      step(dw(`${twice(texInt(k), layout)}${dot}${texInt(m)}${dot}${twice(texInt(dg), layout)}`), pw(`${texInt(m)}${dot}${texInt(n)}${dot}${twice(texInt(dg), layout)}`)),
      step(dw(texInt(parts.depthwise.multAdds)), pw(texInt(parts.pointwise.multAdds))),
      step(texInt(c.multAdds)),
    ],
    c.multAdds,
    layout,
  );
}

/** Grouped conv params D_K²·(M/G)·(N/G)·G, numbers substituted (throws unless G divides M and N). */
export function groupedParamsTex({ k, m, n, g }: { k: number; m: number; n: number; g: number }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'grouped', k, cin: m, cout: n, groups: g, inH: 1 });
  const t = layout.terms;
  return result(
    [
      step([texTerm('kernel-size', 'D_K^2', t), texTerm('in-channels', '\\frac{M}{G}', t), texTerm('out-channels', '\\frac{N}{G}', t), texTerm('groups', 'G', t)].join(dot)),
      step(
        [
          texTerm('kernel-size', `${texInt(k)}^2`, t),
          texTerm('in-channels', `\\frac{${texInt(m)}}{${texInt(g)}}`, t),
          texTerm('out-channels', `\\frac{${texInt(n)}}{${texInt(g)}}`, t),
          texTerm('groups', texInt(g), t),
        ].join(dot),
      ),
      step(texInt(c.params)),
    ],
    c.params,
    layout,
  );
}

/** Grouped conv mult-adds D_K²·(M/G)·(N/G)·G·D_G², i.e. the standard cost divided by G. */
export function groupedMacsTex({ k, m, n, g, df, s = 1 }: { k: number; m: number; n: number; g: number; df: number; s?: number }, layout: TexLayout = {}): TexChain {
  const c = convCost({ kind: 'grouped', k, cin: m, cout: n, groups: g, inH: df, stride: s });
  const t = layout.terms;
  return result(
    [
      step(
        [texTerm('kernel-size', 'D_K^2', t), texTerm('in-channels', '\\frac{M}{G}', t), texTerm('out-channels', '\\frac{N}{G}', t), texTerm('groups', 'G', t), texTerm('output-size', 'D_G^2', t)].join(dot),
      ),
      step(
        [
          texTerm('kernel-size', `${texInt(k)}^2`, t),
          texTerm('in-channels', `\\frac{${texInt(m)}}{${texInt(g)}}`, t),
          texTerm('out-channels', `\\frac{${texInt(n)}}{${texInt(g)}}`, t),
          texTerm('groups', texInt(g), t),
          texTerm('output-size', `${texInt(c.outH)}^2`, t),
        ].join(dot),
      ),
      step(texInt(c.multAdds)),
    ],
    c.multAdds,
    layout,
  );
}

/** A TeX chain ending in an exact rational and its 3-significant-digit decimal. */
export interface TexRatioChain extends TexRatio {
  steps: readonly TexStep[];
}

/**
 * The reduction (Howard et al. 2017, eq. 5): 1/N + 1/D_K² with numbers, summed to a reduced
 * fraction and a 3-digit decimal, e.g. k 3, n 64 → `… = \frac{1}{64} + \frac{1}{9} = \frac{73}{576} \approx 0.127`.
 * With terms, 1/N is the depthwise share of the standard cost and 1/D_K² the pointwise share.
 */
export function separableRatioTex({ k, n }: { k: number; n: number }, layout: TexLayout = {}): TexRatioChain {
  const value = separableRatio({ k, n });
  const dec = texDecimal(value);
  const k2 = BigInt(k) * BigInt(k);
  const dw = (x: string) => texTerm('depthwise', x, layout.terms);
  const pw = (x: string) => texTerm('pointwise', x, layout.terms);
  const steps: TexStep[] = [step(dw('\\frac{1}{N}'), pw('\\frac{1}{D_K^2}')), step(dw(`\\frac{1}{${texInt(n)}}`), pw(`\\frac{1}{${texInt(k2)}}`)), step(texRational(value))];
  if (dec.step) steps.push(dec.step);
  return { tex: texChain(steps, layout), value, approx: dec.approx, steps };
}

/**
 * Separable / standard mult-adds with the reader's numbers: the two totals, that their quotient is
 * 1/N + 1/D_K² (eq. 5: depthwise / standard = 1/N, pointwise / standard = 1/D_K²), the fraction
 * it reduces to and its decimal.
 */
export function costRatioTex({ k, m, n, df, s = 1 }: { k: number; m: number; n: number; df: number; s?: number }, layout: TexLayout = {}): TexRatioChain {
  const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df, stride: s });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df, stride: s });
  const value = rational(BigInt(sep.multAdds), BigInt(std.multAdds));
  const dec = texDecimal(value);
  const k2 = BigInt(k) * BigInt(k);
  const dw = (x: string) => texTerm('depthwise', x, layout.terms);
  const pw = (x: string) => texTerm('pointwise', x, layout.terms);
  const steps: TexStep[] = [
    step(`\\frac{${texInt(sep.multAdds)}}{${texInt(std.multAdds)}}`),
    step(dw('\\frac{1}{N}'), pw('\\frac{1}{D_K^2}')),
    step(dw(`\\frac{1}{${texInt(n)}}`), pw(`\\frac{1}{${texInt(k2)}}`)),
    step(texRational(value)),
  ];
  if (dec.step) steps.push(dec.step);
  return { tex: texChain(steps, layout), value, approx: dec.approx, steps };
}
