import { isCurrencyCode } from '../money/currency';
import { formatMoney, type Money } from '../money/money';
import type { PaymentSaid } from '../i18n/said/payment';
import type { RequestedAmount } from '../providers/provider';

/** Why an answer is not trusted: the English sentence, and the same as a `Said` for the cashier's language. */
export interface Mistrust {
  readonly message: string;
  readonly said: PaymentSaid;
}

/** The amount a provider answered for, as the sentence names it. */
export function answeredWords(answered: RequestedAmount, locale: string): string {
  const code = answered.currency.toUpperCase();
  if (answered.minor === null) return `no amount it states clearly${code === '' ? '' : ` (in ${code})`}`;
  return isCurrencyCode(code)
    ? formatMoney({ minor: answered.minor, currency: code }, locale)
    : `${answered.minor} minor units of ${code === '' ? 'an unnamed currency' : code}`;
}

/**
 * Why a provider's answer about a sale cannot be trusted, or null when it matches what was asked.
 * An answer for another amount or currency is never taken as this sale's payment, whatever its status.
 */
export function amountMismatch(asked: Money, requested: RequestedAmount | undefined, providerLabel: string, locale: string): Mistrust | null {
  if (requested === undefined) return null;
  const code = requested.currency.toUpperCase();
  if (requested.minor === asked.minor && code === asked.currency) return null;
  return {
    message: `${providerLabel} answered for ${answeredWords(requested, locale)}, not the ${formatMoney(asked, locale)} asked`,
    said: { area: 'payment', kind: 'other_amount', provider: providerLabel, asked, answered: { minor: requested.minor, currency: code } },
  };
}
