import { decisionWords, moneyBackTitle, receivedWords } from '../../../app/payment/money-back';
import { isUndecidedLate, type PaymentState } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';

export type StatusTone = 'progress' | 'good' | 'bad' | 'neutral' | 'caution' | 'warning';

export interface StatusText {
  readonly title: string;
  readonly detail: string | null;
  readonly tone: StatusTone;
}

/** Received, in words, when the provider reported no amount. */
export const notReported = (provider: string): string => `amount not reported by ${provider}`;

/** The cashier's words for each payment state; `provider` names who did not report an amount. */
export function describeStatus(state: PaymentState, provider = 'the provider', locale?: string): StatusText {
  switch (state.status) {
    case 'creating':
      return { title: 'Creating payment…', detail: null, tone: 'progress' };
    case 'awaiting':
      return { title: 'Waiting for the customer to scan and pay', detail: null, tone: 'progress' };
    case 'cancelling':
      return { title: 'Cancelling…', detail: 'The payment may still complete until the provider confirms', tone: 'progress' };
    case 'unknown':
      return { title: `Unknown status from provider: ${state.providerStatus} — not paid`, detail: 'Still checking with the provider…', tone: 'caution' };
    case 'needs_attention':
      // Not taken as paid, but not "not paid" either: money may have arrived (a cancel whose outcome is hidden).
      return {
        title: 'Needs attention — payment not confirmed',
        detail: `${state.reason}. Check the payment with the provider before handing over goods; the terminal keeps checking.`,
        tone: 'warning',
      };
    case 'partially_paid': {
      const arrived = state.received === null ? `Part of the payment has arrived (${notReported(provider)}). ` : '';
      return { title: 'Partly paid', detail: state.leftOpen ?? `${arrived}The customer can still pay the rest, or cancel the payment`, tone: 'caution' };
    }
    case 'paid': {
      const paid = state.overpaid === true ? 'Paid — overpaid' : 'Paid';
      // Money that came after the request expired needs a decision, so it is as loud as paid-after-cancel.
      if (isUndecidedLate(state)) {
        return {
          title: `${paid} late — keep or refund`,
          detail: 'The customer paid after the request expired. Keep the payment (it counts as paid), or refund it.',
          tone: 'warning',
        };
      }
      const kept = state.kept === undefined ? null : `Paid after the request expired; kept ${decisionWords(state.kept, locale)}`;
      return { title: paid, detail: kept, tone: 'good' };
    }
    case 'failed':
      return { title: 'Payment failed', detail: state.failure.message, tone: 'bad' };
    case 'expired':
      return { title: 'Expired — not paid', detail: 'The QR code timed out before the customer paid', tone: 'neutral' };
    case 'cancelled':
      return { title: 'Cancelled — not paid', detail: null, tone: 'neutral' };
    case 'cancelled_with_money':
      return {
        title: moneyBackTitle(state, locale),
        detail:
          state.returned === undefined
            ? `The ${receivedWords(state.received, locale)} must be given back to the customer; mark it returned once it is.`
            : `Marked returned ${decisionWords(state.returned, locale)}`,
        tone: state.returned === undefined ? 'warning' : 'neutral',
      };
    case 'paid_after_cancel':
      return {
        title: 'Paid after cancel — refund or keep',
        detail: 'The customer paid after the sale was cancelled: refund the payment or keep the sale',
        tone: 'warning',
      };
    case 'refunded':
      return { title: 'Refunded in full', detail: null, tone: 'neutral' };
    default:
      return assertNever(state, 'payment state');
  }
}

/** A mark for the result screen, drawn from text so it needs no image. */
export function statusMark(state: PaymentState): string {
  switch (state.status) {
    case 'paid':
      return isUndecidedLate(state) ? '!' : '✓';
    case 'cancelled_with_money':
      return state.returned === undefined ? '!' : '↩';
    case 'failed':
    case 'expired':
    case 'cancelled':
      return '✕';
    case 'paid_after_cancel':
    case 'unknown':
    case 'needs_attention':
      return '!';
    case 'refunded':
      return '↩';
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'partially_paid':
      return '…';
    default:
      return assertNever(state, 'payment state');
  }
}
