import type { CashierLanguage } from '../../../app/i18n/languages';
import { useCashierStore } from '../cashier-store';
import { CASHIER_WORDS, type CashierWords } from './cashier-words';

/** The cashier screen's language: the terminal's `language.cashier`, English until the terminal has said. */
export function useCashierLanguage(): CashierLanguage {
  return useCashierStore((s) => s.terminal?.language.cashier ?? 'en');
}

/** The words of the cashier's language, for components; plain modules take them (or a part) as an argument. */
export function useWords(): CashierWords {
  return CASHIER_WORDS[useCashierLanguage()];
}
