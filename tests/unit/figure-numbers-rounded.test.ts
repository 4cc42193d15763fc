/**
 * Every figure's markup writes its coordinates to two decimals at most (svg.ts): numeric attributes
 * are rounded when serialised, and paths and transforms written by hand go through `rounded` (rounded.ts) or `toFixed`. Without it, sums such as 84 + 75.53472222222223 reached the page and every exported
 * SVG with seventeen digits. Each figure is drawn at its defaults and with each of its parameters at
 * its ends and at a few values in between, on a phone, a laptop column and a slide.
 */
import { describe, expect, it } from 'vitest';
import { ALL_FIGURES } from '../../src/components/figures/all';
import { defaultValues } from '../../src/components/figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../src/components/figure-kit/frame';
import type { SvgNode } from '../../src/components/figure-kit/svg';
import { rounded } from '../../src/components/figure-kit/rounded';
import type { FigureFrame } from '../../src/components/figure-kit/types';
import { PARAMS, type ParamName } from '../../src/lib/params';

const FRAMES: FigureFrame[] = [
  { uid: 'p', width: 320, context: 'page', lang: 'en' },
  { uid: 'l', width: 680, context: 'page', lang: 'en' },
  { uid: 's', width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context: 'slide', lang: 'en' },
];

/** Values of a parameter to try: its ends and a few in between that make uneven sums. */
function tried(name: ParamName): number[] {
  const { min, max, step } = PARAMS[name];
  const inside = [min + step, (min + max) / 3, (min + max) / 2, max - step].map((v) => Math.round(v / step) * step);
  return [...new Set([min, max, ...inside].map((v) => Math.min(max, Math.max(min, Number(v.toFixed(2))))))];
}

/** `tag.attribute = value` for every attribute outside data-* that holds a number with 3+ decimals. */
function longNumbers(node: SvgNode | string, out: string[] = []): string[] {
  if (typeof node === 'string') return out;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (typeof v === 'string' && !k.startsWith('data-') && /\d\.\d{3,}/.test(v)) out.push(`${node.tag}.${k} = ${v.slice(0, 90)}`);
  }
  for (const c of node.children) longNumbers(c, out);
  return out;
}

describe('rounded (paths written by hand)', () => {
  it('rounds each number to two decimals and keeps the text between them', () => {
    // 84 + 75.53472222222223 = 159.53472222222223 → 159.53; 1/3 → 0.33; whole numbers stay whole.
    expect(rounded`M${84 + 75.53472222222223},228L${1 / 3} ${680}`).toBe('M159.53,228L0.33 680');
    expect(rounded`translate(${171.60000000000002} ${-2 / 3})`).toBe('translate(171.6 -0.67)');
    expect(rounded`M0 0`).toBe('M0 0');
  });
});

describe.each(Object.values(ALL_FIGURES).map((f) => [f.id, f] as const))('figure %s', (_, figure) => {
  it('writes no coordinate with more than two decimals, at any of the tried values, on any screen', () => {
    const found = new Set<string>();
    const cases: Record<ParamName, number>[] = [{ ...defaultValues }];
    for (const name of figure.params) for (const v of tried(name)) cases.push({ ...defaultValues, [name]: v });
    for (const values of cases) {
      for (const frame of FRAMES) {
        for (const hit of longNumbers(figure.render(values, frame).svg)) found.add(hit);
      }
    }
    expect([...found]).toEqual([]);
  });
});
