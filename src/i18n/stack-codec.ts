/** The calculator's link and paste messages in each edition (pure: no DOM). */
import type { Lang } from './index';
import type { CodecMessage } from '../lib/stack-codec';
import { stackCodecEn, type StackCodecWords } from './stack-codec.en';
import { codecText } from './codec-text';
import { stackCodecZh } from './stack-codec.zh';

export type { StackCodecWords };

export const STACK_CODEC: Readonly<Record<Lang, StackCodecWords>> = { en: stackCodecEn, zh: stackCodecZh };

/** A codec message as a reader of `lang` reads it. */
export function codecMessageText(m: CodecMessage, lang: Lang): string {
  return codecText(m, STACK_CODEC[lang]);
}
