import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2 } from '../../src/lib/architectures';
import { paperFigures, paperGaps } from '../../src/lib/paper-tables';

describe('paperFigures()', () => {
  const figures = paperFigures();
  const byId = new Map(figures.map((f) => [f.id, f]));

  it('paperFigures() ids are unique and every entry cites a source', () => {
    expect(byId.size).toBe(figures.length);
    for (const f of figures) {
      expect(f.source).toMatch(/Table|§|Fig\.|Source article|TF-slim|Keras/);
      expect(f.ref).toMatch(/^[a-z0-9-]+$/);
      expect(Number.isFinite(f.computed)).toBe(true);
    }
  });

  it("paperFigures() status is 'ok' exactly when the computed value rounds to the printed one", () => {
    for (const f of figures.filter((x) => x.bound === undefined)) {
      const step = f.step ?? 10 ** -f.decimals;
      const rounded = Math.round(f.computed / f.unit / step + 1e-9) * step;
      expect(f.status === 'ok', f.id).toBe(Math.abs(rounded - f.printedValue) < 1e-9);
    }
  });

  it('paperFigures() computes from the cost model (V1 Table 6 569M, V2 300M)', () => {
    expect(byId.get('v1-t6-1-macs')!.computed).toBe(mobilenetV1().multAdds);
    expect(byId.get('v1-t6-1-macs')!.computed).toBe(568_740_352);
    expect(byId.get('v2-t4-1.0-macs')!.computed).toBe(mobilenetV2().multAdds);
    expect(byId.get('v1-t3-separable-macs')!.computed).toBe(52_283_392); // V1 Table 3: 52.3M
  });
});

describe('paperGaps()', () => {
  const gaps = paperGaps();
  const byId = new Map(gaps.map((g) => [g.id, g]));

  it('paperGaps() is exactly the rows whose status is not ok, and includes the known errata', () => {
    expect([...byId.keys()].sort()).toEqual(paperFigures().filter((f) => f.status !== 'ok').map((f) => f.id).sort());
    for (const id of [
      'v1-t1-dw13-stride', // Table 1: "Conv dw / s2" on 7×7 → 7×7 must be s1
      'v1-t2-conv-macs', // Table 2: 1.19% printed, 1.91% computed
      'v1-t4-conv-macs', // Table 4: 4866M printed, 4867.3M computed (4866.3M without FC)
      'v1-t7-160-macs', // Table 7: 290M printed, 290.7M computed
      'v1-t9-0.5-160-macs', // Table 9: 76M printed, 76.5M computed
      'v2-t4-1.0-macs', // V2 Table 4: 300M printed, 300.8M computed
      'v2-t4-1.0-params', // V2 Table 4: 3.4M printed, 3.47M computed
      'v2-t4-1.4-macs', // V2 Table 4: 585M printed, 582.2M computed
      'v2-t4-1.4-params', // V2 Table 4: 6.9M printed, 6.06M computed
      'v2-t4-v1-macs', // V2 Table 4: V1 at 575M printed, 568.7M computed
      'v2-s6-min-macs', // V2 §4: 7M printed, 11.9M computed for α 0.35 at 96
      'v2-t3-v1-7-kb', // V2 Table 3: 199 Kb printed, 100.4 Kb for one 7×7×1024 tensor
      'article1-grouped-flops', // source article 001: 2,205,225 printed, 4,392,300 computed
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
  });

  it('paperGaps() entries each carry a reason with the computed value', () => {
    for (const g of gaps) expect(g.reason, g.id).toBeTruthy();
    expect(byId.get('v1-t2-conv-macs')!.computed).toBeCloseTo(1.9056, 4); // 10,838,016 / 568,740,352
    expect(byId.get('v1-t4-conv-macs')!.computed).toBe(4_867_293_184);
    expect(byId.get('article1-grouped-flops')!.computed).toBe(4_392_300);
    expect(byId.get('v1-t1-dw13-stride')!.computed).toBe(1);
  });

  it("paperGaps() marks the papers' rounding down as 'truncated' (V1 Tables 7 and 9, V2 Table 4)", () => {
    const truncated = gaps.filter((g) => g.status === 'truncated').map((g) => g.id);
    for (const id of ['v1-t7-160-macs', 'v1-t9-0.5-160-macs', 'v2-t4-1.0-macs', 'v2-t4-1.0-params']) expect(truncated).toContain(id);
    expect(truncated).not.toContain('v2-t4-1.4-macs');
  });
});
