// How legible and how tall each figure is on the screen it is shown on. Shared by the browser tests
// (which assert the floors) and `npm run bench` (which prints the table).

/** The screens a reader uses: a phone and a laptop for chapters, two projectors for slides. */
export const PAGE_SCREENS = [
  { name: 'phone', width: 360, height: 800, minText: 12 },
  { name: 'laptop', width: 1440, height: 900, minText: 12 },
];
export const SLIDE_SCREENS = [
  { name: 'slide 720p', width: 1280, height: 720, minText: 16 },
  { name: 'slide 1080p', width: 1920, height: 1080, minText: 24 },
];

/**
 * Runs in the page. For every figure that is displayed: the smallest on-screen text size (the
 * computed font size of each visible, non-empty text or tspan × the SVG's screen scale, which
 * includes CSS transforms such as a scaled slide canvas), the picture's and the whole figure's
 * (controls, picture, formula) height in screen pixels, and whether its controls stay in view.
 */
export function measureFigures() {
  const out = [];
  for (const fig of document.querySelectorAll('sep-figure')) {
    const box = fig.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const svg = [...fig.querySelectorAll('.fig-frame svg')].find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) continue;
    // The picture is fitted into the SVG's box (preserveAspectRatio "meet"): its scale is the
    // smaller of the two ratios. The box is measured on screen, so CSS transforms count.
    const vb = svg.viewBox.baseVal;
    const sb = svg.getBoundingClientRect();
    const scale = vb && vb.width > 0 && vb.height > 0 ? Math.min(sb.width / vb.width, sb.height / vb.height) : 1;
    let smallest = Infinity;
    let largest = 0;
    let smallestText = '';
    for (const t of svg.querySelectorAll('text, tspan')) {
      const own = [...t.childNodes].some((c) => c.nodeType === 3 && c.nodeValue.trim() !== '');
      if (!own) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(t);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      const size = parseFloat(style.fontSize) * scale;
      largest = Math.max(largest, size);
      if (size < smallest) {
        smallest = size;
        smallestText = t.textContent.trim().slice(0, 40);
      }
    }
    const controls = fig.querySelector('.controls');
    out.push({
      figure: fig.dataset.figure,
      anchor: fig.id,
      minText: Number.isFinite(smallest) ? Math.round(smallest * 10) / 10 : null,
      smallestText,
      maxText: Math.round(largest * 10) / 10,
      bottom: Math.round(box.bottom),
      pictureHeight: Math.round(svg.getBoundingClientRect().height),
      figureHeight: Math.round(box.height),
      stickyControls: controls ? getComputedStyle(controls).position === 'sticky' : false,
      overflowX: Math.round(document.documentElement.scrollWidth - document.documentElement.clientWidth),
    });
  }
  return out;
}

/** Scroll through the page so every figure hydrates and lays itself out, then back to the top. */
export async function hydrateAllFigures(page) {
  const count = await page.locator('sep-figure').count();
  for (let i = 0; i < count; i++) {
    const fig = page.locator('sep-figure').nth(i);
    if (!(await fig.isVisible())) continue;
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.dataset.ready !== undefined, await fig.elementHandle(), { timeout: 20_000 }).catch(() => undefined);
  }
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}
