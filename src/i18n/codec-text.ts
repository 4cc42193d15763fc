/**
 * A calculator link or paste message as a sentence, given one edition's words (no words of its
 * own, so the calculator's script carries none until the page's language has arrived).
 */
import type { CodecMessage } from '../lib/stack-codec';
import { byCode } from './by-code';
import type { StackCodecWords } from './stack-codec.en';

/** A codec message as a sentence, in the language of `w`. */
export function codecText(m: CodecMessage, w: StackCodecWords): string {
  const why =
    m.code === 'row-left-out' ? byCode(w.row, m.problem) : m.code === 'line-left-out' ? w.list(m.problems.map((p) => byCode(w.cell, p))) : '';
  return byCode(w.message, m, why);
}
