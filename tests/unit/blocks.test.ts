import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bottleneckMaddsTex, invertedResidual, invertedResidualLayers, moduleParams, residualBottleneck, residualMiddle, shortcutRule } from '../../src/lib/blocks';
import { mobilenetV2 } from '../../src/lib/architectures';

describe('shortcutRule', () => {
  it('allows an identity shortcut only for stride 1 and equal channels (Sandler et al. 2018, §3.3, Fig. 4d)', () => {
    expect(shortcutRule({ cin: 24, cout: 24, stride: 1 })).toEqual({ identity: true, reason: 'ok' });
    expect(shortcutRule({ cin: 24, cout: 24, stride: 2 }).reason).toBe('stride');
    expect(shortcutRule({ cin: 64, cout: 96, stride: 1 }).reason).toBe('channels');
    expect(shortcutRule({ cin: 16, cout: 24, stride: 2 }).reason).toBe('both');
  });
  it('gives 10 identity shortcuts over the 17 blocks of Table 2', () => {
    const blocks = mobilenetV2().blocks!;
    expect(blocks.filter((b) => shortcutRule({ cin: b.cin, cout: b.cout, stride: b.stride }).identity)).toHaveLength(10);
  });
});

describe('invertedResidual', () => {
  it('block_5_2 of Table 2 (64 → 384 → 64, 14×14): 52,608 weights, 10,311,168 mult-adds', () => {
    const b = invertedResidual({ cin: 64, cout: 64, t: 6, stride: 1, size: 14 });
    // 64·384 + 9·384 + 384·64 = 52,608; ×196 positions for each layer.
    expect(b.params).toBe(52_608);
    expect(b.multAdds).toBe(52_608 * 196);
    expect(b.widths).toEqual([64, 384, 384, 64]);
    expect(b.layers.map((l) => l.activation)).toEqual(['relu6', 'relu6', 'linear']);
    expect(b.shortcut.identity).toBe(true);
  });
  it('has no expansion layer for t = 1 (Table 2, first bottleneck: 32 → 16 at 112×112, 800 weights)', () => {
    const b = invertedResidual({ cin: 32, cout: 16, t: 1, stride: 1, size: 112 });
    expect(b.layers.map((l) => l.role)).toEqual(['depthwise', 'project']);
    expect(b.params).toBe(9 * 32 + 32 * 16);
    expect(b.multAdds).toBe(10_035_200);
  });
  it('equals, block by block, the 17 bottlenecks of mobilenetV2()', () => {
    for (const blk of mobilenetV2().blocks!) {
      const b = invertedResidual({ cin: blk.cin, cout: blk.cout, t: blk.t, stride: blk.stride, size: blk.inH });
      expect([b.params, b.multAdds, b.outH]).toEqual([blk.params, blk.multAdds, blk.outH]);
    }
  });
});

describe('invertedResidualLayers', () => {
  it('t = 6, 24 → 24, stride 2: expand 1×1 24 → 144 (ReLU6), 3×3 depthwise 144 at stride 2 (ReLU6), linear 1×1 144 → 24 (Sandler et al. 2018, Table 1)', () => {
    expect(invertedResidualLayers({ cin: 24, cout: 24, t: 6, stride: 2 })).toEqual([
      { role: 'expand', kind: 'pointwise', k: 1, cin: 24, cout: 144, stride: 1, activation: 'relu6' },
      { role: 'depthwise', kind: 'depthwise', k: 3, cin: 144, cout: 144, stride: 2, activation: 'relu6' },
      { role: 'project', kind: 'pointwise', k: 1, cin: 144, cout: 24, stride: 1, activation: 'linear' },
    ]);
  });
  it('t = 1 has no expansion layer (Table 2, first bottleneck: 32 → 16)', () => {
    expect(invertedResidualLayers({ cin: 32, cout: 16, t: 1, stride: 1 }).map((l) => l.role)).toEqual(['depthwise', 'project']);
  });
  it('every V2 block is this list: the architecture table and the block costing agree layer by layer', () => {
    const v2 = mobilenetV2();
    expect(v2.blocks).toHaveLength(17);
    for (const b of v2.blocks ?? []) {
      const roles = v2.layers.filter((l) => l.block === b.index && l.role !== 'shortcut').map((l) => [l.role, l.cin, l.cout]);
      expect(roles).toEqual(invertedResidualLayers({ cin: b.cin, cout: b.cout, t: b.t, stride: b.stride }).map((l) => [l.role, l.cin, l.cout]));
    }
  });
  it('an expanded width beyond 2⁵³ throws a CostError overflow', () => {
    expect(() => invertedResidualLayers({ cin: 2 ** 52, cout: 1, t: 4, stride: 1 })).toThrow(expect.objectContaining({ code: 'overflow' }));
  });
});

/** The TeX without the formula–figure markup (nested terms too). */
function unwrapTerms(tex: string): string {
  let out = tex;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\\htmlData\{term=[a-z-]+\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
  }
  return out;
}

describe('bottleneckMaddsTex', () => {
  it('h·w·d′·t·(d′ + k² + d″) equals the costed block for every stride-1 block with t > 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 40 }), (cin, cout, t, size) => {
        const r = bottleneckMaddsTex({ cin, cout, t, stride: 1, size });
        expect(r.value).toBe(size * size * cin * t * (cin + 9 + cout));
        expect(r.matchesBlock).toBe(true);
      }),
    );
  });
  it('also matches with stride 2 once the depthwise and projection run on the smaller map', () => {
    const r = bottleneckMaddsTex({ cin: 16, cout: 24, t: 6, stride: 2, size: 112 });
    expect(r.value).toBe(29_202_432); // Table 2, block_3_1 (16 → 96 → 24, 112 → 56).
    expect(r.matchesBlock).toBe(true);
  });
  it('counts an expansion that a t = 1 block does not have', () => {
    const r = bottleneckMaddsTex({ cin: 32, cout: 16, t: 1, stride: 1, size: 112 });
    expect(r.value - 10_035_200).toBe(112 * 112 * 32 * 32);
    expect(r.matchesBlock).toBe(false);
    expect(r.tex).toContain('(32 + 9 + 16)');
  });
  it('with terms, marks the expansion 1×1 (d′), depthwise (k²), projection (d″) and t in h·w·d′·t·(d′ + k² + d″), and is otherwise the same TeX', () => {
    // Table 2, block_2_2 (24 → 144 → 24 at 56×56, t = 6): 56·56·24·6·(24 + 9 + 24) = 25,740,288.
    const opts = { cin: 24, cout: 24, t: 6, stride: 1, size: 56 };
    const linked = bottleneckMaddsTex(opts, { terms: true });
    expect(linked.value).toBe(25_740_288);
    expect(linked.tex).toContain('(\\htmlData{term=expand}{d\'} + \\htmlData{term=depthwise}{k^2} + \\htmlData{term=project}{d\'\'})');
    expect(linked.tex).toContain('\\htmlData{term=expansion-factor}{6} \\cdot (\\htmlData{term=expand}{24} + \\htmlData{term=depthwise}{9} + \\htmlData{term=project}{24})');
    expect(unwrapTerms(linked.tex)).toBe(bottleneckMaddsTex(opts).tex);
  });
  it('with terms at stride 2, the whole first product is the expansion\'s and t is marked in both products', () => {
    // Table 2, block_3_1 (16 → 96 → 24, 112 → 56): 112²·6·16² + 56²·6·16·(9 + 24) = 29,202,432.
    const opts = { cin: 16, cout: 24, t: 6, stride: 2, size: 112 };
    const linked = bottleneckMaddsTex(opts, { terms: true });
    expect(linked.tex).toContain('\\htmlData{term=expand}{112^2 \\cdot \\htmlData{term=expansion-factor}{6} \\cdot 16^2}');
    expect(linked.tex).toContain('56^2 \\cdot \\htmlData{term=expansion-factor}{6} \\cdot 16 \\cdot (\\htmlData{term=depthwise}{9} + \\htmlData{term=project}{24})');
    expect(linked.tex.match(/term=expansion-factor/g)).toHaveLength(4);
    expect(unwrapTerms(linked.tex)).toBe(bottleneckMaddsTex(opts).tex);
  });
});

describe('residualBottleneck', () => {
  it('ResNet-50 conv2_x (256 → 64 → 64 → 256 at 56×56, He et al. 2016 Table 1): 69,632 weights', () => {
    const b = residualBottleneck({ cin: 256, cout: 256, t: 4, stride: 1, size: 56 });
    expect(b.params).toBe(256 * 64 + 9 * 64 * 64 + 64 * 256);
    expect(b.multAdds).toBe(69_632 * 56 * 56);
    expect(b.widths).toEqual([256, 64, 64, 256]);
    expect(b.layers.every((l) => l.activation === 'relu' || l.role === 'shortcut')).toBe(true);
  });
  it('adds a strided 1×1 projection when the identity rule fails', () => {
    const b = residualBottleneck({ cin: 64, cout: 256, t: 4, stride: 2, size: 56 });
    const proj = b.layers.find((l) => l.role === 'shortcut')!;
    expect(proj.params).toBe(64 * 256);
    expect(proj.multAdds).toBe(64 * 256 * 28 * 28);
    expect(b.outH).toBe(28);
  });
  it('narrows to d″/t, at least one channel', () => {
    expect(residualMiddle(64, 6)).toBe(11);
    expect(residualMiddle(2, 12)).toBe(1);
  });
});

describe('moduleParams', () => {
  it('the source article’s demo block (3 → 6, t = 6) has 438 trainable parameters; the reference block 408', () => {
    // expand 3·18 + BN 36; depthwise 9·18 + BN 36; project 18·6 + BN 12; its shortcut 3·6 + BN 12.
    expect(moduleParams('reference', { cin: 3, cout: 6, t: 6 }).total).toBe(408);
    const p = moduleParams('projection', { cin: 3, cout: 6, t: 6 });
    expect(p.shortcut).toBe(30);
    expect(p.total).toBe(438);
  });
  it('builds the t = 1 expansion conv only in the projection variant', () => {
    const a = moduleParams('reference', { cin: 32, cout: 16, t: 1 });
    const b = moduleParams('projection', { cin: 32, cout: 16, t: 1 });
    expect(a.expand).toBe(0);
    expect(b.expand).toBe(32 * 32 + 64);
  });
});

describe('an expansion t that is not a whole number from 1', () => {
  it('is a typed invalid-size error on t in both blocks, not an overflow or a 17-parameter block', () => {
    for (const t of [0.5, 0, -2, Number.NaN]) {
      expect(() => invertedResidual({ cin: 3, cout: 3, t, stride: 1, size: 8 })).toThrow(expect.objectContaining({ code: 'invalid-size', field: 't' }));
      expect(() => residualBottleneck({ cin: 3, cout: 3, t, stride: 1, size: 8 })).toThrow(expect.objectContaining({ code: 'invalid-size', field: 't' }));
    }
  });
});
