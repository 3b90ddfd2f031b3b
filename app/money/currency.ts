import { err, ok, type Result } from '../util/result';

/** ISO 4217 currencies the terminal knows, with their minor-unit exponent. */
const EXPONENTS = {
  SGD: 2,
  MYR: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  HKD: 2,
  CNY: 2,
  THB: 2,
  PHP: 2,
  IDR: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
} as const satisfies Record<string, 0 | 2 | 3>;

export type CurrencyCode = keyof typeof EXPONENTS;

export interface Currency {
  readonly code: CurrencyCode;
  /** Number of digits after the decimal point in the currency's minor unit (SGD 2, JPY 0). */
  readonly exponent: 0 | 2 | 3;
}

export const CURRENCY_CODES = Object.keys(EXPONENTS) as readonly CurrencyCode[];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(EXPONENTS, code);
}

export function currency(code: CurrencyCode): Currency {
  return { code, exponent: EXPONENTS[code] };
}

export function lookupCurrency(code: string): Result<Currency, string> {
  if (!/^[A-Z]{3}$/.test(code)) {
    return err(`"${code}" is not an ISO 4217 currency code (three capital letters, e.g. SGD)`);
  }
  if (!isCurrencyCode(code)) return err(`Unknown currency ${code}: the terminal does not support it`);
  return ok(currency(code));
}
