/**
 * One block of a network, costed layer by layer with `convCost`: the classic ResNet bottleneck
 * (He et al. 2016, Fig. 5 right: 1×1 reduce + ReLU, 3×3 standard + ReLU, 1×1 expand, added to the
 * shortcut, then ReLU after the sum) and the
 * MobileNet V2 inverted residual (Sandler et al. 2018, Table 1: 1×1 expand + ReLU6, 3×3
 * depthwise + ReLU6, linear 1×1 project). Also the shortcut rule, the paper's per-block mult-add
 * formula (§3.3) as TeX, and the parameter count of a block as a PyTorch module builds it.
 */
import { assertPositiveInt, convCost, toSafeNumber, type ConvKind } from './cost';
import { CostError } from './errors';
import { texInt, texTerm, type TexLayout } from './tex-parts';

/** The activation after a layer: the V2 block keeps its last 1×1 linear (§3.2). */
export type BlockActivation = 'relu' | 'relu6' | 'linear';

/** One convolution inside a block. */
export interface BlockLayer {
  readonly role: 'reduce' | 'conv' | 'expand' | 'depthwise' | 'project' | 'shortcut';
  readonly kind: ConvKind;
  readonly k: number;
  readonly cin: number;
  readonly cout: number;
  readonly stride: number;
  readonly inH: number;
  readonly outH: number;
  readonly activation: BlockActivation;
  /** Weights (no bias: every conv here is followed by BatchNorm). */
  readonly params: number;
  readonly multAdds: number;
}

/** Why a block has or lacks an identity shortcut. */
export interface ShortcutRule {
  /** True when the input can be added to the output as it is. */
  readonly identity: boolean;
  /** 'ok', or what breaks the rule: the stride, the channel counts, or both. */
  readonly reason: 'ok' | 'stride' | 'channels' | 'both';
}

/** A costed block: its layers, their sums, the widths of its tensors and its shortcut. */
export interface BlockCost {
  readonly layers: readonly BlockLayer[];
  /** Σ weights of the main path (and of a projection shortcut, when there is one). */
  readonly params: number;
  readonly multAdds: number;
  /** Channel widths along the main path: input, after each layer. */
  readonly widths: readonly number[];
  readonly shortcut: ShortcutRule;
  readonly inH: number;
  readonly outH: number;
}

/**
 * shortcutRule({ cin, cout, stride }): an identity shortcut needs the output to have the input's
 * shape, i.e. stride 1 and cin = cout (Sandler et al. 2018, §3.3 and Fig. 4d; torchvision and
 * Keras: `stride == 1 and inp == oup`).
 */
export function shortcutRule({ cin, cout, stride }: { cin: number; cout: number; stride: number }): ShortcutRule {
  const s = stride !== 1;
  const c = cin !== cout;
  return { identity: !s && !c, reason: s && c ? 'both' : s ? 'stride' : c ? 'channels' : 'ok' };
}

/** One convolution of an inverted residual before it is costed: what it maps, not where. */
export interface InvertedLayerSpec {
  readonly role: 'expand' | 'depthwise' | 'project';
  readonly kind: 'pointwise' | 'depthwise';
  readonly k: number;
  readonly cin: number;
  readonly cout: number;
  readonly stride: number;
  readonly activation: BlockActivation;
}

/**
 * invertedResidualLayers({ cin: d′, cout: d″, t, stride: s, k }): the composition of MobileNet V2's
 * block (Sandler et al. 2018, Table 1): 1×1 d′ → t·d′ + ReLU6 (left out when t = 1: Table 2,
 * first bottleneck; torchvision `if expand_ratio != 1`), k×k depthwise at stride s + ReLU6, linear
 * 1×1 t·d′ → d″. The block figure, the V2 table and the stack builder all walk this list.
 * Throws CostError('overflow') when t·d′ is not an exact integer.
 */
export function invertedResidualLayers({ cin, cout, t, stride, k = 3 }: { cin: number; cout: number; t: number; stride: number; k?: number }): InvertedLayerSpec[] {
  assertPositiveInt(t, 't');
  assertPositiveInt(cin, 'cin');
  const hidden = t * cin;
  if (!Number.isSafeInteger(hidden)) throw new CostError('overflow', 'The expanded width t·M is too large.', 't');
  const expand: InvertedLayerSpec[] = t !== 1 ? [{ role: 'expand', kind: 'pointwise', k: 1, cin, cout: hidden, stride: 1, activation: 'relu6' }] : [];
  return [
    ...expand,
    { role: 'depthwise', kind: 'depthwise', k, cin: hidden, cout: hidden, stride, activation: 'relu6' },
    { role: 'project', kind: 'pointwise', k: 1, cin: hidden, cout, stride: 1, activation: 'linear' },
  ];
}

function layer(
  role: BlockLayer['role'],
  kind: ConvKind,
  k: number,
  cin: number,
  cout: number,
  inH: number,
  stride: number,
  activation: BlockActivation,
): BlockLayer {
  const c = convCost({ kind, k, cin, cout, inH, stride });
  return { role, kind, k, cin, cout, stride, inH, outH: c.outH, activation, params: c.params, multAdds: c.multAdds };
}

function sum(layers: readonly BlockLayer[], key: 'params' | 'multAdds'): number {
  return toSafeNumber(layers.reduce((a, l) => a + BigInt(l[key]), 0n), key);
}

/** Options of a block: channels in (d′) and out (d″), expansion t, stride s, input size h = w. */
export interface BlockOptions {
  readonly cin: number;
  readonly cout: number;
  /** Expansion factor t of the inverted residual; the ResNet block narrows by the same factor. */
  readonly t: number;
  readonly stride: number;
  /** Input height = width. */
  readonly size: number;
  /** Spatial kernel size (default 3). */
  readonly k?: number;
}

/**
 * invertedResidual({ cin: d′, cout: d″, t, stride: s, size: h }): MobileNet V2's block, Table 1:
 * 1×1 conv d′ → t·d′ (ReLU6), k×k depthwise stride s (ReLU6), linear 1×1 t·d′ → d″. With t = 1
 * there is no expansion layer (Table 2, first bottleneck; torchvision `if expand_ratio != 1`).
 */
export function invertedResidual({ cin, cout, t, stride, size, k = 3 }: BlockOptions): BlockCost {
  const layers: BlockLayer[] = [];
  let inH = size;
  for (const l of invertedResidualLayers({ cin, cout, t, stride, k })) {
    const costed = layer(l.role, l.kind, l.k, l.cin, l.cout, inH, l.stride, l.activation);
    layers.push(costed);
    inH = costed.outH;
  }
  const project = layers[layers.length - 1];
  return {
    layers,
    params: sum(layers, 'params'),
    multAdds: sum(layers, 'multAdds'),
    widths: [cin, ...layers.map((l) => l.cout)],
    shortcut: shortcutRule({ cin, cout, stride }),
    inH: size,
    outH: project.outH,
  };
}

/** Width of the ResNet bottleneck's narrow middle: d″ / t rounded, at least 1 (ResNet-50: 256 / 4 = 64). */
export function residualMiddle(cout: number, t: number): number {
  return Math.max(1, Math.round(cout / t));
}

/**
 * residualBottleneck({ cin, cout, t, stride, size }): the classic ResNet block (He et al. 2016,
 * Fig. 5 right): 1×1 reduce to b = residualMiddle(cout, t), k×k standard conv stride s, 1×1
 * expand to cout. The first two are followed by ReLU; the expand layer's output is added to the
 * shortcut and the ReLU comes after the sum (§3.2, Fig. 2), which its `activation: 'relu'` stands for. The stride sits on the 3×3 (torchvision's ResNet "v1.5"; the
 * paper strides the first 1×1). When the identity rule fails, ResNet projects the input with a
 * strided 1×1 conv (He et al. 2016, option B), counted here as a 'shortcut' layer.
 */
export function residualBottleneck({ cin, cout, t, stride, size, k = 3 }: BlockOptions): BlockCost {
  assertPositiveInt(t, 't');
  const b = residualMiddle(cout, t);
  const reduce = layer('reduce', 'pointwise', 1, cin, b, size, 1, 'relu');
  const conv = layer('conv', 'standard', k, b, b, size, stride, 'relu');
  const expand = layer('expand', 'pointwise', 1, b, cout, conv.outH, 1, 'relu');
  const rule = shortcutRule({ cin, cout, stride });
  const main = [reduce, conv, expand];
  const layers = rule.identity ? main : [...main, layer('shortcut', 'pointwise', 1, cin, cout, size, stride, 'linear')];
  return {
    layers,
    params: sum(layers, 'params'),
    multAdds: sum(layers, 'multAdds'),
    widths: [cin, b, b, cout],
    shortcut: rule,
    inH: size,
    outH: expand.outH,
  };
}

/**
 * The paper's mult-adds of a bottleneck block (Sandler et al. 2018, §3.3), h·w·d′·t·(d′ + k² + d″),
 * written for stride s as it actually runs: the expansion works on h×w, the depthwise and the
 * projection on (h/s)×(w/s). For s = 1 the two agree; for t = 1 the formula counts an expansion
 * layer that the network does not have (Table 2, first bottleneck), so the value is the formula's,
 * not the block's, and `matchesBlock` says whether they agree.
 * With `{ terms }` each layer's share is marked for the figure: inside the parentheses d′ is the
 * expansion 1×1's (each of the t·d′ outputs reads d′ inputs), k² the depthwise k×k's and d″ the
 * projection 1×1's; at stride s the whole first product is the expansion's. t is marked as the
 * expansion factor wherever it is a factor.
 */
export function bottleneckMaddsTex({ cin, cout, t, stride, size, k = 3 }: BlockOptions, layout: TexLayout = {}): {
  tex: string;
  value: number;
  matchesBlock: boolean;
} {
  const out = convCost({ kind: 'depthwise', k, cin: t * cin, cout: t * cin, inH: size, stride }).outH;
  const hw = BigInt(size * size);
  const ohw = BigInt(out * out);
  const tc = BigInt(t * cin);
  const value = toSafeNumber(hw * tc * BigInt(cin) + ohw * tc * BigInt(k * k + cout), 'mult-add count');
  const dot = ' \\cdot ';
  const on = layout.terms;
  const ex = (x: string) => texTerm('expand', x, on);
  const dw = (x: string) => texTerm('depthwise', x, on);
  const pj = (x: string) => texTerm('project', x, on);
  const tf = (x: string) => texTerm('expansion-factor', x, on);
  const tex =
    stride === 1
      ? `h \\cdot w \\cdot d' \\cdot ${tf('t')} \\cdot (${ex("d'")} + ${dw('k^2')} + ${pj("d''")}) = ${size}${dot}${size}${dot}${cin}${dot}${tf(String(t))}${dot}(${ex(String(cin))} + ${dw(String(k * k))} + ${pj(String(cout))}) = ${texInt(value)}`
      : `${ex(`h w \\, ${tf('t')} d' d'`)} + \\tfrac{h}{s}\\tfrac{w}{s}\\, ${tf('t')} d' (${dw('k^2')} + ${pj("d''")}) = ${ex(`${size}^2${dot}${tf(String(t))}${dot}${cin}^2`)} + ${out}^2${dot}${tf(String(t))}${dot}${cin}${dot}(${dw(String(k * k))} + ${pj(String(cout))}) = ${texInt(value)}`;
  return { tex, value, matchesBlock: value === invertedResidual({ cin, cout, t, stride, size, k }).multAdds };
}

/** Trainable parameters of a block as a PyTorch module: conv weights + 2 per BatchNorm channel. */
export interface ModuleParams {
  readonly expand: number;
  readonly depthwise: number;
  readonly project: number;
  /** The learned 1×1 conv + BN on the shortcut; 0 when the module has none. */
  readonly shortcut: number;
  readonly total: number;
}

/**
 * The trainable parameters of an inverted-residual module written two ways, for channels
 * cin → cout and expansion t (3×3 depthwise, every conv followed by BatchNorm with γ and β):
 * 'reference' is torchvision's InvertedResidual (no expansion conv when t = 1, identity
 * shortcut); 'projection' builds the expansion conv even for t = 1 and always owns a
 * 1×1 conv + BN shortcut branch, used whenever stride is 1 (the source article's block).
 */
export function moduleParams(variant: 'reference' | 'projection', { cin, cout, t }: { cin: number; cout: number; t: number }): ModuleParams {
  const hidden = t * cin;
  const bn = (c: number) => 2 * c;
  const w = (kind: ConvKind, k: number, a: number, b: number) => convCost({ kind, k, cin: a, cout: b, inH: 1 }).params;
  const expand = variant === 'reference' && t === 1 ? 0 : w('pointwise', 1, cin, hidden) + bn(hidden);
  const depthwise = w('depthwise', 3, hidden, hidden) + bn(hidden);
  const project = w('pointwise', 1, hidden, cout) + bn(cout);
  const shortcut = variant === 'projection' ? w('pointwise', 1, cin, cout) + bn(cout) : 0;
  return { expand, depthwise, project, shortcut, total: expand + depthwise + project + shortcut };
}
