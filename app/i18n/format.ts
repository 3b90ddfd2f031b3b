import { formatMoney, type Money } from '../money/money';
import { LANGUAGE_LOCALES, type Language } from './languages';

/**
 * The locale an amount or time is written in for this language. The terminal's own locale wins when
 * it is a variant of the same language (en-MY for English), so the shop's setting is honoured.
 */
export function localeFor(language: Language, terminalLocale?: string): string {
  const base = language.split('-')[0];
  if (terminalLocale !== undefined && base !== undefined && terminalLocale.split('-')[0] === base) return terminalLocale;
  return LANGUAGE_LOCALES[language];
}

/** An amount for this language; an unknown locale falls back to the language's default rather than blanking the screen. */
export function formatAmountIn(language: Language, amount: Money, terminalLocale?: string): string {
  try {
    return formatMoney(amount, localeFor(language, terminalLocale));
  } catch {
    return formatMoney(amount, LANGUAGE_LOCALES[language]);
  }
}

/** The time of day (hours and minutes) as this language writes it, in the screen's own time zone. */
export function formatTimeIn(language: Language, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { hour: 'numeric', minute: '2-digit', ...(timeZone === undefined ? {} : { timeZone }) }).format(epochMs);
}
