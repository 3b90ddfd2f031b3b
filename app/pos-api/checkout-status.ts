import { formatMoney, type Money } from '../money/money';
import { isUndecidedLate, type Payment } from '../payment/payment';
import { assertNever } from '../util/assert-never';
import type { CheckoutStatus } from './checkout-schemas';

/** How a payment reads to a POS: the status, and why, in the API's words. */
export interface CheckoutOutcome {
  readonly status: CheckoutStatus;
  /** What arrived, when the provider reported another amount than the one asked. */
  readonly received: Money | null;
  readonly failure: { readonly code: string; readonly message: string } | null;
  /** Why a person must look at it, for needs_attention and partly_paid; null otherwise. */
  readonly attention: string | null;
}

const outcome = (status: CheckoutStatus, more: Partial<CheckoutOutcome> = {}): CheckoutOutcome => ({ status, received: null, failure: null, attention: null, ...more });

/**
 * The one status model of the POS API, from the terminal's payment state. Money safety first: a
 * sale that has received money never reads cancelled or failed. It reads partly_paid while it is
 * open, needs_attention once it is closed with money to give back, and paid when money was kept.
 */
export function checkoutOutcome(payment: Pick<Payment, 'state' | 'amount'>, locale?: string): CheckoutOutcome {
  const state = payment.state;
  switch (state.status) {
    case 'creating':
      return outcome('pending');
    case 'awaiting':
    case 'cancelling':
      // A cancel in flight is not a cancel: the QR may still be paid until the provider confirms.
      return outcome('awaiting_customer');
    case 'unknown':
      return outcome('needs_attention', { attention: `The provider reports a status the terminal does not know (${state.providerStatus}); it keeps checking.` });
    case 'needs_attention':
      return outcome('needs_attention', { attention: state.reason });
    case 'partially_paid': {
      const got = state.received === null ? 'Part of the amount (not reported how much)' : `${formatMoney(state.received, locale)} of ${formatMoney(payment.amount, locale)}`;
      return outcome('partly_paid', { received: state.received, attention: state.leftOpen ?? `${got} has arrived; the sale stays open.` });
    }
    case 'paid': {
      const received = state.received ?? null;
      if (isUndecidedLate(state)) {
        return outcome('needs_attention', { received, attention: 'The payment arrived after its QR expired; the cashier must keep or refund it.' });
      }
      return outcome('paid', { received });
    }
    case 'paid_after_cancel':
    case 'refunded':
      // Money arrived and was kept (a refund is reported in `refunded`, not as another status).
      return outcome('paid');
    case 'failed':
      return outcome('failed', { failure: { code: state.failure.code, message: state.failure.message } });
    case 'expired':
      return outcome('expired');
    case 'cancelled':
      return outcome('cancelled');
    case 'cancelled_with_money': {
      const got = state.received === null ? 'Money (amount not reported)' : formatMoney(state.received, locale);
      const where = state.returned === undefined ? 'is to be given back to the customer' : 'was given back to the customer';
      return outcome('needs_attention', { received: state.received, attention: `Cancelled after money arrived: ${got} ${where}.` });
    }
    default:
      return assertNever(state, 'payment state');
  }
}
