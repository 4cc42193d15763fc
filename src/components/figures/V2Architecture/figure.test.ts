import { describe, expect, it } from 'vitest';
import { figure, rowsOf } from './figure';
import { mobilenetV2 } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const slideFrame = { ...testFrame(SLIDE_WIDTH, 's', 'slide'), height: SLIDE_HEIGHT };
/** A slide whose figure box is narrower (a presenter's preview, a slide with text beside the figure). */
const narrowSlide = { ...testFrame(480, 'n', 'slide'), height: SLIDE_HEIGHT };
const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name).map((n) => Number(n.attrs['data-exact']));

describe('v2Architecture.render(values)', () => {
  it('totals MobileNet V2 at α = 1, 224: 3,470,760 params, 300,774,272 mult-adds, 17,056 BN channels (paper Table 4: 3.4M, 300M)', () => {
    const { svg } = figure.render(defaults, testFrame());
    expect(q(svg, 'params')).toEqual([3_470_760]);
    expect(q(svg, 'macs')).toEqual([300_774_272]);
    expect(q(svg, 'bn-channels')).toEqual([17_056]);
    // Keras adds 4 numbers per BN channel, PyTorch 2 trainable (keras.io/api/applications: 3.5M).
    expect(q(svg, 'params-keras')).toEqual([3_538_984]);
    expect(q(svg, 'params-pytorch')).toEqual([3_504_872]);
  });
  it('lists conv, 17 blocks, head and classifier whose mult-adds add up to the total', () => {
    const { svg } = figure.render(defaults, testFrame());
    const macs = q(svg, 'block-macs');
    expect(macs).toHaveLength(20);
    expect(macs.reduce((a, b) => a + b, 0)).toBe(300_774_272);
    // 10 identity shortcuts: stride 1 and equal channels (Sandler et al. 2018, §3.3).
    expect(all(svg, (n) => n.attrs['data-shortcut'] === 'identity')).toHaveLength(10);
  });
  it('gives each block the bytes of its input and output tensors at 16 bits; the peak is block 1 with the image folded in', () => {
    const { svg } = figure.render(defaults, testFrame());
    const mem = q(svg, 'block-memory');
    expect(mem[1]).toBe(2 * (112 * 112 * 16 + 56 * 56 * 24)); // block 2: 16 @ 112² in, 24 @ 56² out
    expect(q(svg, 'memory-peak-v2')).toEqual([2 * (224 * 224 * 3 + 112 * 112 * 16)]);
    expect(q(svg, 'memory-peak-v1')).toEqual([2 * 112 * 112 * (32 + 64)]);
  });
  it('draws mult-add bars in proportion to the counts', () => {
    const { svg } = figure.render(defaults, testFrame());
    const bars = all(svg, (n) => n.attrs.class === 'v2-bar-macs').map((n) => Number(n.attrs.width));
    const rows = rowsOf(mobilenetV2());
    expect(bars[3] / bars[2]).toBeCloseTo(rows[3].macs / rows[2].macs, 9);
  });
  it('follows α and the resolution (α = 0.35 at 96: the paper’s smallest model)', () => {
    const { svg } = figure.render({ ...defaults, alpha: 0.35, res: 96 }, testFrame());
    const arch = mobilenetV2({ alpha: 0.35, resolution: 96 });
    expect(q(svg, 'params')).toEqual([arch.params]);
    expect(q(svg, 'macs')).toEqual([arch.multAdds]);
  });
  it('lays itself out for the frame: rows on pages (two lines each on phones), columns on slides within the slide\'s height', () => {
    const rows = rowsOf(mobilenetV2());
    for (const frame of [testFrame(316), testFrame(360), testFrame(520), testFrame(725), slideFrame, narrowSlide]) {
      for (const [alpha, res] of [[1, 224], [1.4, 224], [0.35, 96]]) {
        const { svg } = figure.render({ ...defaults, alpha, res }, frame);
        const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
        expect(w).toBe(frame.width);
        if (frame.context === 'slide') expect(hgt, `slide ${frame.width} wide`).toBeLessThanOrEqual(SLIDE_HEIGHT);
        // Every layer's mult-adds and every block's memory are there, whatever the layout.
        expect(q(svg, 'block-macs')).toHaveLength(20);
        expect(q(svg, 'block-memory')).toHaveLength(18);
        const bars = all(svg, (n) => n.attrs.class === 'v2-bar-macs').map((n) => Number(n.attrs[frame.context === 'slide' ? 'height' : 'width']));
        const arch = rowsOf(mobilenetV2({ alpha, resolution: res }));
        expect(bars[5] / bars[2]).toBeCloseTo(arch[5].macs / arch[2].macs, 9);
        for (const t of all(svg, (n) => n.tag === 'text')) {
          const x = Number(t.attrs.x);
          const len = text(t).length * 6.5;
          const anchor = t.attrs['text-anchor'] ?? 'start';
          const [l, r] = anchor === 'middle' ? [x - len / 2, x + len / 2] : anchor === 'end' ? [x - len, x] : [x, x + len];
          expect(l, text(t)).toBeGreaterThanOrEqual(-1);
          expect(r, `${text(t)} at ${frame.width}`).toBeLessThanOrEqual(frame.width + 2);
        }
      }
    }
    expect(rows).toHaveLength(20);
  });
});
