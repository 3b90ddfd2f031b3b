import type { CashierLanguage } from '../../app/i18n/languages';
import { CASHIER_WORDS, type CashierWords } from '../../renderer/cashier/words/cashier-words';

/** Every plain string in a catalog (sentence functions are left out: their text depends on their arguments). */
function strings(words: CashierWords): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) walk(inner);
  };
  walk(words);
  return found;
}

/**
 * The English catalog's texts that show in `text` although the screen is in `language`: each is an
 * English string a component still hard-codes, or one it takes from the wrong catalog. Short words
 * (under 5 letters) and texts the language writes the same way are left out, as they prove nothing;
 * so is `notCounted`, text the caller knows is not the screen's own.
 */
export function englishLeftIn(text: string, language: Exclude<CashierLanguage, 'en'>, notCounted: readonly string[] = []): string[] {
  const own = new Set(strings(CASHIER_WORDS[language]));
  // The language's own texts are taken out first, longest first: an English word inside one of them
  // (a brand such as "Opn Payments" in a Malay legend) is the language's, not English left behind.
  let rest = text;
  for (const mine of [...own].filter((t) => t.length >= 5).sort((a, b) => b.length - a.length)) rest = rest.split(mine).join('\n');
  // Then what the caller says is not the screen's own (sentences the terminal's service wrote).
  for (const said of [...notCounted].filter((t) => t.length >= 5).sort((a, b) => b.length - a.length)) rest = rest.split(said).join('\n');
  return [...new Set(strings(CASHIER_WORDS.en))].filter((en) => en.length >= 5 && !own.has(en) && rest.includes(en));
}
