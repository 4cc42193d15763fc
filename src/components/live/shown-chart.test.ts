// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keepShownChart } from './shown-chart';

function wrapWith(markup: string): HTMLElement {
  const wrap = document.createElement('div');
  wrap.innerHTML = markup;
  document.body.replaceChildren(wrap);
  return wrap;
}

describe('keepShownChart(wrap)', () => {
  it('keeps the chart CSS shows, removes the hidden one, and returns the width the kept one was drawn for', () => {
    const wrap = wrapWith('<svg data-variant="wide" viewBox="0 0 680 300" style="display:none"></svg><svg data-variant="narrow" viewBox="0 0 360 420"></svg>');
    expect(keepShownChart(wrap)).toBe(360);
    expect([...wrap.querySelectorAll('svg')].map((s) => s.getAttribute('data-variant'))).toEqual(['narrow']);
  });

  it('keeps the first when none is hidden, and reads 680 (the wide draft) from a chart without a viewBox', () => {
    const wrap = wrapWith('<svg data-variant="wide"></svg><svg data-variant="narrow" viewBox="0 0 360 420"></svg>');
    expect(keepShownChart(wrap)).toBe(680);
    expect(wrap.querySelectorAll('svg')).toHaveLength(1);
    expect(wrap.querySelector('svg')?.getAttribute('data-variant')).toBe('wide');
  });

  it('leaves a chart drawn once alone and reads its width', () => {
    const wrap = wrapWith('<svg viewBox="0 0 500 200"></svg>');
    expect(keepShownChart(wrap)).toBe(500);
    expect(wrap.querySelectorAll('svg')).toHaveLength(1);
  });
});
