import { isUndecidedLate, type Payment, type PaymentStatus } from '../../app/payment/payment';
import { assertNever } from '../../app/util/assert-never';

/** The countdown appears only near the end, so it hurries nobody who has time. */
export const COUNTDOWN_FROM_MS = 2 * 60 * 1000;

/** How long the tick and thanks stay up before the display goes back to idle. */
export const PAID_HOLD_MS = 5000;

export function countdownVisible(leftMs: number, fromMs: number = COUNTDOWN_FROM_MS): boolean {
  return leftMs <= fromMs;
}

/**
 * States the customer needs only for a moment: money arrived (or went back), so after a few seconds
 * the display returns to idle. The others stay until the cashier starts the next sale, because the
 * customer must still act on them (scan, wait, or talk to the cashier).
 */
export function returnsToIdle(status: PaymentStatus): boolean {
  switch (status) {
    case 'paid':
    case 'paid_after_cancel':
    case 'refunded':
      return true;
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
    case 'needs_attention':
    case 'partially_paid':
    case 'cancelled_with_money':
    case 'failed':
    case 'expired':
    case 'cancelled':
      return false;
    default:
      return assertNever(status, 'payment status');
  }
}

/** Names one payment in one state, so the hold runs once per transition and a re-sent snapshot does not restart it. */
export function holdKey(payment: Payment | null): string | null {
  // A late payment waits for the cashier's decision: its hold starts once it is kept.
  if (payment === null || !returnsToIdle(payment.state.status) || isUndecidedLate(payment.state)) return null;
  return `${payment.id}:${payment.state.status}`;
}
