/**
 * The rows of the MobileNet V1 layer table (the HTML alternative to the v1-architecture figure),
 * as plain strings and numbers from the cost model. Shared by the build-time table and the
 * script that refills it when α or the resolution changes.
 */
import { frameworkCounts, mobilenetV1, type ArchLayer } from '../../../lib/architectures';
import { formatInt } from '../../../lib/format';
import { figureWords } from '../../../i18n/figures';
import { v1ArchitectureEn } from '../../../i18n/figures/v1-architecture.en';
import type { Lang } from '../../../i18n';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof v1ArchitectureEn => figureWords(lang, 'v1Architecture', v1ArchitectureEn);

/** Short type and stride for a row: "conv s2", "dw s1", "pw", "FC". */
export function layerType(l: ArchLayer): string {
  if (l.kind === 'fc') return 'FC';
  if (l.kind === 'pointwise') return 'pw';
  return `${l.kind === 'depthwise' ? 'dw' : 'conv'} s${l.stride}`;
}

/** Output shape as "112²×32" (the FC layer: "1000"). */
export function layerShape(l: ArchLayer): string {
  return l.kind === 'fc' ? String(l.cout) : `${l.outH}²×${l.cout}`;
}

/** Filter shape as Table 1 prints it: "3×3×3×32", "3×3×64 dw", "1×1×64×128", "1024×1000". */
export function filterShape(l: ArchLayer): string {
  if (l.kind === 'fc') return `${l.cin}×${l.cout}`;
  if (l.kind === 'depthwise') return `3×3×${l.cin} dw`;
  return `${l.k}×${l.k}×${l.cin}×${l.cout}`;
}

/** The 13th depthwise layer: Table 1 prints "s2", the network needs s1 (see paper-tables.ts). */
export const STRIDE_ERRATUM_LAYER = 'conv_dw_13';

/** One table row: cells as text, and the exact counts. */
export interface LayerRow {
  cells: [index: string, name: string, type: string, filter: string, input: string, output: string, params: string, macs: string];
  params: number;
  macs: number;
  erratum: boolean;
}

/** The table for α and resolution: 28 rows and the totals line. Throws CostError like mobilenetV1. */
export function layerTable(alpha: number, resolution: number, lang: Lang = 'en'): { rows: LayerRow[]; totals: { params: number; macs: number; bnChannels: number; keras: number; pytorch: number } } {
  const arch = mobilenetV1({ alpha, resolution });
  const fw = frameworkCounts(arch);
  const rows = arch.layers.map((l, i): LayerRow => ({
    cells: [
      String(i + 1),
      l.name,
      layerType(l) + (l.name === STRIDE_ERRATUM_LAYER ? words(lang).table.erratum : ''),
      filterShape(l),
      l.kind === 'fc' ? `${l.cin}` : `${l.inH}²×${l.cin}`,
      layerShape(l),
      formatInt(l.params),
      formatInt(l.multAdds),
    ],
    params: l.params,
    macs: l.multAdds,
    erratum: l.name === STRIDE_ERRATUM_LAYER,
  }));
  return { rows, totals: { params: arch.params, macs: arch.multAdds, bnChannels: arch.bnChannels, keras: fw.keras.total, pytorch: fw.pytorch.parameters } };
}
