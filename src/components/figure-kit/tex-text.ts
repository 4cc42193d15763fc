/**
 * A figure's formula as plain SVG text, for exported pictures: programs that open an SVG file
 * (Inkscape, rsvg-convert) have neither KaTeX's HTML nor its fonts, so the TeX the figure typesets
 * is written out linearly instead: fractions as a/b, sub- and superscripts as shifted runs,
 * variables in italic, each row of an aligned block on a line of its own. It covers the TeX that
 * src/lib/tex.ts writes; a command it does not know is shown by name, never dropped.
 */

/** A piece of one line: its text, whether it is a variable (italic), and any script shift. */
export interface TexRun {
  readonly text: string;
  readonly italic: boolean;
  readonly shift: 'sub' | 'super' | null;
}

export type TexLine = readonly TexRun[];

const SYMBOLS: Record<string, string> = {
  cdot: '·',
  times: '×',
  approx: '≈',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  neq: '≠',
  ne: '≠',
  to: '→',
  rightarrow: '→',
  infty: '∞',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  pm: '±',
  sum: 'Σ',
  prime: '′',
};

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  Delta: 'Δ',
  Sigma: 'Σ',
};

/** Operators and relations written with a space on each side. */
const SPACED = new Set(['+', '−', '=', '·', '×', '≈', '≤', '≥', '≠', '→', '±']);

/** Commands whose argument is upright text. */
const TEXT_COMMANDS = new Set(['text', 'textrm', 'mathrm', 'textbf', 'mathbf', 'operatorname', 'textit']);

/** Commands that only size or style what follows and can be left out of plain text. */
const IGNORED = new Set(['left', 'right', 'displaystyle', 'textstyle', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr', 'limits', 'nolimits']);

const SPACES: Record<string, string> = { ',': '\u2009', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: '\u2003', qquad: '\u2003\u2003' };

interface Atom {
  text: string;
  italic: boolean;
  shift: 'sub' | 'super' | null;
  /** Spaced operator (spaces added when lines are assembled). */
  op?: boolean;
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.i] ?? '';
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
  /** A command name after a backslash: letters, or one other character. */
  command(): string {
    this.i += 1;
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return m[0];
    }
    const c = this.peek();
    this.i += 1;
    return c;
  }
  /** The source of the next argument: a {group}, a command or one character. */
  argument(): string {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') {
      let depth = 0;
      const start = this.i;
      for (; this.i < this.s.length; this.i++) {
        const ch = this.s[this.i];
        if (ch === '\\') {
          this.i += 1;
          continue;
        }
        if (ch === '{') depth += 1;
        else if (ch === '}') {
          depth -= 1;
          if (depth === 0) {
            this.i += 1;
            return this.s.slice(start + 1, this.i - 1);
          }
        }
      }
      return this.s.slice(start + 1);
    }
    if (c === '\\') {
      const start = this.i;
      this.command();
      return this.s.slice(start, this.i);
    }
    this.i += 1;
    return c;
  }
  skipSpace(): void {
    while (/\s/.test(this.peek())) this.i += 1;
  }
}

/** Atoms of a math-mode source, `shift` applied to all of them (scripts do not nest further). */
function mathAtoms(src: string, shift: Atom['shift']): Atom[] {
  const r = new Reader(src);
  const out: Atom[] = [];
  const push = (text: string, italic: boolean, op = false): void => {
    out.push({ text, italic, shift, op });
  };
  const script = (kind: 'sub' | 'super'): void => {
    for (const a of mathAtoms(r.argument(), shift ?? kind)) out.push({ ...a, op: false });
  };
  while (!r.done()) {
    const c = r.peek();
    if (/\s/.test(c)) {
      r.i += 1;
    } else if (c === '{') {
      const group = r.argument();
      // {,} is a thousands separator: no space after it.
      if (group === ',') push(',', false);
      else out.push(...mathAtoms(group, shift));
    } else if (c === '}') {
      r.i += 1;
    } else if (c === '^' || c === '_') {
      r.i += 1;
      script(c === '^' ? 'super' : 'sub');
    } else if (c === '&') {
      r.i += 1;
    } else if (c === "'") {
      r.i += 1;
      push('′', false);
    } else if (c === '-') {
      r.i += 1;
      push('−', false, true);
    } else if (c === '\\') {
      const name = r.command();
      if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const num = mathAtoms(r.argument(), shift);
        const den = mathAtoms(r.argument(), shift);
        const wrap = (xs: Atom[]): Atom[] => (xs.some((a) => a.op) ? [{ text: '(', italic: false, shift }, ...xs, { text: ')', italic: false, shift }] : xs);
        out.push(...wrap(num), { text: '/', italic: false, shift }, ...wrap(den));
      } else if (name === 'underbrace' || name === 'overbrace') {
        out.push(...mathAtoms(r.argument(), shift));
        r.skipSpace();
        if (r.peek() === '_' || r.peek() === '^') {
          r.i += 1;
          out.push({ text: ' (', italic: false, shift }, ...mathAtoms(r.argument(), shift).map((a) => ({ ...a, op: false })), { text: ')', italic: false, shift });
        }
      } else if (name === 'htmlData' || name === 'htmlClass' || name === 'htmlId' || name === 'htmlStyle') {
        // Linking marks for the page (term=…): the exported text keeps only what they wrap.
        r.argument();
        out.push(...mathAtoms(r.argument(), shift));
      } else if (TEXT_COMMANDS.has(name)) {
        push(textOf(r.argument()), name === 'textit');
      } else if (name === 'sqrt') {
        const body = mathAtoms(r.argument(), shift);
        out.push({ text: '√(', italic: false, shift }, ...body, { text: ')', italic: false, shift });
      } else if (name === 'begin' || name === 'end') {
        r.argument();
      } else if (name in SPACES) {
        push(SPACES[name], false);
      } else if (name === '{' || name === '}' || name === '%' || name === '#' || name === '$' || name === '_') {
        push(name, false);
      } else if (name in GREEK) {
        push(GREEK[name], true);
      } else if (name in SYMBOLS) {
        push(SYMBOLS[name], false, SPACED.has(SYMBOLS[name]));
      } else if (IGNORED.has(name)) {
        // Sizing only.
      } else if (/^[A-Za-z]+$/.test(name)) {
        // min, max, log … and anything unknown: its name, upright.
        push(name, false);
      } else push(name, false);
    } else {
      r.i += 1;
      if (/[A-Za-z]/.test(c)) push(c, true);
      else if (c === ',' || c === ';') push(`${c}\u2009`, false);
      else push(c, false, SPACED.has(c));
    }
  }
  return out;
}

/** The text of a \text{…} argument: braces and a few escapes removed, spaces kept. */
function textOf(src: string): string {
  return src
    .replace(/\\([{}%#$&_])/g, '$1')
    .replace(/\\[,;: ]/g, ' ')
    .replace(/[{}]/g, '');
}

/** Split at top-level row breaks (\\), outside braces. */
function rows(tex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      if (tex[i + 1] === '\\' && depth === 0) {
        out.push(tex.slice(start, i));
        start = i + 2;
      }
      i += 1;
    } else if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
  }
  out.push(tex.slice(start));
  return out;
}

/** Strip an outer \begin{aligned}…\end{aligned} (or gathered, array …) so its rows can be split. */
function unwrap(tex: string): string {
  const m = /^\s*\\begin\{([a-z*]+)\}([\s\S]*)\\end\{\1\}\s*$/.exec(tex);
  return m ? m[2] : tex;
}

/** One formula as lines of runs: one line per row of an aligned or gathered block. */
export function texToLines(tex: string): TexLine[] {
  const lines: TexLine[] = [];
  for (const row of rows(unwrap(tex))) {
    const atoms = mathAtoms(row, null);
    const runs: TexRun[] = [];
    atoms.forEach((a, k) => {
      let text = a.text;
      // Binary operators get a space each side, except where a line or a script starts with one.
      if (a.op && a.shift === null) text = k === 0 || runs.length === 0 ? `${text} ` : ` ${text} `;
      const last = runs[runs.length - 1];
      if (last && last.italic === a.italic && last.shift === a.shift) runs[runs.length - 1] = { ...last, text: last.text + text };
      else runs.push({ text, italic: a.italic, shift: a.shift });
    });
    // Collapse doubled spaces, trim the ends.
    const tidy = runs
      .map((r) => ({ ...r, text: r.text.replace(/ {2,}/g, ' ') }))
      .filter((r) => r.text !== '');
    if (tidy.length > 0) {
      tidy[0] = { ...tidy[0], text: tidy[0].text.trimStart() };
      const end = tidy.length - 1;
      tidy[end] = { ...tidy[end], text: tidy[end].text.trimEnd() };
    }
    const kept = tidy.filter((r) => r.text !== '');
    if (kept.length > 0) lines.push(kept);
  }
  return lines;
}

/** A line as plain text, scripts marked _{…} and ^{…} (for tests and for text-only uses). */
export function lineText(line: TexLine): string {
  return line.map((r) => (r.shift === 'sub' ? `_{${r.text}}` : r.shift === 'super' ? `^{${r.text}}` : r.text)).join('');
}
