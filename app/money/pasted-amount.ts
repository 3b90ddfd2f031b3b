import { currency, type CurrencyCode } from './currency';
import { decimalsRefusal, MAX_ENTRY_DIGITS, minorDigitCount, tooManyDigitsRefusal, type EntryRefusal, type KeyedEntry, type KeyOutcome } from './keyed-entry';

/** Longer than any amount with a code and separators; a paste beyond it is refused before it is read. */
const MAX_PASTE_LENGTH = 40;

/**
 * Why a paste was refused, as facts the screen words: a key's refusals, or text that is no amount
 * (too long, another currency's, non-ASCII digits, negative, two points, or not a number at all).
 */
export type PasteRefusal =
  | EntryRefusal
  | { readonly kind: 'paste_too_long' }
  | { readonly kind: 'paste_other_currency'; readonly pasted: string; readonly sale: CurrencyCode }
  | { readonly kind: 'paste_foreign_digits' }
  | { readonly kind: 'paste_negative' }
  | { readonly kind: 'paste_two_points' }
  | { readonly kind: 'paste_not_an_amount' };

const refuse = (entry: KeyedEntry, reason: PasteRefusal): KeyOutcome<PasteRefusal> => ({ accepted: false, entry, reason });

/** Splits off a currency code written before or after the number ("SGD 12.34", "12.34 SGD"). */
function splitCode(text: string): { readonly code: string | null; readonly number: string } {
  const before = /^([A-Za-z]{3})(?![A-Za-z])\s*(.*)$/s.exec(text);
  if (before !== null) return { code: (before[1] ?? '').toUpperCase(), number: before[2] ?? '' };
  const after = /^(.*?[^A-Za-z])?\s*([A-Za-z]{3})$/s.exec(text);
  if (after !== null) return { code: (after[2] ?? '').toUpperCase(), number: after[1] ?? '' };
  return { code: null, number: text };
}

/** Why a number part is not an amount, most specific reason first; null when it reads. */
function numberProblem(number: string): PasteRefusal | null {
  // Non-ASCII digits (Arabic-Indic, full-width…) are refused rather than guessed at.
  if (/\p{Nd}/u.test(number.replace(/[0-9]/g, ''))) return { kind: 'paste_foreign_digits' };
  if (/^\s*[-−(]/u.test(number)) return { kind: 'paste_negative' };
  if ((number.match(/\./g) ?? []).length > 1) return { kind: 'paste_two_points' };
  // Thousands separators only in groups of three ("1,234.50"), so "1,2" is not read as 12.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?$/.test(number) || !/\d/.test(number)) {
    return { kind: 'paste_not_an_amount' };
  }
  return null;
}

/**
 * A pasted amount, read as written ("12.34", "SGD 12.34", "1,234.50"), whatever the entry mode:
 * a pasted figure is never shifted as cents. Anything else is refused with its reason, and the entry
 * is kept as it was.
 */
export function pasteAmount(entry: KeyedEntry, pasted: string, maxDigits = MAX_ENTRY_DIGITS): KeyOutcome<PasteRefusal> {
  if (pasted.length > MAX_PASTE_LENGTH) return refuse(entry, { kind: 'paste_too_long' });
  const { code, number } = splitCode(pasted.trim());
  if (code !== null && code !== entry.currency) {
    return refuse(entry, { kind: 'paste_other_currency', pasted: code, sale: entry.currency });
  }
  const problem = numberProblem(number);
  if (problem !== null) return refuse(entry, problem);
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.');
  if (fraction.length > currency(entry.currency).exponent) return refuse(entry, decimalsRefusal(entry.currency));
  const next: KeyedEntry = { ...entry, digits: whole.replace(/^0+/, ''), fraction };
  if (minorDigitCount(next) > maxDigits) return refuse(entry, tooManyDigitsRefusal(next, maxDigits));
  return { accepted: true, entry: next };
}
