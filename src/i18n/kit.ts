/**
 * The figure kit's words in each edition (pure: no DOM). English is built in; another edition's
 * words are registered by the module that loads them (see figures.load.ts).
 */
import type { Lang } from './index';
import { kitEn, type KitStrings } from './kit.en';
import { editionRegistry } from './registry';

const KIT = editionRegistry<KitStrings>('kit', 'figure kit', { en: kitEn });

/** Make a language's figure-kit words available to kitText(). */
export const registerKitText = KIT.register;

/** The figure kit's strings in a language (throws for a language whose words were never registered). */
export function kitText(lang: Lang): KitStrings {
  return KIT.get(lang);
}
