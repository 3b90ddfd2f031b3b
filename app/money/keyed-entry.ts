import { currency, type CurrencyCode } from './currency';
import type { Money } from './money';

/**
 * The amount as the cashier types it, cash-register style: digits shift in from the right,
 * so typing 1 2 3 4 in SGD reads 12.34. Held as a digit string, never as a float.
 */
export interface KeyedEntry {
  readonly digits: string;
  readonly currency: CurrencyCode;
}

export type EntryKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | 'backspace' | 'clear';

/** Nine digits is SGD 9,999,999.99: beyond any counter sale, and a guard against a stuck key. */
export const MAX_ENTRY_DIGITS = 9;

export type KeyOutcome =
  | { readonly accepted: true; readonly entry: KeyedEntry }
  | { readonly accepted: false; readonly entry: KeyedEntry; readonly reason: string };

export function emptyEntry(code: CurrencyCode): KeyedEntry {
  return { digits: '', currency: code };
}

export function pressKey(entry: KeyedEntry, key: EntryKey, maxDigits = MAX_ENTRY_DIGITS): KeyOutcome {
  if (key === 'clear') return { accepted: true, entry: { ...entry, digits: '' } };
  if (key === 'backspace') return { accepted: true, entry: { ...entry, digits: entry.digits.slice(0, -1) } };
  // Leading zeros carry no value; dropping them keeps "0" then "5" equal to "5".
  const digits = (entry.digits + key).replace(/^0+/, '');
  if (digits.length > maxDigits) {
    return { accepted: false, entry, reason: `At most ${maxDigits} digits can be keyed` };
  }
  return { accepted: true, entry: { ...entry, digits } };
}

export function entryToMoney(entry: KeyedEntry): Money {
  return { minor: entry.digits === '' ? 0 : Number(entry.digits), currency: entry.currency };
}

/** Changing currency keeps the keyed digits, but trims any that no longer fit. */
export function withCurrency(entry: KeyedEntry, code: CurrencyCode, maxDigits = MAX_ENTRY_DIGITS): KeyedEntry {
  return { digits: entry.digits.slice(0, maxDigits), currency: currency(code).code };
}

/** Maps a keyboard `KeyboardEvent.key` onto an entry key, or null for keys the keypad does not own. */
export function keyFromKeyboard(key: string): EntryKey | null {
  if (/^[0-9]$/.test(key)) return key as EntryKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete') return 'clear';
  return null;
}
