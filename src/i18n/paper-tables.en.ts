/**
 * The words of the printed-numbers tables and of the gap sentences, English edition. The English
 * words are the lib's own (src/lib/paper-tables.ts keeps them as the source); paper-tables.zh.ts
 * has the same shape and gives every row its Chinese words.
 */
import { computedText, gapText, signedGapPercent, sourcePlace, type PaperFigure } from '../lib/paper-tables';

export interface PaperTablesWords {
  /** What the number is (the table's "What" column). */
  quantity: (f: PaperFigure) => string;
  /** Why printed and computed differ ('' where the row gives no reason). */
  reason: (f: PaperFigure) => string;
  /** The table or section within the source ("Table 2", "§4.2 (Table 8)"). */
  place: (f: PaperFigure) => string;
  /** One sentence: printed, computed, the size of the gap, and the reason. */
  gap: (f: PaperFigure) => string;
  /** The computed value as the tables show it ("568.7M", "4,392,300"). */
  computed: (f: PaperFigure) => string;
  /** The check: agrees, rounded down, or differs by how much ("differs (+1.1%)"). */
  verdict: (f: PaperFigure) => string;
}

export const paperTablesEn: PaperTablesWords = {
  quantity: (f) => f.quantity,
  reason: (f) => f.reason ?? '',
  place: sourcePlace,
  gap: gapText,
  computed: computedText,
  verdict: (f) => (f.status === 'ok' ? 'agrees' : f.status === 'truncated' ? 'rounded down' : `differs (${signedGapPercent(f)})`),
};
