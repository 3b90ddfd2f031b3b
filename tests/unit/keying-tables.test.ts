import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../app/money/currency';
import { emptyEntry, entryFromMoney, entryToMoney, pressKey, type EntryKey, type EntryMode, type KeyedEntry } from '../../app/money/keyed-entry';
import { toDecimalString } from '../../app/money/money';
import { pasteAmount } from '../../app/money/pasted-amount';
import { refusalText } from '../../renderer/cashier/sale/sale-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/** The refusals as the English cashier screen says them. */
const english = CASHIER_WORDS.en.sale;

/** "12.3⌫" → the keys 1 2 . 3 backspace; "C" clears. */
function keysOf(typed: string): EntryKey[] {
  return [...typed].map((ch) => (ch === '⌫' ? 'backspace' : ch === 'C' ? 'clear' : (ch as EntryKey)));
}

interface Keyed {
  readonly shown: string;
  /** The first refusal, if any key was refused; keys after it are still pressed, as a cashier would. */
  readonly refused: string | null;
}

function key(currency: CurrencyCode, mode: EntryMode, typed: string): Keyed {
  let entry: KeyedEntry = emptyEntry(currency, mode);
  let refused: string | null = null;
  for (const k of keysOf(typed)) {
    const outcome = pressKey(entry, k);
    if (!outcome.accepted) {
      refused ??= refusalText(english, outcome.reason);
      expect(outcome.entry, 'a refused key leaves the entry as it was').toBe(entry);
    }
    entry = outcome.entry;
  }
  return { shown: toDecimalString(entryToMoney(entry)), refused };
}

// currency, mode, keys typed, amount it charges, the sentence of the first refused key (null: none refused).
const KEYING: readonly (readonly [CurrencyCode, EntryMode, string, string, string | null])[] = [
  // Cents-style stays the default: digits shift in from the right until "." is typed.
  ['SGD', 'cents', '1234', '12.34', null],
  ['SGD', 'cents', '700', '7.00', null],
  // Once "." is typed, what follows is decimals: no more tenfold undercharge.
  ['SGD', 'cents', '5.5', '5.50', null],
  ['SGD', 'cents', '5.', '5.00', null],
  ['SGD', 'cents', '12.34', '12.34', null],
  ['SGD', 'cents', '0.05', '0.05', null],
  ['SGD', 'cents', '.5', '0.50', null],
  ['SGD', 'cents', '12.345', '12.34', 'SGD takes 2 decimal places'],
  ['SGD', 'cents', '5.5.', '5.50', 'The amount already has a decimal point'],
  ['SGD', 'cents', '1.', '1.00', null],
  ['MYR', 'cents', '9.99', '9.99', null],
  ['JPY', 'cents', '1234', '1234', null],
  ['JPY', 'cents', '12.3', '123', 'JPY takes no decimal places'],
  ['BHD', 'cents', '1.234', '1.234', null],
  ['BHD', 'cents', '1.2345', '1.234', 'BHD takes 3 decimal places'],
  ['KWD', 'cents', '1234', '1.234', null],
  ['KWD', 'cents', '2.5', '2.500', null],
  // Backspace undoes the last key, the point too: after "5.5⌫⌫" the 5 reads as keyed before the point.
  ['SGD', 'cents', '5.5⌫', '5.00', null],
  ['SGD', 'cents', '5.5⌫⌫', '0.05', null],
  ['SGD', 'cents', '5.5⌫⌫.25', '5.25', null],
  ['SGD', 'cents', '12.3⌫⌫⌫⌫⌫', '0.00', null],
  ['SGD', 'cents', '5.5C', '0.00', null],
  // The 9-digit cap counts the amount in cents: SGD 9,999,999.99.
  ['SGD', 'cents', '999999999', '9999999.99', null],
  ['SGD', 'cents', '9999999991', '9999999.99', 'At most 9 digits can be keyed'],
  ['SGD', 'cents', '1234567.89', '1234567.89', null],
  ['SGD', 'cents', '12345678.', '123456.78', 'At most 7 digits can be keyed before the decimal point in SGD'],
  ['SGD', 'cents', '12345678', '123456.78', null],
  ['JPY', 'cents', '1234567890', '123456789', 'At most 9 digits can be keyed'],
  ['SGD', 'cents', '00', '0.00', null],
  // Decimal-first: digits are whole units until ".".
  ['SGD', 'decimal', '12', '12.00', null],
  ['SGD', 'decimal', '5.5', '5.50', null],
  ['SGD', 'decimal', '12.345', '12.34', 'SGD takes 2 decimal places'],
  ['SGD', 'decimal', '0.05', '0.05', null],
  ['SGD', 'decimal', '5.5⌫⌫', '5.00', null],
  ['SGD', 'decimal', '1234567', '1234567.00', null],
  ['SGD', 'decimal', '12345678', '1234567.00', 'At most 7 digits can be keyed before the decimal point in SGD'],
  ['JPY', 'decimal', '700', '700', null],
  ['JPY', 'decimal', '7.', '7', 'JPY takes no decimal places'],
  ['KWD', 'decimal', '3', '3.000', null],
];

describe('keying tables: what the cashier types is what is charged', () => {
  it.each(KEYING)('%s (%s) %j charges %s', (currency, mode, typed, shown, refused) => {
    expect(key(currency, mode, typed)).toEqual({ shown, refused });
  });
});

// currency, pasted text, amount it becomes (null: refused), the sentence when refused.
const PASTES: readonly (readonly [CurrencyCode, string, string | null, string | null])[] = [
  ['SGD', '12.34', '12.34', null],
  ['SGD', 'SGD 12.34', '12.34', null],
  ['SGD', '12.34 SGD', '12.34', null],
  ['SGD', 'sgd12.34', '12.34', null],
  ['SGD', '  1,234.50\n', '1234.50', null],
  ['SGD', '1234', '1234.00', null],
  ['SGD', '5.5', '5.50', null],
  ['SGD', '.5', '0.50', null],
  ['SGD', '0.05', '0.05', null],
  ['SGD', '1,234,567.89', '1234567.89', null],
  ['JPY', '1,234', '1234', null],
  ['BHD', '1.234', '1.234', null],
  ['SGD', '12.345', null, 'SGD takes 2 decimal places'],
  ['JPY', '12.3', null, 'JPY takes no decimal places'],
  ['SGD', 'MYR 12.34', null, 'The pasted amount is in MYR, but this sale is in SGD'],
  ['SGD', '1e9', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '-5', null, 'An amount cannot be negative'],
  ['SGD', 'SGD -5', null, 'An amount cannot be negative'],
  ['SGD', '12.3.4', null, 'The pasted amount has more than one decimal point'],
  ['SGD', '1,2', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '12,34', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '.', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', 'SGD', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '$12.34', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '12 34', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '0x1F', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', 'Infinity', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '<img src=x onerror=alert(1)>', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '12\u0000.34', null, 'The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34'],
  ['SGD', '١٢٫٣٤', null, 'Only the digits 0 to 9 can be pasted as an amount'],
  ['SGD', '１２.３４', null, 'Only the digits 0 to 9 can be pasted as an amount'],
  ['SGD', '१२', null, 'Only the digits 0 to 9 can be pasted as an amount'],
  ['SGD', '12345678.00', null, 'At most 7 digits can be keyed before the decimal point in SGD'],
  ['SGD', '9'.repeat(10_240), null, 'The pasted text is too long to be an amount'],
  ['SGD', ' '.repeat(50) + '1', null, 'The pasted text is too long to be an amount'],
];

describe('pasting an amount', () => {
  it.each(PASTES)('%s: %j', (currency, pasted, becomes, reason) => {
    for (const mode of ['cents', 'decimal'] as const) {
      const before = pressKey(emptyEntry(currency, mode), '7').entry;
      const outcome = pasteAmount(before, pasted);
      if (becomes === null) {
        expect(outcome).toMatchObject({ accepted: false, entry: before });
        expect(outcome.accepted ? null : refusalText(english, outcome.reason)).toBe(reason);
      } else {
        // Read as written in either mode: a pasted figure is never shifted as cents.
        expect(outcome.accepted, mode).toBe(true);
        expect(toDecimalString(entryToMoney(outcome.entry))).toBe(becomes);
      }
    }
  });

  it('keys on after a paste: a further decimal beyond the currency is refused', () => {
    const pasted = pasteAmount(emptyEntry('SGD'), '12.3').entry;
    expect(toDecimalString(entryToMoney(pressKey(pasted, '4').entry))).toBe('12.34');
    const refused = pressKey(pressKey(pasted, '4').entry, '5');
    expect(refused.accepted ? null : refusalText(english, refused.reason)).toBe('SGD takes 2 decimal places');
  });
});

describe('entryFromMoney: a failed sale put back to charge again', () => {
  it.each([
    [{ minor: 550, currency: 'SGD' }, '5.50'],
    [{ minor: 5, currency: 'SGD' }, '0.05'],
    [{ minor: 700, currency: 'JPY' }, '700'],
    [{ minor: 1234, currency: 'KWD' }, '1.234'],
    [{ minor: 999_999_999, currency: 'SGD' }, '9999999.99'],
  ] as const)('%j reads %s in both modes', (amount, shown) => {
    for (const mode of ['cents', 'decimal'] as const) {
      const entry = entryFromMoney(amount, mode);
      expect(entryToMoney(entry)).toEqual(amount);
      expect(toDecimalString(entryToMoney(entry))).toBe(shown);
    }
  });
});
