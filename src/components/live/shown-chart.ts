/**
 * A live block's chart as the build left it: drawn twice, wide and narrow, with CSS showing the
 * one that fits the block's box (as figures are, figure-kit/client.ts).
 */

/** The width read when the chart gives none in its viewBox: the wide draft's. */
const WIDE_DRAFT = 680;

/**
 * Keep the chart CSS shows in `wrap` and remove the other, so that ids stay unique and one chart
 * is patched from now on; returns the width the kept chart was drawn for.
 */
export function keepShownChart(wrap: Element): number {
  const variants = [...wrap.querySelectorAll('svg[data-variant]')];
  const shown = variants.find((svg) => getComputedStyle(svg).display !== 'none') ?? variants[0] ?? wrap.querySelector('svg');
  for (const svg of variants) if (svg !== shown) svg.remove();
  return Number(shown?.getAttribute('viewBox')?.split(' ')[2]) || WIDE_DRAFT;
}
