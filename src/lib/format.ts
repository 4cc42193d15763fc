/** Number formatting for the reader. Counts stay exact in data-exact; text may round and says so. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** An exact integer with thousands separators: 13176900 → "13,176,900". */
export function formatInt(x: number): string {
  // Counts reach here checked; should one not be a number, the reader sees a dash, not "NaN".
  return Number.isFinite(x) ? grouped.format(x) : '—';
}

const UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** A count rounded to three significant digits with an SI prefix: 13176900 → "13.2 M". */
export function formatCompact(x: number): string {
  // The prefix follows the rounded count: 999,600 is "1.00 M", not "1000 k".
  const a = Math.abs(Number(x.toPrecision(3)));
  for (const [size, unit] of UNITS) {
    if (a >= size) return `${toSignificant(x / size, 3)} ${unit}`;
  }
  return formatInt(x);
}

/** Three significant digits, no exponent, no trailing zeros beyond what precision needs. */
export function toSignificant(x: number, digits: number): string {
  if (x === 0) return '0';
  // Rounded first, so that 9.996 to three digits is 10.0 (three digits), not 10.00.
  const r = Number(x.toPrecision(digits));
  return r.toFixed(Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(r)))));
}

/** A ratio shown as a multiple: 8.79 → "8.8×". */
export function formatTimes(x: number): string {
  return `${toSignificant(x, x >= 100 ? 3 : 2)}×`;
}

/** A fraction of one as a percentage with the given decimals: 0.9486 → "94.86%". */
export function formatPercent(x: number, decimals = 1): string {
  return `${(x * 100).toFixed(decimals)}%`;
}

/**
 * Control characters (C0, DEL, C1) and invisible formatting characters that reorder or hide text:
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks
 * U+200E, U+200F and U+061C, zero-width characters and the byte-order mark.
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g;

/**
 * Text someone gave (a URL value, a pasted cell), made safe to quote back in a message: control
 * and bidirectional formatting characters become a space, and the result is cut to `max`
 * characters with an ellipsis. Shown as text, never as markup.
 */
export function echoText(text: string, max = 24): string {
  const plain = text.replace(UNSHOWABLE, ' ');
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}
