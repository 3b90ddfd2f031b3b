import { formatMoney } from '../money/money';
import type { Payment } from '../payment/payment';
import type { PaymentEvent } from '../payment/transition';
import type { ProviderError, ProviderStatus } from '../providers/provider';
import { providerSaid } from '../providers/provider-errors';
import { assertNever } from '../util/assert-never';
import type { Result } from '../util/result';

/** Why the terminal asked the provider to close a payment: the cashier's cancel, or the QR's expiry. */
export type CloseReason = 'cancel' | 'expiry';

/** The cashier's sentence when a close found money had arrived and left the request open. */
function leftOpenSentence(payment: Payment, status: Extract<ProviderStatus, { kind: 'partially_paid' }>, provider: string, locale: string): string {
  const asked = formatMoney(payment.amount, locale);
  const arrived =
    status.received === null
      ? `Part of ${asked} has already arrived (amount not reported by ${provider})`
      : `${formatMoney(status.received, locale)} of ${asked} has already arrived`;
  return `${arrived}: the request was not cancelled. Wait for the rest, or take the money back through ${provider}'s console.`;
}

/**
 * What the provider's answer to a close means for the payment. Money that arrived is never turned into
 * "cancelled" or "expired"; an answer that hides the outcome needs a person to look.
 */
export function closeEvent(
  payment: Payment,
  result: Result<ProviderStatus, ProviderError>,
  reason: CloseReason,
  context: { readonly provider: string; readonly locale: string },
): PaymentEvent {
  if (!result.ok) {
    if (result.error.kind === 'outcome_unknown') return { type: 'cancel_unresolved', reason: result.error.message, said: result.error.said };
    // Not closed, and nothing known arrived: a cancel is tried again by the cashier; an expiry closes here.
    if (reason === 'expiry') return { type: 'provider_status', status: { kind: 'expired' } };
    const problem = providerSaid(result.error.said);
    return {
      type: 'cancel_failed',
      message: `Could not cancel yet: ${result.error.message}`,
      ...(problem === undefined ? {} : { said: { area: 'payment', kind: 'cancel_not_yet', problem } as const }),
    };
  }
  const status = result.value;
  const closed: ProviderStatus = reason === 'cancel' ? { kind: 'cancelled' } : { kind: 'expired' };
  switch (status.kind) {
    case 'partially_paid':
      return {
        type: 'left_open',
        received: status.received,
        message: leftOpenSentence(payment, status, context.provider, context.locale),
        said: { area: 'payment', kind: 'left_open', asked: payment.amount, received: status.received, provider: context.provider },
      };
    case 'expired':
    case 'cancelled':
      // Some providers cancel by expiring (Opn's Expire API answers "expired"): the cashier cancelled it.
      return { type: 'provider_status', status: closed };
    case 'pending':
    case 'unknown':
      // Still open at the provider, or saying something unlisted: a cancel waits for it to say more
      // (an unknown status may hide money, so it is shown, not cancelled); an expiry gives up on it here.
      return { type: 'provider_status', status: reason === 'cancel' ? status : closed };
    case 'paid':
    case 'failed':
    case 'refunded':
      return { type: 'provider_status', status };
    default:
      return assertNever(status, 'provider status');
  }
}
