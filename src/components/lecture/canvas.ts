/**
 * The slide canvas: every slide is laid out on a fixed 1280×720 (16:9) canvas that the player
 * scales to the screen, so a slide looks the same on a laptop and on a 4K projector, only larger.
 * The figure on a figure slide gets the canvas width less the side padding; the figure kit's
 * SLIDE_WIDTH is that box in picture units (tests/unit checks they agree).
 */
export const CANVAS = {
  width: 1280,
  height: 720,
  /** Left and right padding of a slide (canvas px). */
  padX: 50,
  /** Top padding, above the title (canvas px). */
  padTop: 26,
  /** Bottom padding, which holds the slide number and the progress bar (canvas px). */
  padBottom: 34,
} as const;

/** Width of a full-width figure on a slide, in canvas px. */
export const FIGURE_BOX_WIDTH = CANVAS.width - 2 * CANVAS.padX;

/** The CSS custom properties the lecture stylesheet reads, so CSS and code share one set of numbers. */
export function canvasStyle(): string {
  return [
    `--canvas-w:${CANVAS.width}px`,
    `--canvas-h:${CANVAS.height}px`,
    `--pad-x:${CANVAS.padX}px`,
    `--pad-top:${CANVAS.padTop}px`,
    `--pad-bottom:${CANVAS.padBottom}px`,
  ].join(';');
}

/**
 * How to place the canvas in a box of w×h screen px: the largest scale that fits, centred, with the
 * offset on whole pixels so text is not rasterised at half-pixel positions.
 */
export function fitCanvas(w: number, h: number): { scale: number; x: number; y: number } {
  if (!(w > 0) || !(h > 0)) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(w / CANVAS.width, h / CANVAS.height);
  return { scale, x: Math.round((w - CANVAS.width * scale) / 2), y: Math.round((h - CANVAS.height * scale) / 2) };
}
