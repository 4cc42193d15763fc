/**
 * The numbers in a formula's TeX, apart from the rest of it. Two formulas with the same rest (the
 * same skeleton) differ only in their numbers, and KaTeX draws each number as a text node of its
 * own whose glyphs all have the same height: the drawn formula can then be brought up to date by
 * writing the new numbers into those nodes, without typesetting it again.
 */

/** A number as the formulas write it: digits, with a decimal part; `{,}` separators split it. */
const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * A skeleton marks where a number was with NUL and `n`. No formula writes NUL; one that did would
 * have it written as NUL and `e` in its skeleton, so the two can never be confused.
 */
const SLOT = '\u0000n';
const ESCAPED_NUL = '\u0000e';

export interface TexNumbers {
  /** The TeX with every number replaced by a placeholder (NUL and `n`). */
  readonly skeleton: string;
  /** The numbers, in the order they are written. */
  readonly numbers: readonly string[];
}

/** `3 \cdot 2{,}048` → skeleton `␀n \cdot ␀n{,}␀n` (␀: NUL), numbers ['3', '2', '048']. */
export function texNumbers(tex: string): TexNumbers {
  const numbers: string[] = [];
  const skeleton = tex.replaceAll('\u0000', ESCAPED_NUL).replace(NUMBER, (n) => {
    numbers.push(n);
    return SLOT;
  });
  return { skeleton, numbers };
}

/**
 * The TeX of a skeleton with its slots filled by `numbers`, in order (`texNumbers(t)` filled with
 * its own numbers gives `t` back).
 */
export function fillNumbers({ skeleton }: TexNumbers, numbers: readonly string[]): string {
  let i = 0;
  return skeleton.replace(/\0([en])/g, (_, k: string) => (k === 'e' ? '\u0000' : (numbers[i++] ?? '')));
}

/** Commands that take no argument, after which a number is a number and nothing more. */
const NO_ARGUMENT = new Set(['cdot', 'times', 'div', 'pm', 'mp', 'approx', 'sim', 'simeq', 'equiv', 'le', 'leq', 'ge', 'geq', 'ne', 'neq', 'lt', 'gt', 'to', 'rightarrow', 'leftarrow', 'Rightarrow', 'mapsto', 'quad', 'qquad', 'ldots', 'cdots', 'dots', 'left', 'right', 'colon', 'mid']);

/** Commands of one argument: a number after that argument is not another one. */
const ONE_ARGUMENT = new Set(['text', 'textrm', 'textbf', 'textit', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathbb', 'mathcal', 'operatorname', 'boldsymbol', 'bm', 'hat', 'bar', 'vec', 'tilde', 'overline', 'underline', 'overbrace', 'underbrace', 'sqrt']);

/** Whether the brace group that closes just before `end` is a command's first of several arguments. */
function closesFirstArgument(skeleton: string, end: number): boolean {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = skeleton[i];
    if ((c === '{' || c === '}') && skeleton[i - 1] === '\\') continue;
    if (c === '}') depth += 1;
    else if (c === '{' && --depth === 0) {
      const before = skeleton.slice(0, i).trimEnd();
      const command = /\\([A-Za-z]+)$/.exec(before);
      return command !== null && !ONE_ARGUMENT.has(command[1]);
    }
  }
  return true;
}

/**
 * For each number of a skeleton, whether KaTeX's drawing of it depends on its digits, so that it
 * may change its digits but not how many it has or where its decimal point is. A script's base
 * (32^2 and 32' put the script on the last digit and draw the 3 apart), a script written without
 * braces (x^2) and an argument written without braces (\sqrt2, \frac{1}2) take one character. A
 * number after a command not known to take no argument, or after a command's first argument
 * (anything but a group of its own, a script or a one-argument command's), counts as one of these.
 */
export function digitBound({ skeleton }: TexNumbers): boolean[] {
  const out: boolean[] = [];
  const slot = /\0n/g;
  for (let m = slot.exec(skeleton); m; m = slot.exec(skeleton)) {
    const before = skeleton.slice(0, m.index).trimEnd();
    const after = skeleton.slice(m.index + m[0].length);
    const command = /\\([A-Za-z]+)$/.exec(before);
    out.push(
      /^\s*[\^_']/.test(after) ||
        /[\^_\]]$/.test(before) ||
        (before.endsWith('}') && closesFirstArgument(before, before.length)) ||
        (command !== null && !NO_ARGUMENT.has(command[1])),
    );
  }
  return out;
}

/** Whether two numbers have as many characters, with any decimal point in the same place. */
export function sameLayout(a: string, b: string): boolean {
  return a.length === b.length && a.indexOf('.') === b.indexOf('.');
}

/** Whether two formulas differ at most in their numbers (one can be drawn from the other's). */
export function sameShape(a: TexNumbers, b: TexNumbers): boolean {
  return a.skeleton === b.skeleton && a.numbers.length === b.numbers.length;
}

/** The numbers in a piece of text (a drawn formula's text node), read as texNumbers reads TeX. */
export function numbersIn(text: string): string[] {
  return text.match(NUMBER) ?? [];
}

/** The text with its numbers replaced, in order, by `numbers` (one each). */
export function withNumbers(text: string, numbers: readonly string[]): string {
  let i = 0;
  return text.replace(NUMBER, (n) => numbers[i++] ?? n);
}
