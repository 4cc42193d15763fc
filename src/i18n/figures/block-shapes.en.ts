/** The words of the block-shapes figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const blockShapesEn = {
  title: 'Residual and inverted residual blocks',
  source: 'He et al. 2016, Fig. 5; Sandler et al. 2018, Table 1 and Fig. 3; costs from the site’s cost model',
  svgTitle: 'A residual block and an inverted residual block, drawn to scale',
  noShortcutStride: (stride: string) => `no shortcut: stride ${stride} shrinks the map`,
  noShortcutChannels: (cin: string, cout: string) => `no shortcut: ${cin} ≠ ${cout} channels`,
  noShortcutBoth: (stride: string, cin: string, cout: string) => `no shortcut: stride ${stride}, ${cin} ≠ ${cout}`,
  identityRule: 'identity shortcut: same shape in and out',
  /** The reason alone, for the projection shortcut's note. */
  becauseStride: (stride: string) => `stride ${stride} shrinks the map`,
  becauseChannels: (cin: string, cout: string) => `${cin} ≠ ${cout} channels`,
  becauseBoth: (stride: string, cin: string, cout: string) => `stride ${stride}, ${cin} ≠ ${cout}`,
  op: { depthwise: 'depthwise', expand: 'expand', project: 'project', reduce: 'reduce', conv: 'conv' },
  act: { linear: 'linear', relu6: 'ReLU6', relu: 'ReLU' },
  stride: (s: string) => `stride ${s}`,
  layerAbout: (k: string, op: string, cin: string, cout: string, act: string, params: string, macs: string) =>
    `${k}×${k} ${op} convolution, ${cin} → ${cout} channels, ${act}: ${params} weights, ${macs} mult-adds`,
  opName: { depthwise: 'depthwise', expand: 'expand', project: 'project', reduce: 'reduce', conv: 'standard', shortcut: 'shortcut' },
  layerAria: (inverted: boolean, about: string) => `${inverted ? 'Inverted residual' : 'Residual'} block, ${about}`,
  /** A wide tensor of the inverted residual: what the formula's expansion factor t counts. */
  expandedAbout: (t: string, cin: string, wide: string, size: string) => `expansion factor t = ${t}: ${t} × ${cin} = ${wide} channels at ${size}×${size}`,
  identityNote: 'identity shortcut, added at ⊕',
  projectionLong: (why: string) => `1×1 projection shortcut (${why})`,
  projectionShort: (why: string) => `1×1 projection (${why})`,
  projection: '1×1 projection shortcut',
  params: 'params ',
  multAdds: ' · mult-adds ',
  multAddsLine: 'mult-adds ',
  withIdentity: 'with an identity shortcut',
  summary: (inv: string, invParams: string, invMacs: string, note: string, res: string, resParams: string, resMacs: string) =>
    `Inverted residual ${inv}: ${invParams} parameters, ${invMacs} mult-adds, ${note}. Residual ${res}: ${resParams} parameters, ${resMacs} mult-adds.`,
  inverted: 'Inverted residual (MobileNet V2)',
  invertedSub: (t: string) => `narrow → wide → narrow, expanded ${t}×`,
  residual: 'Residual (ResNet)',
  residualSub: (t: string) => `wide → narrow → wide, narrowed ${t}×`,
  desc: (df: string, m: string, n: string, t: string, s: string, summary: string) => `Input ${df}×${df}×${m}, output ${n} channels, expansion t = ${t}, stride ${s}. ${summary}`,
};
