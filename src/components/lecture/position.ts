/**
 * Where a deck stands: which slide (0-based) and how many of its step builds are showing. The hash
 * reads #slide-5 for slide 5 with no step shown and #slide-5.2 once two have appeared (1-based
 * slide number, as the room sees it). Pure, so the player, the presenter window and tests agree.
 */
export interface Position {
  readonly slide: number;
  readonly step: number;
}

/** The position in a hash, clamped to the deck; undefined when the hash names no slide of it. */
export function parsePosition(hash: string, steps: readonly number[]): Position | undefined {
  const m = /^#slide-(\d{1,4})(?:\.(\d{1,4}))?$/.exec(hash);
  if (!m) return undefined;
  const slide = Number(m[1]) - 1;
  if (slide < 0 || slide >= steps.length) return undefined;
  return { slide, step: Math.min(Number(m[2] ?? 0), steps[slide]) };
}

/** A slide hash read as a reader's link: numbers outside the deck clamp into it (#slide-9999 is the last slide, #slide-0 the first). */
export function parsePositionClamped(hash: string, steps: readonly number[]): Position | undefined {
  // Any count of digits: one too long for a number reads as Infinity, and clamps to the last slide.
  const m = /^#slide-(\d+)(?:\.(\d+))?$/.exec(hash);
  if (!m || steps.length === 0) return undefined;
  return clampPosition({ slide: Number(m[1]) - 1, step: Number(m[2] ?? 0) }, steps);
}

/** The hash for a position (#slide-5, or #slide-5.2 with steps shown). */
export function formatPosition({ slide, step }: Position): string {
  return `#slide-${slide + 1}${step > 0 ? `.${step}` : ''}`;
}

/** Clamp a position into a deck whose slide i has steps[i] step builds. */
export function clampPosition({ slide, step }: Position, steps: readonly number[]): Position {
  const s = Math.max(0, Math.min(steps.length - 1, Math.trunc(slide)));
  return { slide: s, step: Math.max(0, Math.min(steps[s] ?? 0, Math.trunc(step))) };
}

/** One press forward: the next step build, or the next slide with none shown; the end stays put. */
export function nextPosition(p: Position, steps: readonly number[]): Position {
  if (p.step < steps[p.slide]) return { slide: p.slide, step: p.step + 1 };
  if (p.slide < steps.length - 1) return { slide: p.slide + 1, step: 0 };
  return p;
}

/** One press back: hide the last step shown, or go to the previous slide as it was left (all shown). */
export function previousPosition(p: Position, steps: readonly number[]): Position {
  if (p.step > 0) return { slide: p.slide, step: p.step - 1 };
  if (p.slide > 0) return { slide: p.slide - 1, step: steps[p.slide - 1] };
  return p;
}

/** A slide number typed by the presenter (1-based), as a 0-based index, or undefined if no such slide. */
export function typedSlide(digits: string, count: number): number | undefined {
  if (!/^\d{1,4}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 && n <= count ? n - 1 : undefined;
}
