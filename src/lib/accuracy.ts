/**
 * Published ImageNet accuracies for MobileNet V1 and the networks the paper compares it with,
 * transcribed with their table. Accuracy cannot be computed, so every number here is cited; the
 * mult-adds of a MobileNet point come from the cost model (`mobilenetV1`), while the printed
 * mult-adds and parameters are kept beside them so the page can show where the two differ.
 *
 * Sources:
 * - Howard et al. 2017 (arXiv:1704.04861), Tables 4–9: single-crop ImageNet top-1.
 * - TF-slim `research/slim/nets/mobilenet_v1.md` (tensorflow/models), "Pre-trained Models": the
 *   16 float checkpoints of 2018-02-22, α ∈ {1, 0.75, 0.5, 0.25} × {224, 192, 160, 128}. These
 *   are retrained checkpoints, so their top-1 is not the paper's (70.9 vs 70.6 for 1.0-224).
 */
import { mobilenetV1 } from './architectures';

/** Where a published point comes from (a key of src/lib/references.ts, plus the table). */
export interface PointSource {
  /** Reference key, linked as /references/#key. */
  readonly ref: 'howard2017' | 'tf-slim-mobilenet-v1';
  /** Table or section, as the source names it. */
  readonly table: string;
}

/** One published accuracy with the cost its source prints. */
export interface PublishedPoint {
  /** Stable id (used as a key in figures and tests). */
  readonly id: string;
  /** Name as the source prints it. */
  readonly label: string;
  /** ImageNet top-1 accuracy, percent, as printed. */
  readonly top1: number;
  /** Mult-adds in millions, as printed. */
  readonly printedMacsM: number;
  /** Parameters in millions, as printed. */
  readonly printedParamsM: number;
  readonly source: PointSource;
  /** MobileNet V1 points: the setting, so the cost model can count it. */
  readonly alpha?: number;
  readonly resolution?: number;
}

const PAPER = (table: string): PointSource => ({ ref: 'howard2017', table });
const SLIM: PointSource = { ref: 'tf-slim-mobilenet-v1', table: 'Pre-trained Models table' };

/** The α and resolution values of the paper's Figure 4 grid and of the TF-slim checkpoints. */
export const GRID_ALPHAS = [1, 0.75, 0.5, 0.25] as const;
export const GRID_RESOLUTIONS = [224, 192, 160, 128] as const;

/**
 * TF-slim MobileNet V1 README, float checkpoints (2018-02-22): [α, resolution, million MACs,
 * million parameters, top-1 %], as printed.
 */
const SLIM_ROWS: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [1, 224, 569, 4.24, 70.9],
  [1, 192, 418, 4.24, 70.0],
  [1, 160, 291, 4.24, 68.0],
  [1, 128, 186, 4.24, 65.2],
  [0.75, 224, 317, 2.59, 68.4],
  [0.75, 192, 233, 2.59, 67.2],
  [0.75, 160, 162, 2.59, 65.3],
  [0.75, 128, 104, 2.59, 62.1],
  [0.5, 224, 150, 1.34, 63.3],
  [0.5, 192, 110, 1.34, 61.7],
  [0.5, 160, 77, 1.34, 59.1],
  [0.5, 128, 49, 1.34, 56.3],
  [0.25, 224, 41, 0.47, 49.8],
  [0.25, 192, 34, 0.47, 47.7],
  [0.25, 160, 21, 0.47, 45.5],
  [0.25, 128, 14, 0.47, 41.5],
];

const name = (alpha: number, resolution: number): string => `${alpha === 1 ? '1.0' : String(alpha)} MobileNet-${resolution}`;

/** The 16 TF-slim checkpoints (α × resolution grid). */
export const SLIM_CHECKPOINTS: readonly PublishedPoint[] = SLIM_ROWS.map(([alpha, resolution, macs, params, top1]) => ({
  id: `slim-${alpha}-${resolution}`,
  label: name(alpha, resolution),
  top1,
  printedMacsM: macs,
  printedParamsM: params,
  source: SLIM,
  alpha,
  resolution,
}));

/**
 * MobileNet V1 accuracies printed in the paper: Table 6 (width, 224), Table 7 (resolution, α 1),
 * Table 9 (0.50 MobileNet-160). Table 4's and Table 5's MobileNet rows repeat Table 6's.
 */
export const PAPER_MOBILENETS: readonly PublishedPoint[] = [
  { id: 'paper-1-224', label: name(1, 224), top1: 70.6, printedMacsM: 569, printedParamsM: 4.2, source: PAPER('Table 6'), alpha: 1, resolution: 224 },
  { id: 'paper-0.75-224', label: name(0.75, 224), top1: 68.4, printedMacsM: 325, printedParamsM: 2.6, source: PAPER('Table 6'), alpha: 0.75, resolution: 224 },
  { id: 'paper-0.5-224', label: name(0.5, 224), top1: 63.7, printedMacsM: 149, printedParamsM: 1.3, source: PAPER('Table 6'), alpha: 0.5, resolution: 224 },
  { id: 'paper-0.25-224', label: name(0.25, 224), top1: 50.6, printedMacsM: 41, printedParamsM: 0.5, source: PAPER('Table 6'), alpha: 0.25, resolution: 224 },
  { id: 'paper-1-192', label: name(1, 192), top1: 69.1, printedMacsM: 418, printedParamsM: 4.2, source: PAPER('Table 7'), alpha: 1, resolution: 192 },
  { id: 'paper-1-160', label: name(1, 160), top1: 67.2, printedMacsM: 290, printedParamsM: 4.2, source: PAPER('Table 7'), alpha: 1, resolution: 160 },
  { id: 'paper-1-128', label: name(1, 128), top1: 64.4, printedMacsM: 186, printedParamsM: 4.2, source: PAPER('Table 7'), alpha: 1, resolution: 128 },
  { id: 'paper-0.5-160', label: '0.50 MobileNet-160', top1: 60.2, printedMacsM: 76, printedParamsM: 1.32, source: PAPER('Table 9'), alpha: 0.5, resolution: 160 },
];

/** Other MobileNet V1 variants the paper reports (not on the α × resolution grid). */
export const PAPER_VARIANTS: readonly PublishedPoint[] = [
  { id: 'paper-conv-mobilenet', label: 'Conv MobileNet (full convolutions)', top1: 71.7, printedMacsM: 4866, printedParamsM: 29.3, source: PAPER('Table 4') },
  { id: 'paper-shallow', label: 'Shallow MobileNet', top1: 65.3, printedMacsM: 307, printedParamsM: 2.9, source: PAPER('Table 5') },
];

/** The networks the paper compares with (Tables 8 and 9), numbers as printed there. */
export const COMPARISON_NETWORKS: readonly PublishedPoint[] = [
  { id: 'googlenet', label: 'GoogleNet', top1: 69.8, printedMacsM: 1550, printedParamsM: 6.8, source: PAPER('Table 8') },
  { id: 'vgg16', label: 'VGG 16', top1: 71.5, printedMacsM: 15300, printedParamsM: 138, source: PAPER('Table 8') },
  { id: 'squeezenet', label: 'Squeezenet', top1: 57.5, printedMacsM: 1700, printedParamsM: 1.25, source: PAPER('Table 9') },
  { id: 'alexnet', label: 'AlexNet', top1: 57.2, printedMacsM: 720, printedParamsM: 60, source: PAPER('Table 9') },
];

/** A point placed on the accuracy–cost plane. */
export interface TradeoffPoint extends PublishedPoint {
  /** Mult-adds used for the x position: the cost model's exact count for a MobileNet V1 setting, else the printed value × 10⁶. */
  readonly macs: number;
  /** True when `macs` was computed (a MobileNet V1 setting or variant), false when printed. */
  readonly computed: boolean;
  readonly group: 'slim' | 'paper' | 'variant' | 'other';
}

function placed(p: PublishedPoint, group: TradeoffPoint['group']): TradeoffPoint {
  if (p.alpha !== undefined && p.resolution !== undefined) {
    return { ...p, group, macs: mobilenetV1({ alpha: p.alpha, resolution: p.resolution }).multAdds, computed: true };
  }
  if (p.id === 'paper-conv-mobilenet') return { ...p, group, macs: mobilenetV1({ fullConv: true }).multAdds, computed: true };
  if (p.id === 'paper-shallow') return { ...p, group, macs: mobilenetV1({ shallow: true }).multAdds, computed: true };
  return { ...p, group, macs: Math.round(p.printedMacsM * 1e6), computed: false };
}

let cache: readonly TradeoffPoint[] | undefined;

/** Every published point, MobileNet ones at the cost model's mult-adds (computed once). */
export function tradeoffPoints(): readonly TradeoffPoint[] {
  cache ??= [
    ...SLIM_CHECKPOINTS.map((p) => placed(p, 'slim')),
    ...PAPER_MOBILENETS.map((p) => placed(p, 'paper')),
    ...PAPER_VARIANTS.map((p) => placed(p, 'variant')),
    ...COMPARISON_NETWORKS.map((p) => placed(p, 'other')),
  ];
  return cache;
}

/** Published MobileNet V1 accuracies for exactly this α and resolution (paper first, then TF-slim); empty if none. */
export function publishedAccuracy(alpha: number, resolution: number): readonly TradeoffPoint[] {
  return tradeoffPoints()
    .filter((p) => p.alpha === alpha && p.resolution === resolution)
    .sort((a, b) => (a.group === b.group ? 0 : a.group === 'paper' ? -1 : 1));
}

/** Human-readable citation of a point's source, e.g. "Howard et al. 2017, Table 6" or "TF-slim MobileNet V1 README". */
export function sourceText(source: PointSource): string {
  return source.ref === 'howard2017' ? `Howard et al. 2017, ${source.table}` : 'TF-slim MobileNet V1 README';
}
