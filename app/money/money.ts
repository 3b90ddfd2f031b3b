import { currency, lookupCurrency, type CurrencyCode } from './currency';
import { err, ok, type Result } from '../util/result';

/** An amount in integer minor units of its currency (SGD 12.34 is `{ minor: 1234, currency: 'SGD' }`). */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

/** The largest amount the terminal will handle, in minor units: far above any counter sale, far below float trouble. */
export const MAX_MINOR = 99_999_999_999;

export type MoneyError =
  | { readonly kind: 'unknown_currency'; readonly message: string }
  | { readonly kind: 'not_integer'; readonly message: string }
  | { readonly kind: 'negative'; readonly message: string }
  | { readonly kind: 'zero'; readonly message: string }
  | { readonly kind: 'too_large'; readonly message: string }
  | { readonly kind: 'bad_format'; readonly message: string }
  | { readonly kind: 'too_many_decimals'; readonly message: string };

/** Builds a chargeable amount: a positive whole number of minor units in a known currency. */
export function money(minor: number, code: string): Result<Money, MoneyError> {
  const cur = lookupCurrency(code);
  if (!cur.ok) return err({ kind: 'unknown_currency', message: cur.error });
  if (!Number.isInteger(minor)) {
    return err({ kind: 'not_integer', message: `Amount must be a whole number of minor units, got ${String(minor)}` });
  }
  if (minor < 0) return err({ kind: 'negative', message: 'Amount cannot be negative' });
  if (minor === 0) return err({ kind: 'zero', message: 'Amount must be more than zero' });
  if (minor > MAX_MINOR) {
    return err({
      kind: 'too_large',
      message: `Amount is larger than the terminal's maximum of ${toDecimalString({ minor: MAX_MINOR, currency: cur.value.code })} ${cur.value.code}`,
    });
  }
  return ok({ minor, currency: cur.value.code });
}

/** Exact decimal text of an amount ("12.34", "500" for JPY, "1.234" for BHD), made with string operations only. */
export function toDecimalString(amount: Money): string {
  const { exponent } = currency(amount.currency);
  const sign = amount.minor < 0 ? '-' : '';
  const digits = String(Math.abs(amount.minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Parses decimal text ("12.34", "12.3", "12") into minor units exactly, with no float arithmetic.
 * Rejects signs, exponents, separators and more decimals than the currency has.
 */
export function parseDecimal(text: string, code: string): Result<Money, MoneyError> {
  const cur = lookupCurrency(code);
  if (!cur.ok) return err({ kind: 'unknown_currency', message: cur.error });
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return err({ kind: 'negative', message: 'Amount cannot be negative' });
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) {
    return err({ kind: 'bad_format', message: `"${text}" is not an amount: use digits with an optional decimal point, e.g. 12.34` });
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const { exponent } = cur.value;
  if (fraction.length > exponent) {
    return err({
      kind: 'too_many_decimals',
      message:
        exponent === 0
          ? `${cur.value.code} has no minor unit: enter a whole amount`
          : `${cur.value.code} has ${exponent} decimal places, "${text}" has ${fraction.length}`,
    });
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_MINOR).length) {
    return money(MAX_MINOR + 1, cur.value.code);
  }
  return money(Number(digits), cur.value.code);
}

/** Formats for people with Intl.NumberFormat, fed the exact decimal string so no float rounding can creep in. */
export function formatMoney(amount: Money, locale = 'en-SG'): string {
  const { exponent } = currency(amount.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    currencyDisplay: 'code',
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return formatter.format(toDecimalString(amount) as `${number}`).replace(/\u00a0/g, ' ');
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.minor === b.minor && a.currency === b.currency;
}
