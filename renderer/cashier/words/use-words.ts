import { CASHIER_LANGUAGES, type CashierLanguage } from '../../../app/i18n/languages';
import { useCashierStore } from '../cashier-store';
import { CASHIER_WORDS, type CashierWords } from './cashier-words';

/** Where this browser remembers the cashier's language, for the moments before the terminal has said it. */
const LANGUAGE_KEY = 'qr-terminal.cashier-language';

/** The language this browser last showed the cashier screen in; English when it never has (or keeps nothing). */
function rememberedLanguage(): CashierLanguage {
  try {
    const kept = window.localStorage.getItem(LANGUAGE_KEY);
    return CASHIER_LANGUAGES.find((language) => language === kept) ?? 'en';
  } catch {
    return 'en';
  }
}

/** Keeps the language the terminal named, so a reload or a restart's "Waiting for the terminal…" reads in it. */
export function rememberLanguage(language: CashierLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // A browser that keeps nothing shows English until the terminal answers.
  }
}

/** The cashier screen's language: the terminal's `language.cashier`, else the one this browser last showed. */
export function useCashierLanguage(): CashierLanguage {
  return useCashierStore((s) => s.terminal?.language.cashier) ?? rememberedLanguage();
}

/** The words of the cashier's language, for components; plain modules take them (or a part) as an argument. */
export function useWords(): CashierWords {
  return CASHIER_WORDS[useCashierLanguage()];
}
