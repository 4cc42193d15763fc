// @vitest-environment happy-dom
// A page carries only its own math's KaTeX rules and face subsets; KaTeX's whole stylesheet and the
// site's whole faces are linked only for a formula that needs a class or a character the page's
// math lacks (linking them restyles every formula on the page), and once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import katex from 'katex';

const typeset = (tex: string): string => katex.renderToString(tex, { displayMode: true, throwOnError: true });

async function freshPage() {
  document.head.innerHTML = '<style data-katex-css data-all="/_astro/katex.min.x.css"></style><style data-katex-faces data-all="/_astro/katex-faces.y.css"></style>';
  document.body.innerHTML = `<p>${typeset(String.raw`\frac{3 \cdot 3 \cdot 32}{32 + 9} \approx 2.3`)}</p>`;
  vi.resetModules();
  return import('../../src/components/figure-kit/katex-sheets');
}
const links = () => [...document.head.querySelectorAll('link')].map((l) => ({ href: l.getAttribute('href'), all: [...l.attributes].map((a) => a.name).find((n) => n.endsWith('-all')), before: (l.nextElementSibling as HTMLElement | null)?.dataset.all }));

describe('untilDrawable and linkWholeKatex', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
  });

  it('links nothing for a formula the page’s own classes and characters draw: other numbers, a separator, =', async () => {
    const { untilDrawable } = await freshPage();
    expect(untilDrawable(typeset(String.raw`\frac{5 \cdot 5 \cdot 64}{64 + 25} = 17{,}960`))).toBeUndefined();
    expect(links()).toEqual([]);
  });

  it('links both whole sheets, each just before the page’s own, once, for a formula with a new class or character, and waits for them', async () => {
    const { untilDrawable } = await freshPage();
    const wait = untilDrawable(typeset(String.raw`\sqrt{64}`));
    expect(wait).toBeInstanceOf(Promise);
    expect(untilDrawable(typeset(String.raw`\psi`))).toBe(wait);
    expect(links()).toEqual([
      { href: '/_astro/katex-faces.y.css', all: 'data-katex-faces-all', before: '/_astro/katex-faces.y.css' },
      { href: '/_astro/katex.min.x.css', all: 'data-katex-css-all', before: '/_astro/katex.min.x.css' },
    ].sort((a, b) => (a.href < b.href ? 1 : -1)));
    let done = false;
    void wait?.then(() => (done = true));
    const [first, second] = document.head.querySelectorAll('link');
    first.dispatchEvent(new Event('load'));
    await Promise.resolve();
    expect(done).toBe(false);
    second.dispatchEvent(new Event('error'));
    await wait;
    expect(done).toBe(true);
    // Once they apply, any formula is drawn at once.
    expect(untilDrawable(typeset(String.raw`\oint \mathcal{L}`))).toBeUndefined();
    expect(document.head.querySelectorAll('link')).toHaveLength(2);
  });

  it('takes a page with a figure formula to have the classes any figure formula draws (the build gives it their rules), not a page without', async () => {
    let { untilDrawable } = await freshPage();
    const fraction = typeset(String.raw`\tfrac{56}{2} \cdot 6`);
    document.body.insertAdjacentHTML('beforeend', '<div data-role="formula"></div>');
    expect(untilDrawable(fraction)).toBeUndefined();
    ({ untilDrawable } = await freshPage());
    expect(untilDrawable(fraction)).toBeInstanceOf(Promise);
  });

  it('resolves at once on a page that names no whole sheet', async () => {
    const { untilDrawable } = await freshPage();
    document.head.innerHTML = '';
    await expect(untilDrawable(typeset(String.raw`\sqrt{2}`))).resolves.toBeUndefined();
    expect(links()).toEqual([]);
  });
});
