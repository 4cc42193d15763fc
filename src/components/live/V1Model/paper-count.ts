/** The parameter count the MobileNet paper prints for a setting, as a short cited phrase. */
import { PAPER_MOBILENETS } from '../../../lib/accuracy';
import { liveEn, type LiveStrings } from '../../../i18n/live.en';

/**
 * e.g. "4.2M (Howard et al. 2017, Table 6)". The resolution does not change the parameters, so a
 * count printed for the same α at another resolution is given, and said to be so.
 */
export function paperParams(alpha: number, resolution: number, t: LiveStrings['v1Model'] = liveEn.v1Model): string {
  const exact = PAPER_MOBILENETS.find((q) => q.alpha === alpha && q.resolution === resolution);
  if (exact) return t.paperExact(String(exact.printedParamsM), exact.source.table);
  const sameWidth = PAPER_MOBILENETS.find((q) => q.alpha === alpha);
  if (sameWidth) return t.paperSameWidth(String(sameWidth.printedParamsM), String(alpha), String(sameWidth.resolution), sameWidth.source.table);
  return t.paperNone;
}
