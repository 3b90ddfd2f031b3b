import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currency, isCurrencyCode, lookupCurrency, type CurrencyCode } from '../../app/money/currency';
import { formatMoney, MAX_MINOR, money, parseDecimal, sameMoney, toDecimalString, type Money, type MoneyError } from '../../app/money/money';
import type { Result } from '../../app/util/result';

function expectOk(result: Result<Money, MoneyError>): Money {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function expectErr(result: Result<Money, MoneyError>): MoneyError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** An independent oracle for the decimal text of n minor units, using BigInt arithmetic only. */
function oracleDecimal(n: number, exponent: number): string {
  if (exponent === 0) return String(n);
  const scale = 10n ** BigInt(exponent);
  const big = BigInt(n);
  return `${(big / scale).toString()}.${(big % scale).toString().padStart(exponent, '0')}`;
}

/** Deterministic spread of amounts across the whole range (a small LCG, fixed seed). */
function spreadAmounts(count: number): number[] {
  const out: number[] = [];
  let state = 0x2545f491n;
  for (let i = 0; i < count; i++) {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    // Vary the magnitude, so small, medium and huge amounts all appear.
    const digits = (i % 11) + 1;
    const n = Number(state % 10n ** BigInt(digits));
    out.push(n === 0 ? 1 : n);
  }
  return out;
}

describe('currency', () => {
  it('knows the exponent of 2-, 0- and 3-decimal currencies', () => {
    expect(currency('SGD')).toEqual({ code: 'SGD', exponent: 2 });
    expect(currency('JPY')).toEqual({ code: 'JPY', exponent: 0 });
    expect(currency('KRW').exponent).toBe(0);
    expect(currency('BHD')).toEqual({ code: 'BHD', exponent: 3 });
    expect(currency('KWD').exponent).toBe(3);
  });

  it('isCurrencyCode accepts known codes and ignores inherited object keys', () => {
    expect(isCurrencyCode('SGD')).toBe(true);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('sgd')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(isCurrencyCode('constructor')).toBe(false);
    expect(isCurrencyCode('__proto__')).toBe(false);
  });

  it('lists every code exactly once', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toContain('SGD');
    expect(CURRENCY_CODES).toContain('JPY');
    expect(CURRENCY_CODES).toContain('BHD');
  });

  it('lookupCurrency tells a malformed code from an unsupported one', () => {
    const malformed = lookupCurrency('sgd');
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.error).toContain('three capital letters');
    const unknown = lookupCurrency('XYZ');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toBe('Unknown currency XYZ: the terminal does not support it');
    expect(lookupCurrency('JPY')).toEqual({ ok: true, value: { code: 'JPY', exponent: 0 } });
  });
});

describe('money()', () => {
  it('builds a positive whole amount in a known currency', () => {
    expect(money(1234, 'SGD')).toEqual({ ok: true, value: { minor: 1234, currency: 'SGD' } });
    expect(money(1, 'SGD')).toEqual({ ok: true, value: { minor: 1, currency: 'SGD' } });
  });

  it('rejects zero', () => {
    const e = expectErr(money(0, 'SGD'));
    expect(e.kind).toBe('zero');
    expect(e.message).toBe('Amount must be more than zero');
  });

  it('treats negative zero as zero, not as a valid amount', () => {
    expect(expectErr(money(-0, 'SGD')).kind).toBe('zero');
  });

  it('rejects negative amounts', () => {
    expect(expectErr(money(-1, 'SGD')).kind).toBe('negative');
    expect(expectErr(money(-1234, 'JPY')).kind).toBe('negative');
  });

  it('rejects non-integers, NaN and infinities', () => {
    const e = expectErr(money(12.5, 'SGD'));
    expect(e.kind).toBe('not_integer');
    expect(e.message).toContain('12.5');
    expect(expectErr(money(0.1 + 0.2, 'SGD')).kind).toBe('not_integer');
    expect(expectErr(money(Number.NaN, 'SGD')).kind).toBe('not_integer');
    expect(expectErr(money(Number.POSITIVE_INFINITY, 'SGD')).kind).toBe('not_integer');
    expect(expectErr(money(-0.5, 'SGD')).kind).toBe('not_integer');
  });

  it('accepts MAX_MINOR and rejects one more', () => {
    expect(MAX_MINOR).toBe(99_999_999_999);
    expect(expectOk(money(MAX_MINOR, 'SGD')).minor).toBe(MAX_MINOR);
    const e = expectErr(money(MAX_MINOR + 1, 'SGD'));
    expect(e.kind).toBe('too_large');
    expect(e.message).toContain('999999999.99 SGD');
    const jpy = expectErr(money(MAX_MINOR + 1, 'JPY'));
    expect(jpy.message).toContain('99999999999 JPY');
    expect(expectErr(money(Number.MAX_SAFE_INTEGER, 'SGD')).kind).toBe('too_large');
  });

  it('rejects unknown, lowercase and short currency codes', () => {
    for (const code of ['XYZ', 'sgd', 'US', 'SGDX', '']) {
      const e = expectErr(money(100, code));
      expect(e.kind, code).toBe('unknown_currency');
      expect(e.message, code).toContain(`${code}`);
    }
    expect(expectErr(money(100, 'US')).message).toContain('three capital letters');
    expect(expectErr(money(100, 'XYZ')).message).toContain('does not support');
  });

  it('checks the currency before the amount', () => {
    expect(expectErr(money(0, 'XYZ')).kind).toBe('unknown_currency');
    expect(expectErr(money(12.5, 'sgd')).kind).toBe('unknown_currency');
  });

  it('handles 0-decimal JPY and 3-decimal BHD', () => {
    expect(expectOk(money(500, 'JPY'))).toEqual({ minor: 500, currency: 'JPY' });
    expect(expectOk(money(1234, 'BHD'))).toEqual({ minor: 1234, currency: 'BHD' });
  });
});

describe('toDecimalString', () => {
  const cases: [number, CurrencyCode, string][] = [
    [1, 'SGD', '0.01'],
    [10, 'SGD', '0.10'],
    [100, 'SGD', '1.00'],
    [1234, 'SGD', '12.34'],
    [0, 'SGD', '0.00'],
    [99_999_999_999, 'SGD', '999999999.99'],
    [500, 'JPY', '500'],
    [0, 'JPY', '0'],
    [1234, 'BHD', '1.234'],
    [5, 'BHD', '0.005'],
    [1000, 'BHD', '1.000'],
    [50, 'BHD', '0.050'],
  ];
  it.each(cases)('%d %s → %s', (minor, code, expected) => {
    expect(toDecimalString({ minor, currency: code })).toBe(expected);
  });

  it('keeps the sign of a negative amount (refund display)', () => {
    expect(toDecimalString({ minor: -5, currency: 'SGD' })).toBe('-0.05');
    expect(toDecimalString({ minor: -1234, currency: 'BHD' })).toBe('-1.234');
  });
});

describe('parseDecimal', () => {
  it('parses whole, one-decimal and two-decimal text exactly', () => {
    expect(expectOk(parseDecimal('12.34', 'SGD'))).toEqual({ minor: 1234, currency: 'SGD' });
    expect(expectOk(parseDecimal('12.3', 'SGD')).minor).toBe(1230);
    expect(expectOk(parseDecimal('12', 'SGD')).minor).toBe(1200);
    expect(expectOk(parseDecimal('0012.50', 'SGD')).minor).toBe(1250);
    expect(expectOk(parseDecimal('0.01', 'SGD')).minor).toBe(1);
  });

  it('accepts a trailing decimal point with no fraction ("12." is 12.00)', () => {
    expect(expectOk(parseDecimal('12.', 'SGD')).minor).toBe(1200);
  });

  it('rejects a leading decimal point (".5") as bad_format', () => {
    const e = expectErr(parseDecimal('.5', 'SGD'));
    expect(e.kind).toBe('bad_format');
    expect(e.message).toContain('".5"');
  });

  it('never uses float arithmetic (amounts that break x*100)', () => {
    // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in floating point.
    expect(expectOk(parseDecimal('0.29', 'SGD')).minor).toBe(29);
    expect(expectOk(parseDecimal('4.35', 'SGD')).minor).toBe(435);
    expect(expectOk(parseDecimal('0.30', 'SGD')).minor).toBe(30);
    expect(expectOk(parseDecimal('1.15', 'SGD')).minor).toBe(115);
    expect(expectOk(parseDecimal('1.005', 'BHD')).minor).toBe(1005);
    expect(expectOk(parseDecimal('999999999.99', 'SGD')).minor).toBe(MAX_MINOR);
  });

  it('rejects more decimals than the currency has', () => {
    const sgd = expectErr(parseDecimal('12.345', 'SGD'));
    expect(sgd.kind).toBe('too_many_decimals');
    expect(sgd.message).toBe('SGD has 2 decimal places, "12.345" has 3');
    const jpy = expectErr(parseDecimal('1.5', 'JPY'));
    expect(jpy.kind).toBe('too_many_decimals');
    expect(jpy.message).toBe('JPY has no minor unit: enter a whole amount');
    expect(expectErr(parseDecimal('1.50', 'JPY')).kind).toBe('too_many_decimals');
    expect(expectErr(parseDecimal('1.2345', 'BHD')).kind).toBe('too_many_decimals');
  });

  it('handles JPY and BHD amounts', () => {
    expect(expectOk(parseDecimal('500', 'JPY'))).toEqual({ minor: 500, currency: 'JPY' });
    expect(expectOk(parseDecimal('1.5', 'BHD')).minor).toBe(1500);
    expect(expectOk(parseDecimal('0.005', 'BHD')).minor).toBe(5);
    expect(expectOk(parseDecimal('1.234', 'BHD')).minor).toBe(1234);
  });

  it('rejects signs, exponents, separators and empty text', () => {
    expect(expectErr(parseDecimal('-1', 'SGD')).kind).toBe('negative');
    expect(expectErr(parseDecimal(' -1.00', 'SGD')).kind).toBe('negative');
    for (const text of ['+1', '1e3', '1E3', '1,000', '1 000', '', '   ', 'abc', '12.34.5', '0x10', 'Infinity', 'NaN', '١٢']) {
      expect(expectErr(parseDecimal(text, 'SGD')).kind, JSON.stringify(text)).toBe('bad_format');
    }
  });

  it('trims surrounding whitespace', () => {
    expect(expectOk(parseDecimal(' 12.34 ', 'SGD')).minor).toBe(1234);
    expect(expectOk(parseDecimal('\t7\n', 'JPY')).minor).toBe(7);
  });

  it('rejects zero amounts as zero', () => {
    expect(expectErr(parseDecimal('0', 'SGD')).kind).toBe('zero');
    expect(expectErr(parseDecimal('0.00', 'SGD')).kind).toBe('zero');
    expect(expectErr(parseDecimal('000', 'JPY')).kind).toBe('zero');
  });

  it('rejects too many digits as too_large without losing precision', () => {
    expect(expectErr(parseDecimal('1000000000.00', 'SGD')).kind).toBe('too_large');
    expect(expectErr(parseDecimal('123456789012', 'SGD')).kind).toBe('too_large');
    expect(expectErr(parseDecimal('99999999999999999999999', 'JPY')).kind).toBe('too_large');
    expect(expectErr(parseDecimal('100000000000', 'JPY')).kind).toBe('too_large');
    expect(expectOk(parseDecimal('99999999999', 'JPY')).minor).toBe(MAX_MINOR);
  });

  it('does not count leading zeros towards the digit limit', () => {
    expect(expectOk(parseDecimal('0000000000000012.34', 'SGD')).minor).toBe(1234);
  });

  it('rejects an unknown currency', () => {
    expect(expectErr(parseDecimal('12.34', 'XYZ')).kind).toBe('unknown_currency');
    expect(expectErr(parseDecimal('12.34', 'sgd')).kind).toBe('unknown_currency');
  });
});

describe('round trip toDecimalString ⇄ parseDecimal', () => {
  const fixed = [1, 2, 3, 5, 9, 10, 20, 30, 99, 100, 101, 110, 1005, 1010, 9999, 10000, 100023, 123456, 1234567, 999999999, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 1, 10_000_000_001, MAX_MINOR - 1, MAX_MINOR];
  const amounts = [...fixed, ...spreadAmounts(600)];
  const codes: CurrencyCode[] = ['SGD', 'JPY', 'BHD'];

  it('covers a wide spread of magnitudes', () => {
    expect(amounts.length).toBe(626);
    expect(amounts.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_MINOR)).toBe(true);
    expect(amounts.some((n) => n > 10_000_000_000)).toBe(true);
    expect(amounts.some((n) => n < 10)).toBe(true);
  });

  for (const code of codes) {
    it(`parseDecimal(toDecimalString(n)) === n for ${code}`, () => {
      const { exponent } = currency(code);
      for (const n of amounts) {
        const text = toDecimalString({ minor: n, currency: code });
        expect(text, `${n}`).toBe(oracleDecimal(n, exponent));
        const parsed = parseDecimal(text, code);
        expect(parsed, `${n} ${code} via "${text}"`).toEqual({ ok: true, value: { minor: n, currency: code } });
      }
    });
  }
});

describe('formatMoney', () => {
  it('formats SGD in en-SG with the code and two decimals', () => {
    const text = formatMoney({ minor: 1234, currency: 'SGD' }, 'en-SG');
    expect(text).toContain('12.34');
    expect(text).toContain('SGD');
    expect(text).toMatch(/^SGD\s?12\.34$/);
  });

  it('uses en-SG by default', () => {
    expect(formatMoney({ minor: 1234, currency: 'SGD' })).toBe(formatMoney({ minor: 1234, currency: 'SGD' }, 'en-SG'));
  });

  it('shows no decimals for JPY', () => {
    const text = formatMoney({ minor: 500, currency: 'JPY' }, 'en-SG');
    expect(text).toContain('500');
    expect(text).toContain('JPY');
    expect(text).not.toContain('.');
    expect(text).not.toContain('5.00');
  });

  it('shows three decimals for BHD', () => {
    const text = formatMoney({ minor: 1234, currency: 'BHD' }, 'en-SG');
    expect(text).toContain('1.234');
    expect(text).toContain('BHD');
    expect(formatMoney({ minor: 5, currency: 'BHD' }, 'en-SG')).toContain('0.005');
  });

  it('groups large amounts exactly, without float rounding', () => {
    expect(formatMoney({ minor: 123456789, currency: 'SGD' }, 'en-SG')).toContain('1,234,567.89');
    expect(formatMoney({ minor: MAX_MINOR, currency: 'SGD' }, 'en-SG')).toContain('999,999,999.99');
    expect(formatMoney({ minor: MAX_MINOR, currency: 'JPY' }, 'en-SG')).toContain('99,999,999,999');
    expect(formatMoney({ minor: 100023, currency: 'SGD' }, 'en-SG')).toContain('1,000.23');
  });

  it('follows the locale and never emits a no-break space', () => {
    const de = formatMoney({ minor: 123456789, currency: 'SGD' }, 'de-DE');
    expect(de).toContain('1.234.567,89');
    expect(de).not.toContain('\u00a0');
    expect(formatMoney({ minor: 1234, currency: 'SGD' }, 'en-SG')).not.toContain('\u00a0');
  });
});

describe('sameMoney', () => {
  it('compares minor units and currency', () => {
    expect(sameMoney({ minor: 100, currency: 'SGD' }, { minor: 100, currency: 'SGD' })).toBe(true);
    expect(sameMoney({ minor: 100, currency: 'SGD' }, { minor: 101, currency: 'SGD' })).toBe(false);
    expect(sameMoney({ minor: 100, currency: 'SGD' }, { minor: 100, currency: 'MYR' })).toBe(false);
  });
});
