/**
 * A path or transform written by hand, rounded`M${x} ${y}H${x2}`, its numbers to two decimals as
 * svg.ts writes numeric attributes: 84 + 75.53472222222223 would otherwise reach the page and every
 * exported file with all its digits. Its own module, so that only the figures that use it fetch it.
 */
export const rounded = (parts: TemplateStringsArray, ...numbers: number[]): string => String.raw({ raw: parts }, ...numbers.map((n) => Math.round(n * 100) / 100));
