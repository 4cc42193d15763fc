/** Reading order helpers for chapters (pure: works on plain records). */

export interface ChapterRef {
  readonly slug: string;
  readonly title: string;
  readonly short: string;
  readonly order: number;
}

/** Chapters sorted by their order field. */
export function inReadingOrder<T extends ChapterRef>(chapters: readonly T[]): T[] {
  return [...chapters].sort((a, b) => a.order - b.order);
}

/** The chapters before and after the given slug in reading order (undefined at the ends). */
export function neighbours<T extends ChapterRef>(chapters: readonly T[], slug: string): { prev?: T; next?: T } {
  const sorted = inReadingOrder(chapters);
  const i = sorted.findIndex((c) => c.slug === slug);
  if (i < 0) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}
