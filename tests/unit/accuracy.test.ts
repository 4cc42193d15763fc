import { describe, expect, it } from 'vitest';
import {
  COMPARISON_NETWORKS,
  GRID_ALPHAS,
  GRID_RESOLUTIONS,
  PAPER_MOBILENETS,
  SLIM_CHECKPOINTS,
  publishedAccuracy,
  sourceText,
  tradeoffPoints,
} from '../../src/lib/accuracy';
import { mobilenetV1 } from '../../src/lib/architectures';
import { REFERENCES } from '../../src/lib/references';

describe('published MobileNet V1 accuracies', () => {
  it('has one TF-slim checkpoint for each of the 16 α × resolution settings of the paper\'s Figure 4', () => {
    const keys = SLIM_CHECKPOINTS.map((p) => `${p.alpha}@${p.resolution}`);
    expect(new Set(keys).size).toBe(16);
    for (const a of GRID_ALPHAS) for (const r of GRID_RESOLUTIONS) expect(keys).toContain(`${a}@${r}`);
  });

  it('orders accuracy by cost inside each α: a larger input never scores lower (TF-slim README)', () => {
    for (const a of GRID_ALPHAS) {
      const row = SLIM_CHECKPOINTS.filter((p) => p.alpha === a).sort((p, q) => p.resolution! - q.resolution!);
      for (let i = 1; i < row.length; i++) expect(row[i].top1).toBeGreaterThan(row[i - 1].top1);
    }
  });

  it('prints the paper\'s mult-adds for Tables 6, 7 and 9 within 1M of the count of Table 1', () => {
    for (const p of PAPER_MOBILENETS) {
      const macs = mobilenetV1({ alpha: p.alpha, resolution: p.resolution }).multAdds / 1e6;
      expect(Math.abs(macs - p.printedMacsM), p.label).toBeLessThan(1);
    }
  });

  it('finds the TF-slim README\'s MACs within 1M of the count except for the four α 0.75 rows and 0.25-192', () => {
    const off = SLIM_CHECKPOINTS.filter((p) => Math.abs(mobilenetV1({ alpha: p.alpha, resolution: p.resolution }).multAdds / 1e6 - p.printedMacsM) >= 1);
    expect(off.map((p) => p.id).sort()).toEqual(['slim-0.25-192', 'slim-0.75-128', 'slim-0.75-160', 'slim-0.75-192', 'slim-0.75-224']);
  });

  it('keeps Table 8\'s claims: VGG 16 is 32× larger and 27× costlier than 1.0 MobileNet-224, GoogleNet 2.7× costlier', () => {
    const vgg = COMPARISON_NETWORKS.find((p) => p.id === 'vgg16')!;
    const googlenet = COMPARISON_NETWORKS.find((p) => p.id === 'googlenet')!;
    const mobilenet = PAPER_MOBILENETS.find((p) => p.id === 'paper-1-224')!;
    expect(Math.floor(vgg.printedParamsM / mobilenet.printedParamsM)).toBe(32);
    expect(Math.round(vgg.printedMacsM / mobilenet.printedMacsM)).toBe(27);
    expect(googlenet.printedMacsM / mobilenet.printedMacsM).toBeCloseTo(2.72, 2);
  });

  it('Table 9: the reduced MobileNet beats AlexNet by 3.0 points and Squeezenet by 2.7, not "4%"', () => {
    const small = PAPER_MOBILENETS.find((p) => p.id === 'paper-0.5-160')!;
    const alexnet = COMPARISON_NETWORKS.find((p) => p.id === 'alexnet')!;
    const squeezenet = COMPARISON_NETWORKS.find((p) => p.id === 'squeezenet')!;
    expect(small.top1 - alexnet.top1).toBeCloseTo(3.0, 9);
    expect(small.top1 - squeezenet.top1).toBeCloseTo(2.7, 9);
  });
});

describe('tradeoffPoints() and publishedAccuracy(alpha, resolution)', () => {
  it('places MobileNet points at the cost model\'s count and the other networks at their printed mult-adds', () => {
    const pts = tradeoffPoints();
    expect(pts).toHaveLength(30);
    expect(pts.find((p) => p.id === 'slim-0.5-160')!.macs).toBe(76_524_800);
    expect(pts.find((p) => p.id === 'paper-conv-mobilenet')!.macs).toBe(4_867_293_184);
    expect(pts.find((p) => p.id === 'paper-shallow')!.macs).toBe(307_323_392);
    expect(pts.find((p) => p.id === 'alexnet')).toMatchObject({ macs: 720_000_000, computed: false });
  });

  it('cites a reference that exists for every point', () => {
    const keys = new Set(REFERENCES.map((r) => r.key));
    for (const p of tradeoffPoints()) {
      expect(keys.has(p.source.ref), p.id).toBe(true);
      expect(sourceText(p.source).length).toBeGreaterThan(10);
    }
  });

  it('returns the paper first, then TF-slim, and nothing for an untrained setting', () => {
    expect(publishedAccuracy(1, 224).map((p) => [p.top1, p.group])).toEqual([
      [70.6, 'paper'],
      [70.9, 'slim'],
    ]);
    expect(publishedAccuracy(0.25, 128).map((p) => p.top1)).toEqual([41.5]);
    expect(publishedAccuracy(0.6, 200)).toEqual([]);
    expect(publishedAccuracy(1, 225)).toEqual([]);
  });
});
