/**
 * Activation memory of MobileNet V1 and V2 at inference (Sandler et al. 2018, §5 and Table 3).
 * Activations are 16-bit (Table 3 caption: "We assume 16-bit floats for activations").
 *
 * §5: a bottleneck block x → F(x) can be computed in slices of its expanded tensor (t·d′
 * channels), so what must be held is the block's input and output bottleneck tensors; the
 * expanded tensor never exists whole. "For the first layer of MobileNetV2 … we can employ the
 * trick" (Table 3 caption): the stem conv and the first bottleneck are treated as one block whose
 * input is the image. A V1 layer has no inner tensor to slice: it holds its input and output.
 */
import type { ArchLayer, Architecture } from './architectures';

/** Bytes per activation: 16-bit floats (Table 3 caption). */
export const BYTES_PER_ACTIVATION = 2;

/** What one step of the network must hold at once. */
export interface MemoryStep {
  /** Layer name (V1) or block index (V2, 0-based; block 0 includes the stem conv). */
  readonly name: string;
  readonly inH: number;
  readonly cin: number;
  readonly outH: number;
  readonly cout: number;
  /** Elements of the input and the output tensor. */
  readonly inElements: number;
  readonly outElements: number;
  /** (input + output) · 2 bytes. */
  readonly bytes: number;
  /** V2: elements of the expanded tensor t·d′ at the depthwise output, never held whole. */
  readonly expandedElements?: number;
}

const bytes = (elements: number) => elements * BYTES_PER_ACTIVATION;

/**
 * ioBytes(input, output): bytes to hold a step's input and output tensors at once, 16 bits per
 * number (Sandler et al. 2018, §5.1 and Table 3): (input + output elements) · 2.
 */
export function ioBytes(inElements: number, outElements: number): number {
  return bytes(inElements + outElements);
}

/**
 * v2Memory(arch): per bottleneck block of MobileNet V2, its input and output tensors in bytes;
 * block 0 starts from the image (the stem is folded into it, Table 3 caption).
 */
export function v2Memory(arch: Architecture): MemoryStep[] {
  if (!arch.blocks) throw new TypeError('v2Memory needs MobileNet V2 (an architecture with blocks).');
  return arch.blocks.map((b) => {
    const first = b.index === 0;
    const inH = first ? arch.resolution : b.inH;
    const cin = first ? 3 : b.cin;
    const inElements = inH * inH * cin;
    const outElements = b.outH * b.outH * b.cout;
    return {
      name: `block ${b.index + 1}`,
      inH,
      cin,
      outH: b.outH,
      cout: b.cout,
      inElements,
      outElements,
      bytes: bytes(inElements + outElements),
      expandedElements: b.outH * b.outH * b.hidden,
    };
  });
}

/** One layer that holds its whole input and output: (inH²·M + outH²·N) · 2 bytes. */
export function layerMemory(l: Pick<ArchLayer, 'name' | 'inH' | 'cin' | 'outH' | 'cout' | 'inputElements' | 'outputElements'>): MemoryStep {
  return {
    name: l.name,
    inH: l.inH,
    cin: l.cin,
    outH: l.outH,
    cout: l.cout,
    inElements: l.inputElements,
    outElements: l.outputElements,
    bytes: ioBytes(l.inputElements, l.outputElements),
  };
}

/** v1Memory(arch): per layer of MobileNet V1 (conv, depthwise, pointwise), input + output in bytes. */
export function v1Memory(arch: Architecture): MemoryStep[] {
  return arch.layers
    .filter((l) => l.kind !== 'fc')
    .map(layerMemory);
}

/** The step that needs the most memory. */
export function peak(steps: readonly MemoryStep[]): MemoryStep {
  if (steps.length === 0) throw new RangeError('peak of an empty list');
  return steps.reduce((a, s) => (s.bytes > a.bytes ? s : a));
}

/**
 * The largest single tensor at each spatial size: for every layer output (and its input), the
 * channel count at that size, max over the network. This is how Table 3's V1 column is built
 * (64 at 112×112 … 1024 at 7×7), and it is the tensor a V1 layer cannot avoid materialising.
 */
export function largestTensorBySize(arch: Architecture): Map<number, number> {
  const out = new Map<number, number>();
  const see = (size: number, channels: number) => out.set(size, Math.max(out.get(size) ?? 0, channels));
  for (const l of arch.layers) {
    see(l.inH, l.cin);
    see(l.outH, l.cout);
  }
  return out;
}

/** One cell of Table 3: channels and memory as printed, and memory recomputed from the channels. */
export interface Table3Cell {
  readonly channels: number;
  /** As printed, in Kb (the paper's unit; it means kilobytes of 1000 bytes). */
  readonly printedKb: number;
  /** channels · size² · 2 bytes / 1000. */
  readonly computedKb: number;
  /** The printed value is within 3% (or 1 Kb) of the recomputed one. */
  readonly agrees: boolean;
}

/** A row of Table 3: one spatial size, V1 and V2 columns. */
export interface Table3Row {
  readonly size: number;
  readonly v1: Table3Cell;
  readonly v2: Table3Cell;
}

/**
 * Sandler et al. 2018, Table 3, "The max number of channels/memory (in Kb) that needs to be
 * materialized at each spatial resolution", MobileNetV1 and MobileNetV2 columns as printed
 * ([size, V1 channels, V1 Kb, V2 channels, V2 Kb]).
 */
export const TABLE3_PRINTED: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [112, 64, 1600, 16, 400],
  [56, 128, 800, 32, 200],
  [28, 256, 400, 64, 100],
  [14, 512, 200, 160, 62],
  [7, 1024, 199, 320, 32],
  [1, 1024, 2, 1280, 2],
];

/** Table 3's printed max per column: V1 1600K, V2 400K. */
export const TABLE3_PRINTED_MAX = { v1: 1600, v2: 400 } as const;

function cell(size: number, channels: number, printedKb: number): Table3Cell {
  const computedKb = (channels * size * size * BYTES_PER_ACTIVATION) / 1000;
  return { channels, printedKb, computedKb, agrees: Math.abs(printedKb - computedKb) <= Math.max(1, 0.03 * computedKb) };
}

/**
 * table3(): every printed row of Table 3 with its memory recomputed as channels · size² · 2 bytes.
 * All cells agree except V1 at 7×7: 1024 · 49 · 2 = 100,352 bytes ≈ 100 Kb, printed 199.
 */
export function table3(): Table3Row[] {
  return TABLE3_PRINTED.map(([size, c1, k1, c2, k2]) => ({ size, v1: cell(size, c1, k1), v2: cell(size, c2, k2) }));
}
