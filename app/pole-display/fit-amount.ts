import { toDecimalString, type Money } from '../money/money';
import { POLE_COLUMNS } from './screen';

/**
 * How an amount was fitted, most exact first. The number itself is never cut: the label goes first,
 * then the currency code, and only then the compact "1.23M" form (truncated, so never more than due).
 */
export type AmountForm = 'labelled' | 'with_code' | 'bare' | 'compact';

export interface FittedAmount {
  readonly text: string;
  readonly form: AmountForm;
}

const SUFFIXES = [
  { digits: 3, suffix: 'K' },
  { digits: 6, suffix: 'M' },
  { digits: 9, suffix: 'B' },
  { digits: 12, suffix: 'T' },
] as const;

/** "123456789.99" → "123.45M" within `width`, by string operations only; null when no form fits. */
export function compactDecimal(decimal: string, width: number): string | null {
  const whole = decimal.split('.')[0] ?? decimal;
  for (const { digits, suffix } of SUFFIXES) {
    if (whole.length <= digits) continue;
    const head = whole.slice(0, whole.length - digits);
    const rest = whole.slice(whole.length - digits);
    for (const places of [2, 1, 0]) {
      const fraction = rest.slice(0, places);
      const text = `${head}${fraction === '' ? '' : `.${fraction}`}${suffix}`;
      if (text.length <= width) return text;
    }
  }
  return null;
}

/** A label left and the amount right on one line of `width`, e.g. `TOTAL      SGD 12.34`. */
export function fitAmount(label: string, amount: Money, width: number = POLE_COLUMNS): FittedAmount {
  const decimal = toDecimalString(amount);
  const withCode = `${amount.currency} ${decimal}`;
  if (label.length + 1 + withCode.length <= width) {
    return { text: label + withCode.padStart(width - label.length, ' '), form: 'labelled' };
  }
  if (withCode.length <= width) return { text: withCode.padStart(width, ' '), form: 'with_code' };
  if (decimal.length <= width) return { text: decimal.padStart(width, ' '), form: 'bare' };
  const compactWithCode = compactDecimal(decimal, width - amount.currency.length - 1);
  if (compactWithCode !== null) {
    return { text: `${amount.currency} ${compactWithCode}`.padStart(width, ' '), form: 'compact' };
  }
  const compact = compactDecimal(decimal, width);
  // A width too small for any form shows "#" like a spreadsheet cell, rather than a wrong number.
  return { text: compact === null ? '#'.repeat(width) : compact.padStart(width, ' '), form: 'compact' };
}
