import { describe, expect, it } from 'vitest';
import {
  emptyEntry,
  entryToMoney,
  keyFromKeyboard,
  MAX_ENTRY_DIGITS,
  pressKey,
  type EntryKey,
  type KeyedEntry,
} from '../../app/money/keyed-entry';
import { toDecimalString } from '../../app/money/money';
import { refusalText } from '../../renderer/cashier/sale/sale-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/** Presses keys in order; every key must be accepted. */
function typeKeys(entry: KeyedEntry, keys: readonly EntryKey[], maxDigits?: number): KeyedEntry {
  return keys.reduce((acc, key) => {
    const outcome = maxDigits === undefined ? pressKey(acc, key) : pressKey(acc, key, maxDigits);
    if (!outcome.accepted) throw new Error(`key ${key} rejected: ${outcome.reason.kind}`);
    return outcome.entry;
  }, entry);
}

describe('keyed entry', () => {
  it('starts empty and is worth zero', () => {
    const entry = emptyEntry('SGD');
    expect(entry).toEqual({ digits: '', fraction: null, currency: 'SGD', mode: 'cents' });
    expect(entryToMoney(entry)).toEqual({ minor: 0, currency: 'SGD' });
  });

  it('shifts digits in from the right: 1 2 3 4 is 12.34 SGD', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['1', '2', '3', '4']);
    expect(entry.digits).toBe('1234');
    const amount = entryToMoney(entry);
    expect(amount).toEqual({ minor: 1234, currency: 'SGD' });
    expect(toDecimalString(amount)).toBe('12.34');
  });

  it('reads the same digits per currency exponent', () => {
    expect(toDecimalString(entryToMoney(typeKeys(emptyEntry('JPY'), ['1', '2', '3', '4'])))).toBe('1234');
    expect(toDecimalString(entryToMoney(typeKeys(emptyEntry('BHD'), ['1', '2', '3', '4'])))).toBe('1.234');
  });

  it('"00" appends two zeros', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['5', '00']);
    expect(entry.digits).toBe('500');
    expect(entryToMoney(entry).minor).toBe(500);
    expect(typeKeys(entry, ['00']).digits).toBe('50000');
  });

  it('ignores leading zeros, including "00" on an empty entry', () => {
    expect(typeKeys(emptyEntry('SGD'), ['0']).digits).toBe('');
    expect(typeKeys(emptyEntry('SGD'), ['00']).digits).toBe('');
    expect(typeKeys(emptyEntry('SGD'), ['0', '00', '0', '7']).digits).toBe('7');
    expect(typeKeys(emptyEntry('SGD'), ['0', '7', '0']).digits).toBe('70');
  });

  it('backspace removes the last digit and is harmless on an empty entry', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['1', '2', '3']);
    expect(typeKeys(entry, ['backspace']).digits).toBe('12');
    expect(typeKeys(entry, ['backspace', 'backspace', 'backspace']).digits).toBe('');
    const onEmpty = pressKey(emptyEntry('SGD'), 'backspace');
    expect(onEmpty).toEqual({ accepted: true, entry: { digits: '', fraction: null, currency: 'SGD', mode: 'cents' } });
  });

  it('backspace after a "0" leaves no leading zero behind', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['1', '0', '5', 'backspace', 'backspace']);
    expect(entry.digits).toBe('1');
  });

  it('clear empties the entry and keeps the currency', () => {
    const entry = typeKeys(emptyEntry('JPY'), ['9', '8', '7', 'clear']);
    expect(entry).toEqual({ digits: '', fraction: null, currency: 'JPY', mode: 'cents' });
  });

  it('rejects a digit beyond the maximum, with a reason, leaving the entry unchanged', () => {
    expect(MAX_ENTRY_DIGITS).toBe(9);
    const full = typeKeys(emptyEntry('SGD'), ['9', '9', '9', '9', '9', '9', '9', '9', '9']);
    expect(full.digits).toBe('999999999');
    const outcome = pressKey(full, '1');
    expect(outcome.accepted).toBe(false);
    if (!outcome.accepted) expect(refusalText(CASHIER_WORDS.en.sale, outcome.reason)).toBe('At most 9 digits can be keyed');
    expect(outcome.entry).toBe(full);
    expect(outcome.entry.digits).toBe('999999999');
  });

  it('rejects "00" that would overflow by one digit, and accepts it when both fit', () => {
    const eight = typeKeys(emptyEntry('SGD'), ['1', '2', '3', '4', '5', '6', '7', '8']);
    const over = pressKey(eight, '00');
    expect(over.accepted).toBe(false);
    expect(over.entry).toBe(eight);
    const seven = typeKeys(emptyEntry('SGD'), ['1', '2', '3', '4', '5', '6', '7']);
    expect(typeKeys(seven, ['00']).digits).toBe('123456700');
  });

  it('still accepts backspace and clear on a full entry', () => {
    const full = typeKeys(emptyEntry('SGD'), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(typeKeys(full, ['backspace']).digits).toBe('12345678');
    expect(typeKeys(full, ['clear']).digits).toBe('');
  });

  it('honours a custom maximum', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['1', '2', '3'], 3);
    const outcome = pressKey(entry, '4', 3);
    expect(outcome.accepted).toBe(false);
    if (!outcome.accepted) expect(refusalText(CASHIER_WORDS.en.sale, outcome.reason)).toBe('At most 3 digits can be keyed');
    // Leading zeros do not use up the allowance.
    expect(typeKeys(emptyEntry('SGD'), ['0', '0', '1', '2', '3'], 3).digits).toBe('123');
  });

  it('does not mutate the entry it was given', () => {
    const entry = typeKeys(emptyEntry('SGD'), ['1', '2']);
    pressKey(entry, '3');
    pressKey(entry, 'clear');
    expect(entry).toEqual({ digits: '12', fraction: null, currency: 'SGD', mode: 'cents' });
  });
});

describe('keyFromKeyboard', () => {
  it('maps every digit key onto itself', () => {
    for (const d of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(keyFromKeyboard(d)).toBe(d);
  });

  it('maps the point, Backspace and Delete', () => {
    expect(keyFromKeyboard('.')).toBe('.');
    expect(keyFromKeyboard('Backspace')).toBe('backspace');
    expect(keyFromKeyboard('Delete')).toBe('clear');
  });

  it('ignores keys the keypad does not own', () => {
    for (const key of ['a', 'Enter', 'Escape', ' ', ',', '-', '..', '55', '00', 'backspace', 'clear', 'Numpad5', 'F5', '']) {
      expect(keyFromKeyboard(key), JSON.stringify(key)).toBeNull();
    }
  });
});
