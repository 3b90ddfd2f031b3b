import { currency } from './currency';
import { decimalsReason, MAX_ENTRY_DIGITS, minorDigitCount, tooManyDigitsReason, type KeyedEntry, type KeyOutcome } from './keyed-entry';

/** Longer than any amount with a code and separators; a paste beyond it is refused before it is read. */
const MAX_PASTE_LENGTH = 40;

const refuse = (entry: KeyedEntry, reason: string): KeyOutcome => ({ accepted: false, entry, reason });

/** Splits off a currency code written before or after the number ("SGD 12.34", "12.34 SGD"). */
function splitCode(text: string): { readonly code: string | null; readonly number: string } {
  const before = /^([A-Za-z]{3})(?![A-Za-z])\s*(.*)$/s.exec(text);
  if (before !== null) return { code: (before[1] ?? '').toUpperCase(), number: before[2] ?? '' };
  const after = /^(.*?[^A-Za-z])?\s*([A-Za-z]{3})$/s.exec(text);
  if (after !== null) return { code: (after[2] ?? '').toUpperCase(), number: after[1] ?? '' };
  return { code: null, number: text };
}

/** Why a number part is not an amount, most specific reason first; null when it reads. */
function numberProblem(number: string): string | null {
  // Non-ASCII digits (Arabic-Indic, full-width…) are refused rather than guessed at.
  if (/\p{Nd}/u.test(number.replace(/[0-9]/g, ''))) {
    return 'Only the digits 0 to 9 can be pasted as an amount';
  }
  if (/^\s*[-−(]/u.test(number)) return 'An amount cannot be negative';
  if ((number.match(/\./g) ?? []).length > 1) return 'The pasted amount has more than one decimal point';
  // Thousands separators only in groups of three ("1,234.50"), so "1,2" is not read as 12.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?$/.test(number) || !/\d/.test(number)) {
    return 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34';
  }
  return null;
}

/**
 * A pasted amount, read as written ("12.34", "SGD 12.34", "1,234.50"), whatever the entry mode:
 * a pasted figure is never shifted as cents. Anything else is refused with a sentence, and the entry
 * is kept as it was.
 */
export function pasteAmount(entry: KeyedEntry, pasted: string, maxDigits = MAX_ENTRY_DIGITS): KeyOutcome {
  if (pasted.length > MAX_PASTE_LENGTH) return refuse(entry, 'The pasted text is too long to be an amount');
  const { code, number } = splitCode(pasted.trim());
  if (code !== null && code !== entry.currency) {
    return refuse(entry, `The pasted amount is in ${code}, but this sale is in ${entry.currency}`);
  }
  const problem = numberProblem(number);
  if (problem !== null) return refuse(entry, problem);
  const [whole = '', fraction = ''] = number.replace(/,/g, '').split('.');
  if (fraction.length > currency(entry.currency).exponent) return refuse(entry, decimalsReason(entry.currency));
  const next: KeyedEntry = { ...entry, digits: whole.replace(/^0+/, ''), fraction };
  if (minorDigitCount(next) > maxDigits) return refuse(entry, tooManyDigitsReason(next, maxDigits));
  return { accepted: true, entry: next };
}
