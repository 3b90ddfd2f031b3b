import { receivedWords } from '../../../app/payment/money-back';
import type { Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';

/** 14:05, in the terminal's locale. */
export const clockTime = (at: number, locale: string | undefined): string =>
  new Date(at).toLocaleTimeString(locale ?? 'en-SG', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A provider's name inside a sentence: "the demo provider", "Opn". */
export const providerInSentence = (provider: string): string => provider.replace(/^The /, 'the ');

/** "Parked sale T-0042 of SGD 12.00": how the cashier names a parked sale everywhere. */
export const parkedName = (payment: Payment, locale: string | undefined): string =>
  `Parked sale ${payment.id} of ${formatAmount(payment.amount, locale)}`;

/**
 * What is known of a parked sale now: the last answer or notice, in the provider's or the terminal's
 * words, or where the provider says it stands.
 */
export function lastAnswer(payment: Payment, locale: string | undefined): string {
  const state = payment.state;
  switch (state.status) {
    case 'needs_attention':
      return `${state.reason}.`;
    case 'unknown':
      return payment.notice ?? `The provider answers with a status the terminal does not know (${state.providerStatus}); not paid on that word.`;
    case 'partially_paid':
      return (
        payment.notice ??
        state.leftOpen ??
        `Part has arrived${state.received === null ? ' (amount not reported)' : `: ${formatAmount(state.received, locale)}`}; the rest has not.`
      );
    case 'creating':
    case 'awaiting':
    case 'cancelling':
      return payment.notice ?? 'The provider still says the customer has not paid.';
    case 'paid':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'cancelled_with_money':
    case 'paid_after_cancel':
    case 'refunded':
      return settledNews(payment, locale);
    default:
      return assertNever(state, 'payment state');
  }
}

/** How a parked sale ended, as the banner tells the cashier until acknowledged. */
export function settledNews(payment: Payment, locale: string | undefined): string {
  const name = parkedName(payment, locale);
  const state = payment.state;
  switch (state.status) {
    case 'paid': {
      const flags = [state.overpaid === true ? 'overpaid' : null, state.late === true ? 'after its QR expired' : null].filter((f) => f !== null);
      return `${name} was paid at ${clockTime(state.paidAt, locale)}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}`;
    }
    case 'paid_after_cancel':
      return `${name} was paid at ${clockTime(state.paidAt, locale)}, after it was closed: refund it or keep the sale`;
    case 'refunded':
      return `${name} was paid, and has been refunded in full`;
    case 'failed':
      return `${name} failed — not paid: ${state.failure.message}`;
    case 'expired':
      return `${name} expired — not paid`;
    case 'cancelled':
      return `${name} was cancelled — not paid`;
    case 'cancelled_with_money':
      return `${name} was cancelled after ${receivedWords(state.received, locale)}: it is to be given back`;
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
    case 'needs_attention':
    case 'partially_paid':
      return `${name} is still open: ${lastAnswer(payment, locale)}`;
    default:
      return assertNever(state, 'payment state');
  }
}

/** The answer to "Check now": what the provider said just now; good news only when it answered at all. */
export function checkedAnswer(payment: Payment, locale: string | undefined): { readonly ok: boolean; readonly text: string } {
  const answered = payment.notice === null && payment.state.status !== 'needs_attention';
  return { ok: answered, text: `Asked just now: ${lastAnswer(payment, locale)}` };
}

/** The question before a manager closes a parked sale as not paid. */
export function resolveQuestion(payment: Payment, locale: string | undefined): string {
  return (
    `${parkedName(payment, locale)} will be closed as not paid, with your reason and the manager's name, and the terminal stops ` +
    'checking it. Do this only once the provider’s console shows it was not paid.'
  );
}
