// @vitest-environment happy-dom
// step(el, from, to): a typeset formula redrawn by writing new numbers into its text nodes must
// draw exactly what KaTeX draws for the new TeX (its .katex-html, attribute for attribute), for
// every figure's formulas on slider steps; anything else must be refused with nothing changed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lighterKatex } from '../../src/lib/katex-markup';
import katex from 'katex';
import { SETTLE_MS, drawingOrder, orderFor, orderKnown, redrawDuringDrag, renumber, renumberFormula, renumberKnown, renumberNextFrame, settle, typesetWhole, learnShapes, type DrawnPiece } from '../../src/components/figure-kit/renumber';
import { FIGURE_KATEX } from '../../src/components/figure-kit/katex-options';
import { ALL_FIGURES } from '../../src/components/figures/all';
import { defaultValues, testFrame } from '../../src/components/figure-kit/testing';
import { PARAMS, coerceParam, type ParamName } from '../../src/lib/params';
import { texNumbers } from '../../src/lib/tex-numbers';

const typeset = (tex: string): string => katex.renderToString(tex, { ...FIGURE_KATEX, displayMode: true, throwOnError: true });

function box(tex: string): HTMLDivElement {
  const el = document.createElement('div');
  el.innerHTML = typeset(tex);
  return el;
}
const drawing = (el: Element): string => el.querySelector('.katex-html')?.outerHTML ?? '';
const orderOf = (tex: string): DrawnPiece[] | undefined => drawingOrder(document, tex, (t) => katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, output: 'html', throwOnError: false }));
/** renumber with the drawing order of `from`'s shape (false where it has none). */
const step = (el: Element, from: string, to: string): boolean => {
  const order = orderOf(from);
  return order !== undefined && renumber(el, from, to, order);
};

describe('drawingOrder', () => {
  const slots = (tex: string): number[] | undefined => orderOf(tex)?.map((p) => p.slot);

  it('finds a fraction drawn denominator first, and a sum drawn in order', () => {
    // \frac{73}{576} ≈ 0.127: KaTeX's fraction stacks its denominator before its numerator.
    expect(slots('\\frac{73}{576} \\approx 0.127')).toEqual([1, 0, 2]);
    expect(slots('3 \\cdot 3 + 2{,}048')).toEqual([0, 1, 2, 3]);
  });

  it('tells more than ten numbers apart (one pass per decimal digit of the count)', () => {
    const tex = Array.from({ length: 12 }, (_, i) => String(100 + i)).join(' + ');
    expect(slots(tex)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('finds a script’s base drawn in two pieces, its last digit carrying the script', () => {
    expect(orderOf('32^2 + 1')).toEqual([
      { slot: 0, from: 0, to: 1 },
      { slot: 0, from: 1, to: 2 },
      { slot: 1, from: 0, to: 1 },
      { slot: 2, from: 0, to: 1 },
    ]);
  });

  it('has none when a number is inside something drawn without text (a length)', () => {
    expect(orderOf('3 \\hspace{2em} 4')).toBeUndefined();
  });
});

describe('renumber', () => {
  it('draws a slider step of the separable formula as KaTeX does, changing text nodes only', () => {
    const from = '\\htmlData{term=depthwise}{3 \\cdot 3 \\cdot 32} + \\htmlData{term=pointwise}{32 \\cdot 64} = 2{,}336';
    const to = '\\htmlData{term=depthwise}{5 \\cdot 5 \\cdot 32} + \\htmlData{term=pointwise}{32 \\cdot 64} = 2{,}848';
    const el = box(from);
    const elements = [...el.querySelectorAll('*')];
    expect(step(el, from, to)).toBe(true);
    expect(drawing(el)).toBe(drawing(box(to)));
    // The same element objects: nothing was replaced, so nothing else lays out again.
    expect([...el.querySelectorAll('*')]).toEqual(elements);
  });

  it('refuses, changing nothing, when a number grows a thousands separator', () => {
    const el = box('32 \\cdot 31 = 992');
    const before = el.innerHTML;
    expect(step(el, '32 \\cdot 31 = 992', '32 \\cdot 32 = 1{,}024')).toBe(false);
    expect(el.innerHTML).toBe(before);
  });

  it('refuses when KaTeX drew a number with its digits apart (\\frac12 is 1 over 2)', () => {
    const el = box('\\frac12 + 3');
    const before = el.innerHTML;
    expect(renumber(el, '\\frac12 + 3', '\\frac13 + 4', orderOf('\\frac12 + 3') ?? [])).toBe(false);
    expect(el.innerHTML).toBe(before);
  });

  it('refuses when the drawing does not show the formula it is said to show, or the order does not fit', () => {
    const el = box('3 \\cdot 32');
    expect(step(el, '3 \\cdot 33', '3 \\cdot 34')).toBe(false);
    expect(renumber(el, '3 \\cdot 32', '3 \\cdot 33', [{ slot: 1, from: 0, to: 2 }, { slot: 0, from: 0, to: 1 }])).toBe(false);
    expect(renumber(el, '3 \\cdot 32', '3 \\cdot 33', [{ slot: 0, from: 0, to: 1 }])).toBe(false);
    expect(el.querySelector('.katex-html')?.textContent).toContain('32');
  });

  it('draws a fraction whose numerator and denominator change, in KaTeX’s order', () => {
    const el = box('\\frac{73}{576} \\approx 0.127');
    expect(step(el, '\\frac{73}{576} \\approx 0.127', '\\frac{74}{585} \\approx 0.126')).toBe(true);
    expect(drawing(el)).toBe(drawing(box('\\frac{74}{585} \\approx 0.126')));
  });

  it('redraws by an order found in another TeX of the shape whose numbers were shorter (ρ² at 1, then at 1.01)', () => {
    // MobileNet V1's ρ² term (Howard et al. 2017, sec. 3.4): ρ = 1 at 224 px, then 1.01 and 1.02 a step or two above.
    const first = '{\\rho^2} = {{1}^2} \\approx 1';
    const from = '{\\rho^2} = {{1.01}^2} \\approx 1.02';
    const to = '{\\rho^2} = {{1.02}^2} \\approx 1.04';
    const order = orderOf(first);
    expect(order).toBeDefined();
    const el = box(from);
    expect(renumber(el, from, to, order!)).toBe(true);
    expect(drawing(el)).toBe(drawing(box(to)));
  });

  it('leaves the MathML that screen readers read to the full typeset', () => {
    const el = box('3 \\cdot 32 = 96');
    expect(step(el, '3 \\cdot 32 = 96', '3 \\cdot 33 = 99')).toBe(true);
    expect(el.querySelector('.katex-mathml')?.textContent).toContain('96');
    expect(el.querySelector('.katex-html')?.textContent).toContain('99');
  });
});

/** `by` slider steps of a parameter (up, or down near its top), as the store would take them. */
function stepped(values: Record<ParamName, number>, name: ParamName, by: number): Record<ParamName, number> {
  const p = PARAMS[name];
  const up = values[name] + by * p.step;
  return { ...values, [name]: coerceParam(name, up > p.max ? values[name] - by * p.step : up).value };
}

describe('renumberFormula', () => {
  it('typesets a formula’s shape once to find its numbers, then redraws each step of that shape by its numbers', () => {
    let typesets = 0;
    const html = (t: string): string => {
      typesets += 1;
      return katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, output: 'html', throwOnError: false });
    };
    const el = box('\\frac{1}{64} + \\frac{1}{9} = \\frac{73}{576}');
    expect(orderKnown('\\frac{1}{64} + \\frac{1}{9} = \\frac{73}{576}')).toBe(false);
    expect(renumberFormula(el, '\\frac{1}{64} + \\frac{1}{9} = \\frac{73}{576}', '\\frac{1}{65} + \\frac{1}{9} = \\frac{74}{585}', html)).toBe(true);
    expect(renumberFormula(el, '\\frac{1}{65} + \\frac{1}{9} = \\frac{74}{585}', '\\frac{1}{66} + \\frac{1}{9} = \\frac{25}{198}', html)).toBe(true);
    expect(typesets).toBe(1);
    // Known for every formula of that shape now, and for no other.
    expect(orderKnown('\\frac{1}{7} + \\frac{1}{9} = \\frac{16}{63}')).toBe(true);
    expect(orderKnown('\\frac{1}{7} + \\frac{1}{9} = 0.25')).toBe(false);
    expect(drawing(el)).toBe(drawing(box('\\frac{1}{66} + \\frac{1}{9} = \\frac{25}{198}')));
    // Another shape is not drawn from this one, and costs no typeset here.
    expect(renumberFormula(el, '\\frac{1}{66} + \\frac{1}{9} = \\frac{25}{198}', '\\frac{1}{N}', html)).toBe(false);
    expect(typesets).toBe(1);
  });
});

describe('redrawDuringDrag', () => {
  it('draws a new shape by typesetting the drawing alone, keeps the MathML, learns the shape when idle, then redraws its steps by their numbers', async () => {
    vi.useFakeTimers();
    try {
      // As the site ships typeset math (lighterKatex), which the drawing-only typeset matches.
      const shipped = (tex: string): HTMLDivElement => Object.assign(document.createElement('div'), { innerHTML: lighterKatex(typeset(tex)) });
      const from = '9 \\cdot 111 = 999';
      const to = '9 \\cdot 112 = 1{,}008';
      const el = shipped(from);
      const mathml = el.querySelector('.katex-mathml')?.innerHTML;
      // Another shape (a separator more): the drawing alone is typeset, as KaTeX draws it.
      expect(redrawDuringDrag(el, from, to, katex, lighterKatex)).toBe('drawing');
      expect(drawing(el)).toBe(drawing(shipped(to)));
      expect(el.querySelector('.katex-mathml')?.innerHTML).toBe(mathml);
      // Where this shape draws its numbers is found later, not in the step.
      expect(orderKnown(to)).toBe(false);
      await vi.runAllTimersAsync();
      expect(orderKnown(to)).toBe(true);
      const next = '9 \\cdot 113 = 1{,}017';
      expect(redrawDuringDrag(el, to, next, katex, lighterKatex)).toBe('numbers');
      expect(drawing(el)).toBe(drawing(shipped(next)));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('settle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const shipped = (tex: string): HTMLDivElement => {
    const el = Object.assign(document.createElement('div'), { innerHTML: lighterKatex(typeset(tex)) });
    el.dataset.tex = tex;
    return el;
  };
  const loaded = { katex, write: { lighterKatex } };
  const from = '3 \\cdot 3 \\cdot 33 \\cdot 64 = 19{,}008';
  const to = '3 \\cdot 3 \\cdot 34 \\cdot 64 = 19{,}584';

  /** A formula showing `from`, its drawing renumbered to `to` during a drag (MathML still `from`'s). */
  function dragged(): { el: HTMLDivElement; shown: WeakMap<HTMLElement, string>; whole: ReturnType<typeof vi.fn>; typeset: string[] } {
    const el = shipped(from);
    expect(step(el, from, to)).toBe(true);
    el.dataset.tex = to;
    el.style.minHeight = '80px';
    const shown = new WeakMap<HTMLElement, string>([[el, to]]);
    const events: string[] = [];
    el.addEventListener('sep:typeset', () => events.push(el.dataset.tex ?? ''));
    return { el, shown, whole: vi.fn(), typeset: events };
  }

  it('once changes pause, writes the MathML of the TeX the drawing shows, leaves the drawing as it is and releases its height', () => {
    const { el, shown, whole, typeset: events } = dragged();
    const drawn = el.querySelector('.katex-html');
    const html = drawing(el);
    expect(el.querySelector('.katex-mathml')?.textContent).toContain('33');
    settle(el, to, shown, loaded, whole);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(el.querySelector('.katex-mathml')?.textContent).toContain('33');
    vi.advanceTimersByTime(1);
    // The page now holds what the whole typeset would have written (3·3·34·64 = 19,584: Howard et al. 2017, eq. 1 weights).
    expect(el.innerHTML).toBe(shipped(to).innerHTML);
    expect(el.querySelector('.katex-mathml')?.textContent).toContain('19,584');
    expect(el.querySelector('.katex-html')).toBe(drawn);
    expect(drawing(el)).toBe(html);
    expect(el.style.minHeight).toBe('');
    expect(events).toEqual([to]);
    expect(whole).not.toHaveBeenCalled();
  });

  it('waits for the last of several changes, and does nothing once the formula shows another TeX', () => {
    const { el, shown, whole, typeset: events } = dragged();
    const mathml = el.querySelector('.katex-mathml')?.innerHTML;
    settle(el, to, shown, loaded, whole);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    settle(el, to, shown, loaded, whole);
    el.dataset.tex = from;
    vi.advanceTimersByTime(SETTLE_MS);
    expect(el.querySelector('.katex-mathml')?.innerHTML).toBe(mathml);
    expect(events).toEqual([]);
    expect(whole).not.toHaveBeenCalled();
  });

  it('asks for the whole typeset where the drawing shows another TeX, or the TeX has no MathML (an error)', () => {
    const a = dragged();
    a.shown.set(a.el, from);
    settle(a.el, to, a.shown, loaded, a.whole);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(a.whole).toHaveBeenCalledTimes(1);
    expect(a.el.querySelector('.katex-mathml')?.textContent).toContain('33');

    const b = dragged();
    const broken = '3 \\cdot \\frac{34';
    b.el.dataset.tex = broken;
    b.shown.set(b.el, broken);
    settle(b.el, broken, b.shown, loaded, b.whole);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(b.whole).toHaveBeenCalledTimes(1);
    expect(b.typeset).toEqual([]);
  });
});

describe('renumberKnown', () => {
  it('redraws by numbers only a shape whose drawing order was found, never typesetting, and refuses a new shape', () => {
    const shipped = (tex: string): HTMLDivElement => Object.assign(document.createElement('div'), { innerHTML: lighterKatex(typeset(tex)) });
    const from = '5 \\cdot 5 \\cdot 48 = 1{,}200';
    const to = '5 \\cdot 5 \\cdot 49 = 1{,}225';
    const el = shipped(from);
    const before = drawing(el);
    // Not found yet: nothing is written (the caller typesets after the frame).
    expect(renumberKnown(el, from, to)).toBe(false);
    expect(drawing(el)).toBe(before);
    const render = vi.fn((t: string) => katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, output: 'html', throwOnError: false }));
    expect(orderFor(from, render)).toBeDefined();
    render.mockClear();
    expect(renumberKnown(el, from, to)).toBe(true);
    expect(render).not.toHaveBeenCalled();
    expect(drawing(el)).toBe(drawing(shipped(to)));
    // 1,225 → 999 loses its separator: another shape, refused with nothing changed.
    const after = drawing(el);
    expect(renumberKnown(el, to, '5 \\cdot 5 \\cdot 39 = 975')).toBe(false);
    expect(drawing(el)).toBe(after);
  });
});

/** Every figure's formula before and after one to seven steps of each of its parameters. */
function formulaSteps(): Map<string, { label: string; from: string; to: string }[]> {
  const out = new Map<string, { label: string; from: string; to: string }[]>();
  for (const [id, def] of Object.entries(ALL_FIGURES)) {
    const steps: { label: string; from: string; to: string }[] = [];
    for (const width of [680, 316]) {
      const frame = testFrame(width);
      const from = def.render(defaultValues, frame).tex ?? '';
      for (const name of def.params) {
        for (const by of [1, 2, 7]) {
          const to = def.render(stepped(defaultValues, name, by), frame).tex ?? '';
          if (from && to && from !== to) steps.push({ label: `${name} +${by} at ${width}`, from, to });
        }
      }
    }
    if (steps.length > 0) out.set(id, steps);
  }
  return out;
}

describe('renumber on every figure’s formula', () => {
  const all = formulaSteps();

  it('finds the figures whose formulas change with their sliders', () => {
    for (const id of ['conv-geometry', 'cost-bars', 'ratio-curves', 'block-shapes', 'inception-continuum', 'v1-architecture']) expect([...all.keys()]).toContain(id);
  });

  for (const [id, steps] of all) {
    it(`${id}: each step it draws by numbers alone is what KaTeX draws, and some steps are`, () => {
      let fast = 0;
      // The page keeps one drawing order per shape, found in the first TeX of that shape it met
      // (orderFor): each step is also redrawn by that order, whose numbers may have other lengths.
      const firstOrder = new Map<string, DrawnPiece[] | undefined>();
      for (const { label, from, to } of steps) {
        const el = box(from);
        const before = el.innerHTML;
        if (step(el, from, to)) {
          fast += 1;
          expect(drawing(el), `${id} ${label}`).toBe(drawing(box(to)));
        } else expect(el.innerHTML, `${id} ${label}: refused, so unchanged`).toBe(before);
        const shape = texNumbers(from).skeleton;
        if (!firstOrder.has(shape)) firstOrder.set(shape, orderOf(from));
        const kept = firstOrder.get(shape);
        const again = box(from);
        if (kept && renumber(again, from, to, kept)) expect(drawing(again), `${id} ${label}, by the shape's first order`).toBe(drawing(box(to)));
        else expect(again.innerHTML, `${id} ${label}: refused by the shape's first order, so unchanged`).toBe(before);
      }
      expect(fast, `${id}: ${fast} of ${steps.length} steps by numbers alone`).toBeGreaterThan(0);
    });
  }

  // Once a drag pauses, the page types only the MathML of a formula whose drawing is already
  // current (client.ts, typesetSpoken): KaTeX's MathML typeset alone must be the whole's.
  const mathOf = (markup: string): string => /<math[\s>][\s\S]*<\/math>/.exec(markup)?.[0] ?? '';
  it('typesets every step’s MathML alone exactly as inside the whole typeset', () => {
    let compared = 0;
    for (const [id, steps] of all) {
      for (const { label, to } of steps) {
        const whole = mathOf(lighterKatex(katex.renderToString(to, { ...FIGURE_KATEX, displayMode: true, throwOnError: false })));
        const alone = mathOf(lighterKatex(katex.renderToString(to, { ...FIGURE_KATEX, displayMode: true, output: 'mathml', throwOnError: false })));
        expect(whole, `${id} ${label}`).toMatch(/^<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML" display="block">/);
        expect(alone, `${id} ${label}`).toBe(whole);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('draws the kernel size and channel steps of the first figure of three chapters by numbers alone', () => {
    const wide = testFrame(680);
    for (const [id, name] of [['conv-geometry', 'k'], ['conv-geometry', 'm'], ['conv-geometry', 'n'], ['cost-bars', 'n'], ['ratio-curves', 'k']] as const) {
      const def = ALL_FIGURES[id];
      const from = def.render(defaultValues, wide).tex ?? '';
      const to = def.render(stepped(defaultValues, name, 1), wide).tex ?? '';
      expect(step(box(from), from, to), `${id} ${name}`).toBe(true);
    }
  });
});

describe('renumberNextFrame', () => {
  /** Animation frames run by hand: the callbacks asked for, in order. */
  let frames: FrameRequestCallback[] = [];
  const nextFrame = (): void => {
    const now = frames;
    frames = [];
    for (const f of now) f(0);
  };
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());
  const render = (t: string): string => katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, output: 'html', throwOnError: false });
  // Depthwise then pointwise weights at D_K = 7, M = 40, N = 50...52 (Howard et al. 2017, eq. 4 without D_F²).
  const at = (n: number): string => `7 \\cdot 7 \\cdot 40 + 40 \\cdot ${n} = ${(1960 + 40 * n).toLocaleString('en-US').replace(',', '{,}')}`;
  function shown(tex: string): { el: HTMLDivElement; map: WeakMap<HTMLElement, string> } {
    const el = Object.assign(document.createElement('div'), { innerHTML: lighterKatex(typeset(tex)) });
    el.dataset.tex = tex;
    return { el, map: new WeakMap<HTMLElement, string>([[el, tex]]) };
  }

  it('does nothing, and says so, where the shape of the TeX shown has no drawing order yet', () => {
    const { el, map } = shown('9 \\cdot 9 \\cdot 41 \\cdot 2 = 6{,}642');
    const before = el.innerHTML;
    expect(renumberNextFrame(el, map, vi.fn(), vi.fn())).toBe(false);
    expect(frames).toEqual([]);
    expect(el.innerHTML).toBe(before);
  });

  it('writes nothing in the frame that draws the picture, then the newest TeX in the next one, once', () => {
    const { el, map } = shown(at(50));
    expect(orderFor(at(50), render)).toBeDefined();
    const before = drawing(el);
    const done = vi.fn((from: string, tex: string) => map.set(el, tex));
    const otherwise = vi.fn();
    el.dataset.tex = at(51);
    expect(renumberNextFrame(el, map, done, otherwise)).toBe(true);
    // A second change before that frame: still one write, of the newer TeX.
    el.dataset.tex = at(52);
    expect(renumberNextFrame(el, map, done, otherwise)).toBe(true);
    expect(drawing(el)).toBe(before);
    expect(frames).toHaveLength(1);
    nextFrame();
    expect(drawing(el)).toBe(drawing(shown(at(52)).el));
    expect(done.mock.calls).toEqual([[at(50), at(52)]]);
    expect(otherwise).not.toHaveBeenCalled();
    expect(frames).toEqual([]);
  });

  it('hands over a TeX that is more than new numbers (a separator appears), changing nothing', () => {
    const { el, map } = shown('3 \\cdot 3 \\cdot 100 = 900');
    expect(orderFor('3 \\cdot 3 \\cdot 100 = 900', render)).toBeDefined();
    const before = el.innerHTML;
    const done = vi.fn();
    const otherwise = vi.fn();
    el.dataset.tex = '3 \\cdot 3 \\cdot 112 = 1{,}008';
    expect(renumberNextFrame(el, map, done, otherwise)).toBe(true);
    nextFrame();
    expect(otherwise.mock.calls).toEqual([['3 \\cdot 3 \\cdot 112 = 1{,}008']]);
    expect(done).not.toHaveBeenCalled();
    expect(el.innerHTML).toBe(before);
  });
});

describe('typesetWhole', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const loaded = { katex, write: { lighterKatex, untilDrawable: () => undefined } };

  it('after the frame, writes the whole typeset (drawing and MathML) of the newest TeX and says so', () => {
    const from = '\\frac{1}{64} + \\frac{1}{9}';
    const to = '\\frac{1}{64} + \\frac{1}{25}';
    const el = Object.assign(document.createElement('div'), { innerHTML: lighterKatex(typeset(from)) });
    el.dataset.tex = to;
    el.style.minHeight = '90px';
    const map = new WeakMap<HTMLElement, string>([[el, from]]);
    const events: string[] = [];
    el.addEventListener('sep:typeset', () => events.push(el.dataset.tex ?? ''));
    typesetWhole(el, to, map, loaded);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(el.innerHTML).toBe(lighterKatex(typeset(to)));
    expect(map.get(el)).toBe(to);
    expect(el.style.minHeight).toBe('');
    expect(events).toEqual([to]);
    // Another TeX meanwhile: the older one is not written.
    const later = '\\frac{1}{64} + \\frac{1}{49}';
    typesetWhole(el, '\\frac{1}{64} + \\frac{1}{36}', map, loaded);
    el.dataset.tex = later;
    vi.advanceTimersByTime(1000);
    expect(el.innerHTML).toBe(lighterKatex(typeset(to)));
    expect(events).toEqual([to]);
  });
});

describe('learnShapes', () => {
  it('finds, one formula per idle period, where each figure formula draws its numbers', () => {
    const idle: (() => void)[] = [];
    const had = Object.getOwnPropertyDescriptor(window, 'requestIdleCallback');
    Object.defineProperty(window, 'requestIdleCallback', { configurable: true, writable: true, value: (f: () => void) => idle.push(f) });
    try {
      // Two figure formulas of shapes not seen before, and one outside any figure (not a figure's: left alone).
      const a = '11 \\cdot 11 \\cdot 3 \\cdot 3 = 1{,}089';
      const b = '\\frac{2}{11} + \\frac{3}{13} = 0.413';
      const c = '4 \\cdot 4 \\cdot 4 \\cdot 4 \\cdot 4 = 1{,}024';
      document.body.innerHTML = `<sep-figure><div data-role="formula" data-tex="${a}"></div></sep-figure><sep-figure><div data-role="formula" data-tex="${b}"></div></sep-figure><div data-role="formula" data-tex="${c}"></div>`;
      expect([a, b, c].map(orderKnown)).toEqual([false, false, false]);
      learnShapes(document, { katex, write: { lighterKatex } });
      expect(idle).toHaveLength(2);
      expect([a, b].map(orderKnown)).toEqual([false, false]);
      idle[0]!();
      expect([a, b].map(orderKnown)).toEqual([true, false]);
      idle[1]!();
      expect([a, b, c].map(orderKnown)).toEqual([true, true, false]);
      // Known shapes ask for no more idle time.
      learnShapes(document, { katex, write: { lighterKatex } });
      expect(idle).toHaveLength(2);
    } finally {
      if (had) Object.defineProperty(window, 'requestIdleCallback', had);
      else delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
      document.body.innerHTML = '';
    }
  });
});
