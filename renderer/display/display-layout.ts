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

/** Rough advance of one character in em (bold system UI, tabular digits), erring wide so the estimate never falls short. */
function charEm(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.62;
  if (/[.,'\s\u00a0\u202f]/.test(ch)) return 0.34;
  if (/[A-Z$€£]/.test(ch)) return 0.76;
  // Wide scripts (¥ is narrow, but CJK currency words such as 元 are full width).
  return ch.charCodeAt(0) >= 0x2e80 ? 1.05 : 0.8;
}

/** Share of its column's width, in percent, the amount's text may take: the rest is breathing room. */
const AMOUNT_SPAN = 94;

/**
 * The amount's font size in percent of its column's width (CSS `cqi`), so the whole amount fits on
 * one line at the largest size that does: an amount never wraps mid-number, it shrinks instead.
 */
export function amountFitCqi(text: string): number {
  const em = [...text].reduce((sum, ch) => sum + charEm(ch), 0);
  if (em === 0) return 0;
  return Math.floor((AMOUNT_SPAN / em) * 10) / 10;
}
