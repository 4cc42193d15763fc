/**
 * The ReLU round trip of MobileNet V2, Figure 1, computed with tfjs: the live counterpart of
 * src/lib/manifold.ts (which stays the truth: same spiral, same T, same options, same result
 * shape). Tensors are float32, so results agree with the float64 version to about 1e-5
 * relative. T⁺ = (TᵀT)⁻¹Tᵀ is a 2×n matrix computed once in float64 by pseudoInverse; the heavy
 * part, P×n activations for P points, runs as matMul on the backend. Which points are lost is a
 * yes/no decision on the rank of the active rows; it is taken once, in float64, by lostPoints, so
 * the browser and the build never disagree on a point near the threshold.
 */
import type { Tensor2D } from '@tensorflow/tfjs-core';
import {
  embeddingMatrix,
  lostPoints,
  pseudoInverse,
  resolveRoundTripOptions,
  spiral,
  type RoundTrip,
  type RoundTripOptions,
} from '../manifold';
import type { Tf } from './load';

/**
 * reluRoundTripTf(tf, { dim: n, points, seed, activation: σ, inverse }): x̂ = T⁺σ(Tx) (or
 * (DₓT)⁺σ(Tx) for inverse 'active') in tfjs, returning what reluRoundTrip returns.
 */
export async function reluRoundTripTf(tf: Tf, options: RoundTripOptions): Promise<RoundTrip> {
  const o = resolveRoundTripOptions(options);
  const { points: input, t } = spiral({ points: o.points });
  const T = embeddingMatrix(o.dim, o.seed);
  const n = o.dim;
  const P = o.points;
  const [xHat, stats] = tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(input), [P, 2]);
    const Tm = tf.tensor2d(Float32Array.from(T), [n, 2]);
    const Z: Tensor2D = tf.matMul(X, Tm, false, true); // P×n, row k is (T x_k)ᵀ
    const H = o.activation === 'relu' ? tf.relu(Z) : o.activation === 'relu6' ? tf.relu6(Z) : Z;
    // 1 where σ is in its linear region (and so invertible): z > 0, and z < 6 for ReLU6.
    const mask = (
      o.activation === 'linear'
        ? tf.onesLike(Z)
        : tf.cast(o.activation === 'relu' ? tf.greater(Z, 0) : tf.logicalAnd(tf.greater(Z, 0), tf.less(Z, 6)), 'float32')
    ) as Tensor2D;
    let R: Tensor2D;
    if (o.inverse === 'pinv') {
      const pinv = tf.tensor2d(Float32Array.from(pseudoInverse(T, n)), [2, n]);
      R = tf.matMul(H, pinv, false, true); // P×2
    } else {
      R = activeSetInverse(tf, Z, mask, T, n);
    }
    const sq = tf.sum(tf.square(tf.sub(R, X)));
    const norm = tf.sum(tf.square(X));
    return [R, tf.stack([sq, norm, tf.mean(mask)])];
  });
  try {
    const [r, s] = await Promise.all([xHat.data(), stats.data()]);
    const [sq, norm, activeFraction] = Array.from(s);
    const lost = lostPoints(input, T, n, o.activation);
    return {
      ...o,
      t,
      input,
      reconstructed: Float64Array.from(r),
      error: sq / P,
      relativeError: norm > 0 ? sq / norm : 0,
      activeFraction,
      lost,
      lostFraction: lost.reduce((acc, l) => acc + l, 0) / P,
    };
  } finally {
    tf.dispose([xHat, stats]);
  }
}

/**
 * Per point, least squares on the active rows: solve (DT)ᵀ(DT)·x̂ = (DT)ᵀ(D·z) as a 2×2 system
 * [[a, b], [b, c]]; with one active row (rank 1), x̂ is the projection G·u / trace²; with none, 0.
 * Branches on the count of active rows rather than on det, because in float32 a rank-1 Gram
 * matrix leaves a det of rounding size. Call inside tf.tidy.
 */
function activeSetInverse(tf: Tf, Z: Tensor2D, mask: Tensor2D, T: Float64Array, n: number): Tensor2D {
  const pp = new Float32Array(n);
  const pq = new Float32Array(n);
  const qq = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    pp[i] = T[2 * i] * T[2 * i];
    pq[i] = T[2 * i] * T[2 * i + 1];
    qq[i] = T[2 * i + 1] * T[2 * i + 1];
  }
  const gram = tf.matMul(mask, tf.tensor2d([...pp, ...pq, ...qq], [3, n]), false, true); // P×3: a, b, c
  const u = tf.matMul(tf.mul(mask, Z), tf.tensor2d(Float32Array.from(T), [n, 2])); // P×2: (DT)ᵀDz
  const [a, b, c] = tf.split(gram, 3, 1);
  const [u0, u1] = tf.split(u, 2, 1);
  const det = tf.sub(tf.mul(a, c), tf.square(b));
  const trace = tf.add(a, c);
  const count = tf.sum(mask, 1, true);
  const full = tf.logicalAnd(tf.greaterEqual(count, 2), tf.greater(det, tf.mul(1e-6, tf.square(trace))));
  const safeDet = tf.where(full, det, tf.onesLike(det));
  const fullX = tf.div(tf.sub(tf.mul(c, u0), tf.mul(b, u1)), safeDet);
  const fullY = tf.div(tf.sub(tf.mul(a, u1), tf.mul(b, u0)), safeDet);
  const t2 = tf.square(trace);
  const safeT2 = tf.where(tf.greater(t2, 0), t2, tf.onesLike(t2));
  const oneX = tf.div(tf.add(tf.mul(a, u0), tf.mul(b, u1)), safeT2);
  const oneY = tf.div(tf.add(tf.mul(b, u0), tf.mul(c, u1)), safeT2);
  return tf.concat([tf.where(full, fullX, oneX), tf.where(full, fullY, oneY)], 1) as Tensor2D;
}
