/**
 * Boxes that keep still through a drag. From a change until changes pause, each box keeps the
 * tallest height it has had (the formula inside does too, renumber.ts). A picture one row of
 * labels taller at one M than at the next would otherwise move what follows it at each step: the
 * formula, the caption and the rest of the page, which the browser would then lay out and paint
 * again. Once changes pause for `settleMs`, the boxes take their own heights again, in one move.
 *
 * Returns what to call at each change.
 */
export function holdWhileMoving(boxes: readonly HTMLElement[], settleMs: number): () => void {
  // Heights as last laid out, read after layout by the ResizeObserver at no cost.
  const heights = new Map<HTMLElement, string>();
  // The release's timer while the boxes are held; 0 when they are not.
  let held = 0;
  const seen = new ResizeObserver((entries) => {
    for (const e of entries) {
      const box = e.target as HTMLElement;
      heights.set(box, `${e.borderBoxSize[0].blockSize}px`);
      // A held box is never lower than it was held at: a new height is a taller one, kept from now on.
      if (held) box.style.minHeight = heights.get(box)!;
    }
  });
  for (const box of boxes) seen.observe(box);
  return () => {
    if (!held) for (const [box, height] of heights) box.style.minHeight = height;
    window.clearTimeout(held);
    held = window.setTimeout(() => {
      held = 0;
      for (const box of boxes) box.style.minHeight = '';
    }, settleMs);
  };
}
