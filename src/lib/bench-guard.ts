/**
 * What the live "standard vs separable" block promises before TensorFlow.js loads: the
 * theoretical speed-up from the cost model, and whether the chosen sizes are small enough to
 * time in a browser tab. Pure, so the page can show it without loading tfjs.
 */
import { convCost } from './cost';

/** Largest tensor the benchmark allocates: 2²⁴ floats = 64 MiB (MAX_BENCH_ELEMENTS in src/lib/tf/conv-bench.ts). */
export const BENCH_ELEMENT_LIMIT = 2 ** 24;
/**
 * Largest standard layer the block will time, in mult-adds: it runs the layer nine times (two
 * warm-ups, seven timed), and the cpu backend manages a few hundred million mult-adds a second.
 */
export const BENCH_MULTADD_LIMIT = 100_000_000;
/** Untimed and timed runs of each layer (the median of the timed runs is shown). */
export const BENCH_WARMUP = 2;
export const BENCH_REPEATS = 7;
/** Largest kernel or input (elements) the equivalence check builds in float64 (checkSmall in conv-bench.ts). */
export const CHECK_ELEMENT_LIMIT = 2 ** 20;

/** The sizes of one layer, as the page's parameters name them. */
export interface BenchSizes {
  readonly k: number;
  readonly m: number;
  readonly n: number;
  readonly df: number;
}

/** Why the block will not time a layer: a code and the numbers its message names (src/i18n/live.*.ts words it). */
export type BenchRefusal =
  /** Its largest tensor holds `elements` numbers, more than `limit` (BENCH_ELEMENT_LIMIT). */
  | { readonly code: 'tensor-too-large'; readonly elements: number; readonly limit: number }
  /** The standard layer needs `multAdds` per run, more than `limit` (BENCH_MULTADD_LIMIT). */
  | { readonly code: 'too-many-mult-adds'; readonly multAdds: number; readonly limit: number };

/** The cost model's view of a benchmark: mult-adds of both layers and their ratio. */
export interface BenchPlan {
  readonly standardMultAdds: number;
  readonly separableMultAdds: number;
  /** standard ÷ separable mult-adds = 1 / (1/N + 1/D_K²). */
  readonly theoreticalSpeedup: number;
  /** Why the block will not time these sizes, or null when it will. */
  readonly refusal: BenchRefusal | null;
  /** Whether the equivalence check can use these sizes as they are. */
  readonly checkFits: boolean;
}

/** benchPlan(sizes): theoretical speed-up and the size guard ('same' padding, stride 1). */
export function benchPlan({ k, m, n, df }: BenchSizes): BenchPlan {
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
  const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
  const largest = Math.max(df * df * m, k * k * m * n, df * df * Math.max(m, n));
  const refusal: BenchRefusal | null =
    largest > BENCH_ELEMENT_LIMIT
      ? { code: 'tensor-too-large', elements: largest, limit: BENCH_ELEMENT_LIMIT }
      : std.multAdds > BENCH_MULTADD_LIMIT
        ? { code: 'too-many-mult-adds', multAdds: std.multAdds, limit: BENCH_MULTADD_LIMIT }
        : null;
  const checkFits = Math.max(df * df * m, k * k * m * n) <= CHECK_ELEMENT_LIMIT;
  return {
    standardMultAdds: std.multAdds,
    separableMultAdds: sep.multAdds,
    theoreticalSpeedup: std.multAdds / sep.multAdds,
    refusal,
    checkFits,
  };
}
