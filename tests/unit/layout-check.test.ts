import { describe, expect, it } from 'vitest';
import { h } from '../../src/components/figure-kit/svg';
import { layoutIssues } from '../../src/components/figure-kit/layout-check';

const frame = { width: 200 };
const svg = (...children: ReturnType<typeof h>[]) => h('svg', { viewBox: '0 0 200 100' }, children);

describe('layoutIssues(svg, frame) under a translate', () => {
  it('adds a translate(x y) to what it holds: a rect at x = 20 moved by 190 ends past 200', () => {
    expect(layoutIssues(svg(h('g', { transform: 'translate(10 10)' }, h('rect', { x: 20, y: 0, width: 20, height: 10 }))), frame)).toEqual([]);
    expect(layoutIssues(svg(h('g', { transform: 'translate(190 0)' }, h('rect', { x: 20, y: 0, width: 20, height: 10 }))), frame)).toEqual(['rect x=210 outside 0…200', 'rect ends at 230 beyond 200']);
  });

  it('adds nested translates, to y as well, and to a text’s estimated span (12 px, 0.56 em a character)', () => {
    const inner = h('g', { transform: 'translate(0 60)' }, h('text', { class: 'fig-small', x: 0, y: 30 }, 'abcdefghij'));
    expect(layoutIssues(svg(h('g', { transform: 'translate(10,20)' }, inner)), frame)).toEqual(['text y=110 outside 0…100']);
    // Ten characters ≈ 67 units wide: from 150 it runs to 217.
    const long = h('g', { transform: 'translate(150 0)' }, h('text', { class: 'fig-small', x: 0, y: 30 }, 'abcdefghij'));
    expect(layoutIssues(svg(long), frame)).toEqual(['text "abcdefghij" spans 150…217 in 0…200']);
  });

  it('does not follow any other transform', () => {
    expect(layoutIssues(svg(h('g', { transform: 'rotate(90)' }, h('rect', { x: 500, y: 0, width: 20, height: 10 }))), frame)).toEqual([]);
    expect(layoutIssues(svg(h('g', { transform: 'translate(10 0) scale(2)' }, h('rect', { x: 500, y: 0, width: 20, height: 10 }))), frame)).toEqual([]);
  });
});
