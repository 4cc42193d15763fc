/**
 * The figure kit's words in each edition (pure: no DOM). Every edition's, English too, are
 * registered by the module that loads them (kit.<lang>.register.ts, see figures.load.ts): a page
 * reads them only when a reader acts (the share menu, a lit term, an embed's message), so no page
 * fetches them with its first scripts.
 */
import type { Lang } from './index';
import type { KitStrings } from './kit.en';
import { editionRegistry } from './registry';

const KIT = editionRegistry<KitStrings>('kit', 'figure kit');

/** Make a language's figure-kit words available to kitText(). */
export const registerKitText = KIT.register;

/** The figure kit's strings in a language (throws for a language whose words were never registered). */
export function kitText(lang: Lang): KitStrings {
  return KIT.get(lang);
}
