/** The parameter count the MobileNet paper prints for a setting, as a short cited phrase. */
import { PAPER_MOBILENETS } from '../../../lib/accuracy';

/** e.g. "4.2M (Table 6)"; for settings the paper does not list, says so. */
export function paperParams(alpha: number, resolution: number): string {
  const p = PAPER_MOBILENETS.find((q) => q.alpha === alpha && q.resolution === resolution);
  return p ? `${p.printedParamsM}M (Howard et al. 2017, ${p.source.table})` : 'no count for this setting';
}
