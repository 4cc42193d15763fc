/** The parameter count the MobileNet paper prints for a setting, as a short cited phrase. */
import { PAPER_MOBILENETS } from '../../../lib/accuracy';

/**
 * e.g. "4.2M (Howard et al. 2017, Table 6)". The resolution does not change the parameters, so a
 * count printed for the same α at another resolution is given, and said to be so.
 */
export function paperParams(alpha: number, resolution: number): string {
  const exact = PAPER_MOBILENETS.find((q) => q.alpha === alpha && q.resolution === resolution);
  if (exact) return `${exact.printedParamsM}M (Howard et al. 2017, ${exact.source.table})`;
  const sameWidth = PAPER_MOBILENETS.find((q) => q.alpha === alpha);
  if (sameWidth) return `${sameWidth.printedParamsM}M for α ${alpha} at ${sameWidth.resolution} (Howard et al. 2017, ${sameWidth.source.table}); the resolution does not change it`;
  return 'no count for this α';
}
