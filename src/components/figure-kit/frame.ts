/**
 * How much room a figure gets, in one place: the build-time reference widths, the slide zoom and
 * the width below which figures switch to their narrow (phone) layout.
 *
 *   page / embed: one picture unit = one CSS pixel, so text keeps its CSS size at any width
 *   slide:        one picture unit = SLIDE_ZOOM canvas pixels (a 1280×720 canvas scaled to the
 *                 screen), so 12 px labels read at 16.8 px at 1280×720 and 25 px at 1920×1080
 */
import type { FigureContext, FigureFrame } from './types';
import type { Lang } from '../../i18n';

/** Slide pictures are drawn this much larger than on a page. */
export const SLIDE_ZOOM = 1.4;

/** Below this width (picture units) a figure uses its narrow layout: panels stacked, axes turned. */
export const NARROW_BELOW = 520;

/**
 * Widths the build renders at before any measurement: the text column on a laptop, and the
 * figure's box on a 360 px phone (360 − 2 × 12 page padding − 2 × 9 figure padding − 2 border).
 */
export const REFERENCE_WIDTH = { wide: 680, narrow: 316 } as const;

/** Picture height that keeps a slide figure below its title and control strip (canvas 720 px). */
export const SLIDE_HEIGHT = Math.floor(470 / SLIDE_ZOOM);

/** The slide figure's box width on the 1280 px canvas (see lecture.css), in picture units. */
export const SLIDE_WIDTH = Math.floor(1180 / SLIDE_ZOOM);

/** Whether a frame calls for the narrow layout. */
export function isNarrow(frame: Pick<FigureFrame, 'width'>): boolean {
  return frame.width < NARROW_BELOW;
}

/**
 * The frame for a measured box (CSS or canvas pixels) in a context. On a slide the picture's box
 * has a height of its own (the slide's space below its title and control strip), and the figure
 * is laid out to fit it, so it is never scaled below the slide zoom.
 */
export function frameFor(uid: string, boxWidth: number, context: FigureContext, boxHeight = 0, lang: Lang = 'en'): FigureFrame {
  if (context === 'slide') {
    const height = boxHeight > 0 ? Math.max(120, Math.floor(boxHeight / SLIDE_ZOOM)) : SLIDE_HEIGHT;
    return { uid, width: Math.max(200, Math.floor(boxWidth / SLIDE_ZOOM)), height, context, lang };
  }
  return { uid, width: Math.max(200, Math.floor(boxWidth)), context, lang };
}

/** The frames the build renders: a wide and a narrow picture for pages, one for slides. */
export function referenceFrames(uid: string, context: FigureContext, lang: Lang = 'en'): { variant: 'wide' | 'narrow' | 'slide'; frame: FigureFrame }[] {
  if (context === 'slide') return [{ variant: 'slide', frame: { uid, width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context, lang, draft: true } }];
  return [
    { variant: 'wide', frame: { uid, width: REFERENCE_WIDTH.wide, context, lang, draft: true } },
    { variant: 'narrow', frame: { uid: `${uid}-n`, width: REFERENCE_WIDTH.narrow, context, lang, draft: true } },
  ];
}
