/**
 * Arithmetic intensity and the roofline model (Williams, Waterman & Patterson 2009): a layer does
 * W mult-adds and must move at least Q bytes (its input, its output and its weights, each once).
 * Its intensity is I = W / Q mult-adds per byte; on a device with compute ceiling π and memory
 * bandwidth β it can run no faster than min(π, I·β) mult-adds per second, so it takes at least
 * max(W/π, Q/β). Layers left of the ridge point I = π/β are memory-bound: fewer mult-adds there
 * do not make them proportionally faster.
 *
 * Per element read, a D_K × D_K depthwise layer does D_K² mult-adds and a 1×1 layer M → N does N
 * (see macsPerInputElement): with N in the hundreds, pointwise layers sit far to the right of
 * depthwise ones.
 */
import { costRatio, rationalToNumber, toSafeNumber, type Rational } from './cost';
import type { Architecture, LayerKind } from './architectures';
import type { Device } from './devices';
import { CostError } from './errors';

/** Bytes per number for each choice of the `precision` parameter: float32, float16, int8. */
export const PRECISION_BYTES: readonly number[] = [4, 2, 1];

/** Bytes per number for a `precision` choice index (float32 for anything unknown). */
export function bytesPerElement(precision: number): number {
  return PRECISION_BYTES[precision] ?? 4;
}

/** What a layer must read and write at least once (element counts). */
export interface Traffic {
  /** Input activations, D_F² · M. */
  inputElements: number;
  /** Output activations, D_G² · N. */
  outputElements: number;
  /** Weights (and biases, where there are any). */
  params: number;
}

/** Q = (input + output + weights) · b bytes, exactly. */
export function layerBytes(t: Traffic, bytes: number): number {
  for (const [x, what] of [[t.inputElements, 'input elements'], [t.outputElements, 'output elements'], [t.params, 'parameters'], [bytes, 'bytes per number']] as const) {
    if (!Number.isSafeInteger(x) || x < 0) throw new CostError('invalid-size', `The ${what} must be a whole number from 0, got ${String(x)}.`);
  }
  return toSafeNumber((BigInt(t.inputElements) + BigInt(t.outputElements) + BigInt(t.params)) * BigInt(bytes), 'byte count');
}

/** I = W / Q: mult-adds per byte moved, as an exact reduced fraction. */
export function arithmeticIntensity(multAdds: number, bytes: number): Rational {
  return costRatio(multAdds, bytes);
}

/**
 * Mult-adds per input element, W / (D_F² · M): D_K² for a stride-1 depthwise layer, N for a 1×1
 * layer M → N, D_K² · N for a standard one. Exact.
 */
export function macsPerInputElement(t: { multAdds: number; inputElements: number }): Rational {
  return costRatio(t.multAdds, t.inputElements);
}

/** The ridge point π / β in mult-adds per byte: left of it a layer is memory-bound. */
export function ridgePoint(device: Pick<Device, 'peak' | 'bandwidth'>): number {
  return device.peak / device.bandwidth;
}

/** The roof: the most G mult-adds/s a layer of intensity I can reach, min(π, I·β). */
export function attainable(intensity: number, device: Pick<Device, 'peak' | 'bandwidth'>): number {
  return Math.min(device.peak, intensity * device.bandwidth);
}

/** Which ceiling limits a layer of intensity I (at the ridge itself, compute). */
export function boundBy(intensity: number, device: Pick<Device, 'peak' | 'bandwidth'>): 'memory' | 'compute' {
  return intensity * device.bandwidth < device.peak ? 'memory' : 'compute';
}

/** The least time a layer can take, in seconds: max(W / π, Q / β). */
export function layerSeconds(multAdds: number, bytes: number, device: Pick<Device, 'peak' | 'bandwidth'>): number {
  return Math.max(multAdds / (device.peak * 1e9), bytes / (device.bandwidth * 1e9));
}

/** One layer of a network placed on a roofline. */
export interface PlacedLayer {
  name: string;
  kind: LayerKind;
  multAdds: number;
  bytes: number;
  /** Mult-adds per byte (W / Q). */
  intensity: number;
  bound: 'memory' | 'compute';
  /** Least time on the device, seconds. */
  seconds: number;
}

/** Every layer of a network on a device's roofline, at b bytes per number. */
export function placeLayers(arch: Pick<Architecture, 'layers'>, bytes: number, device: Pick<Device, 'peak' | 'bandwidth'>): PlacedLayer[] {
  return arch.layers.map((l) => {
    const q = layerBytes(l, bytes);
    const intensity = rationalToNumber(arithmeticIntensity(l.multAdds, q));
    return { name: l.name, kind: l.kind, multAdds: l.multAdds, bytes: q, intensity, bound: boundBy(intensity, device), seconds: layerSeconds(l.multAdds, q, device) };
  });
}

/** A network's least time on a roofline: the sum of its layers' (layers run one after another). */
export function networkSeconds(placed: readonly PlacedLayer[]): number {
  return placed.reduce((s, l) => s + l.seconds, 0);
}

/**
 * MobileNetV2 Table 4 (Sandler et al. 2018): latency on a single large core of a Google Pixel 1
 * with TF-Lite, and the mult-adds as printed (the V1 row prints 575M; its own paper's Table 1
 * gives 568,740,352, see paper-tables.ts).
 */
export const PIXEL_1_TABLE4 = {
  v1: { printedMultAddsM: 575, ms: 113 },
  v2: { printedMultAddsM: 300, ms: 75 },
} as const;
