/**
 * Roofline ceilings of real devices (Williams, Waterman & Patterson 2009): the most mult-adds a
 * second it can do, and the most bytes a second its memory can deliver. Kept apart from the
 * roofline model so the parameter schema can take its defaults from here without the networks.
 * Units: G mult-adds/s (one mult-add = 2 FLOPs) and GB/s (10⁹ bytes/s).
 */

/** A device's two ceilings, where they come from, and how they were derived. */
export interface Device {
  readonly name: string;
  /** Compute ceiling π, in 10⁹ mult-adds per second. */
  readonly peak: number;
  /** Memory bandwidth β, in 10⁹ bytes per second. */
  readonly bandwidth: number;
  /** Where each number comes from, in words a reader can check. */
  readonly source: string;
}

/**
 * One big core of a Google Pixel 1, the phone of MobileNetV2's latency column (Sandler et al.
 * 2018, Table 4: "single large core of the Google Pixel 1 phone"). Compute: the Pixel 1's
 * Snapdragon 821 runs its big Kryo cores at 2.15 GHz (Google's Pixel specifications); assuming one
 * 128-bit NEON fused multiply-add per cycle, 4 float32 lanes: 2.15 × 4 = 8.6 G mult-adds/s (an
 * assumption about the core, not a published figure). Memory: LPDDR4 at 1866 MHz on a 64-bit bus
 * (Qualcomm's Snapdragon 821 specification): 1866.7 MHz × 2 transfers × 8 bytes = 29.9 GB/s,
 * shared by all four cores, so one core sees less in practice.
 */
export const PIXEL_1_BIG_CORE: Device = {
  name: 'Pixel 1, one big core',
  peak: 8.6,
  bandwidth: 29.9,
  source:
    'Pixel 1 (Snapdragon 821): big core at 2.15 GHz × 4 float32 lanes of one NEON multiply-add per cycle (assumed) = 8.6 G mult-adds/s; LPDDR4-3733 on 64 bits = 29.9 GB/s (Qualcomm specification).',
};

/**
 * NVIDIA H200 SXM, from NVIDIA's H200 datasheet: FP32 67 TFLOPS = 33.5 T mult-adds/s on the CUDA
 * cores; HBM3e at 4.8 TB/s.
 */
export const H200_FP32: Device = {
  name: 'NVIDIA H200, float32',
  peak: 33_500,
  bandwidth: 4_800,
  source: 'NVIDIA H200 datasheet: FP32 67 TFLOPS (33.5 T mult-adds/s), memory bandwidth 4.8 TB/s.',
};
