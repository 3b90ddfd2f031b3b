import type { Said } from '../../app/i18n/said';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/**
 * A `Said` as the cashier screen words it in `language` (amounts and days in en-SG, as the tests' shops
 * are), or null when the screen has no words for it. The en wording of what the service said must be
 * exactly its English `message`, so the two cannot drift apart.
 */
export function worded(said: Said | undefined, language: keyof typeof CASHIER_WORDS = 'en'): string | null {
  return said === undefined ? null : wordSaid(said, CASHIER_WORDS[language].said, saidFormat(null));
}
