import { isCurrencyCode } from '../money/currency';
import { formatMoney, type Money } from '../money/money';
import type { RequestedAmount } from '../providers/provider';

/**
 * Why a provider's answer about a sale cannot be trusted, or null when it matches what was asked.
 * An answer for another amount or currency is never taken as this sale's payment, whatever its status.
 */
export function amountMismatch(asked: Money, requested: RequestedAmount | undefined, providerLabel: string, locale: string): string | null {
  if (requested === undefined) return null;
  const code = requested.currency.toUpperCase();
  if (requested.minor === asked.minor && code === asked.currency) return null;
  const said =
    requested.minor === null
      ? `no amount it states clearly${code === '' ? '' : ` (in ${code})`}`
      : isCurrencyCode(code)
        ? formatMoney({ minor: requested.minor, currency: code }, locale)
        : `${requested.minor} minor units of ${code === '' ? 'an unnamed currency' : code}`;
  return `${providerLabel} answered for ${said}, not the ${formatMoney(asked, locale)} asked`;
}
