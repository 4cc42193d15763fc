/**
 * The data of the linear-bottleneck experiment (MobileNet V2, Section 3.2 and Figure 6a), pure and
 * small so that pages can draw it without TensorFlow.js: the training itself is in
 * src/lib/tf/bottleneck-train.ts.
 *
 * Points of a 2-D spiral (the targets y) are embedded in D = 16 dimensions by a fixed random
 * matrix (the inputs x); an hourglass network must give back each point's two coordinates.
 */
import { spiral } from './manifold';
import { gaussianMatrix } from './random';

/**
 * Defaults of trainBottleneck, for pages to show: chosen so that, on the cpu backend, both variants
 * train in about a second each, and the ReLU bottleneck ends worse in 20 of 20 seeds tried.
 */
export const BOTTLENECK_DEFAULTS = {
  bottleneck: 2,
  hidden: 64,
  inputDim: 16,
  points: 64,
  epochs: 200,
  learningRate: 0.02,
} as const;

/** Seed of the fixed 16×2 embedding matrix: the data set does not change with the weight seed. */
export const EMBEDDING_SEED = 2018;

/** Radius of the target spiral: targets lie in [−1, 1]². */
export const TARGET_RADIUS = 1;

/**
 * bottleneckData({ points, inputDim }): the spiral (radius 1) as targets y ∈ ℝ² and its
 * embedding x = E·y ∈ ℝ^D with a fixed Gaussian E scaled by 1/√2, so each xᵢ has about the
 * variance of y.
 */
export function bottleneckData({ points = BOTTLENECK_DEFAULTS.points, inputDim = BOTTLENECK_DEFAULTS.inputDim }: { points?: number; inputDim?: number } = {}): {
  inputs: Float32Array;
  targets: Float32Array;
} {
  const y = spiral({ points, radius: TARGET_RADIUS }).points;
  const E = gaussianMatrix(inputDim, 2, EMBEDDING_SEED, Math.SQRT1_2);
  const x = new Float32Array(points * inputDim);
  for (let k = 0; k < points; k++) {
    for (let i = 0; i < inputDim; i++) x[k * inputDim + i] = E[2 * i] * y[2 * k] + E[2 * i + 1] * y[2 * k + 1];
  }
  return { inputs: x, targets: Float32Array.from(y) };
}
