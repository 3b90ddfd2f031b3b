import type { Money } from '../money/money';
import type { PaymentSaid } from '../i18n/said/payment';
import { otherAmount } from '../providers/provider-errors';
import type { RequestedAmount } from '../providers/provider';

/** Why an answer is not trusted: the English sentence, and the same as a `Said` for the cashier's language. */
export interface Mistrust {
  readonly message: string;
  readonly said: PaymentSaid;
}

/**
 * Why a provider's answer about a sale cannot be trusted, or null when it matches what was asked.
 * An answer for another amount or currency is never taken as this sale's payment, whatever its status.
 */
export function amountMismatch(asked: Money, requested: RequestedAmount | undefined, providerLabel: string, locale: string): Mistrust | null {
  if (requested === undefined) return null;
  const code = requested.currency.toUpperCase();
  if (requested.minor === asked.minor && code === asked.currency) return null;
  return otherAmount(providerLabel, asked, requested, locale);
}
