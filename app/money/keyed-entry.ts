import { currency, type CurrencyCode } from './currency';
import type { Money } from './money';

/**
 * How digits typed before any "." read. Cash-register style ('cents', the default): digits shift in
 * from the right, so 1 2 3 4 in SGD reads 12.34. Decimal-first ('decimal'): they are whole units, so
 * 1 2 reads 12.00. In both, once "." is typed what follows is decimals: 5 . 5 reads 5.50.
 */
export const ENTRY_MODES = ['cents', 'decimal'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

/** The amount as the cashier types it, held as digit strings, never as a float. */
export interface KeyedEntry {
  /** Digits before the point (all digits, in cents mode, until "." is typed), without leading zeros. */
  readonly digits: string;
  /** Digits after the point; null until "." is typed. */
  readonly fraction: string | null;
  readonly currency: CurrencyCode;
  readonly mode: EntryMode;
}

export type EntryKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'backspace' | 'clear';

/** Nine digits is SGD 9,999,999.99: beyond any counter sale, and a guard against a stuck key. */
export const MAX_ENTRY_DIGITS = 9;

/**
 * Why a key was refused, as facts the screen words in the cashier's language (app/ writes no
 * sentences here): a second ".", a decimal too many for the currency, or a digit beyond the cap
 * (`currency` set when the cap is counted before the decimal point, in whole units).
 */
export type EntryRefusal =
  | { readonly kind: 'second_point' }
  | { readonly kind: 'too_many_decimals'; readonly currency: CurrencyCode; readonly places: number }
  | { readonly kind: 'too_many_digits'; readonly max: number; readonly beforePointIn: CurrencyCode | null };

export type KeyOutcome<Refusal = EntryRefusal> =
  | { readonly accepted: true; readonly entry: KeyedEntry }
  | { readonly accepted: false; readonly entry: KeyedEntry; readonly reason: Refusal };

export function emptyEntry(code: CurrencyCode, mode: EntryMode = 'cents'): KeyedEntry {
  return { digits: '', fraction: null, currency: code, mode };
}

/** True while digits are read as minor units: cents mode with no "." typed. */
const readsAsMinor = (entry: KeyedEntry): boolean => entry.mode === 'cents' && entry.fraction === null;

/** A decimal digit too many: the currency and how many places it takes (0 for JPY). */
export function decimalsRefusal(code: CurrencyCode): EntryRefusal {
  return { kind: 'too_many_decimals', currency: code, places: currency(code).exponent };
}

/** Too many digits; in whole units the cap counts how many fit before the point. */
export function tooManyDigitsRefusal(entry: KeyedEntry, maxDigits = MAX_ENTRY_DIGITS): EntryRefusal {
  const { exponent } = currency(entry.currency);
  if (readsAsMinor(entry) || exponent === 0) return { kind: 'too_many_digits', max: maxDigits, beforePointIn: null };
  return { kind: 'too_many_digits', max: maxDigits - exponent, beforePointIn: entry.currency };
}

/** Digits of the amount in minor units, which the cap counts (SGD 12.5 is 1250: four). */
export function minorDigitCount(entry: KeyedEntry): number {
  return readsAsMinor(entry) ? entry.digits.length : entry.digits.length + currency(entry.currency).exponent;
}

const refuse = (entry: KeyedEntry, reason: EntryRefusal): KeyOutcome => ({ accepted: false, entry, reason });

function pressPoint(entry: KeyedEntry, maxDigits: number): KeyOutcome {
  if (entry.fraction !== null) return refuse(entry, { kind: 'second_point' });
  if (currency(entry.currency).exponent === 0) return refuse(entry, decimalsRefusal(entry.currency));
  const next: KeyedEntry = { ...entry, fraction: '' };
  // In cents mode the digits already keyed become whole units, so 9 of them no longer fit.
  if (minorDigitCount(next) > maxDigits) return refuse(entry, tooManyDigitsRefusal(next, maxDigits));
  return { accepted: true, entry: next };
}

function pressDigits(entry: KeyedEntry, key: string, maxDigits: number): KeyOutcome {
  if (entry.fraction !== null) {
    const fraction = entry.fraction + key;
    if (fraction.length > currency(entry.currency).exponent) return refuse(entry, decimalsRefusal(entry.currency));
    return { accepted: true, entry: { ...entry, fraction } };
  }
  // Leading zeros carry no value; dropping them keeps "0" then "5" equal to "5".
  const next: KeyedEntry = { ...entry, digits: (entry.digits + key).replace(/^0+/, '') };
  if (minorDigitCount(next) > maxDigits) return refuse(entry, tooManyDigitsRefusal(entry, maxDigits));
  return { accepted: true, entry: next };
}

export function pressKey(entry: KeyedEntry, key: EntryKey, maxDigits = MAX_ENTRY_DIGITS): KeyOutcome {
  switch (key) {
    case 'clear':
      return { accepted: true, entry: emptyEntry(entry.currency, entry.mode) };
    case 'backspace':
      // Backspace undoes the last key, the point included: 5 . 5 ⌫ ⌫ leaves the 5 as first keyed.
      if (entry.fraction === null) return { accepted: true, entry: { ...entry, digits: entry.digits.slice(0, -1) } };
      return { accepted: true, entry: { ...entry, fraction: entry.fraction === '' ? null : entry.fraction.slice(0, -1) } };
    case '.':
      return pressPoint(entry, maxDigits);
    default:
      return pressDigits(entry, key, maxDigits);
  }
}

export function entryToMoney(entry: KeyedEntry): Money {
  const whole = entry.digits === '' ? 0 : Number(entry.digits);
  if (readsAsMinor(entry)) return { minor: whole, currency: entry.currency };
  const { exponent } = currency(entry.currency);
  const fraction = (entry.fraction ?? '').padEnd(exponent, '0');
  return { minor: whole * 10 ** exponent + (fraction === '' ? 0 : Number(fraction)), currency: entry.currency };
}

/** The entry that reads as this amount, e.g. to charge a failed sale again; its decimals are all shown. */
export function entryFromMoney(amount: Money, mode: EntryMode): KeyedEntry {
  const { exponent } = currency(amount.currency);
  const text = String(Math.trunc(Math.abs(amount.minor))).padStart(exponent + 1, '0');
  const digits = text.slice(0, text.length - exponent).replace(/^0+/, '');
  return { digits, fraction: text.slice(text.length - exponent), currency: amount.currency, mode };
}

/** True when anything has been keyed, a lone "." included. */
export const hasKeyed = (entry: KeyedEntry): boolean => entry.digits !== '' || entry.fraction !== null;

/** Maps a keyboard `KeyboardEvent.key` onto an entry key, or null for keys the keypad does not own. */
export function keyFromKeyboard(key: string): EntryKey | null {
  if (/^[0-9]$/.test(key)) return key as EntryKey;
  if (key === '.') return '.';
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete') return 'clear';
  return null;
}
