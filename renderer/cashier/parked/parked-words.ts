import type { Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';
import type { ParkedWords } from '../words/parked';
import type { Say } from '../payment/status-text';

const asItCame: Say = (told) => told.message;

/** A reason made a sentence: a Chinese one ends with the Chinese full stop. */
const fullStop = (text: string): string => `${text}${/[\u3400-\u9fff]$/.test(text) ? '\u3002' : '.'}`;

/** 14:05, in the terminal's locale. */
export const clockTime = (at: number, locale: string | undefined): string =>
  new Date(at).toLocaleTimeString(locale ?? 'en-SG', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A provider's name inside a sentence: "the demo provider", "Opn". */
export const providerInSentence = (provider: string): string => provider.replace(/^The /, 'the ');

/** "Parked sale T-0042 of SGD 12.00": how the cashier names a parked sale everywhere. */
export const parkedName = (payment: Payment, locale: string | undefined, words: ParkedWords): string =>
  words.sale.name(payment.id, formatAmount(payment.amount, locale));

/** The payment's notice as `say` words it, or null when there is none. */
const noticeOf = (payment: Payment, say: Say): string | null => (payment.notice === null ? null : say({ message: payment.notice, said: payment.noticeSaid }));

/**
 * What is known of a parked sale now: the last answer or notice, in the provider's or the terminal's
 * words (worded by `say`, in the cashier's language where they came with a `Said`), or where the provider says it stands.
 */
export function lastAnswer(payment: Payment, locale: string | undefined, words: ParkedWords, say: Say = asItCame): string {
  const state = payment.state;
  switch (state.status) {
    case 'needs_attention':
      return fullStop(say({ message: state.reason, said: state.said }));
    case 'unknown':
      return noticeOf(payment, say) ?? words.sale.unknownStatus(state.providerStatus);
    case 'partially_paid':
      return (
        noticeOf(payment, say) ??
        (state.leftOpen === undefined ? null : say({ message: state.leftOpen, said: state.leftOpenSaid })) ??
        (state.received === null ? words.sale.partArrivedUnreported : words.sale.partArrived(formatAmount(state.received, locale)))
      );
    case 'creating':
    case 'awaiting':
    case 'cancelling':
      return noticeOf(payment, say) ?? words.sale.notPaidYet;
    case 'paid':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'cancelled_with_money':
    case 'paid_after_cancel':
    case 'refunded':
      return settledNews(payment, locale, words, say);
    default:
      return assertNever(state, 'payment state');
  }
}

/** How a parked sale ended, as the banner tells the cashier until acknowledged. */
export function settledNews(payment: Payment, locale: string | undefined, words: ParkedWords, say: Say = asItCame): string {
  const name = parkedName(payment, locale, words);
  const said = words.sale;
  const state = payment.state;
  switch (state.status) {
    case 'paid': {
      const flags = [state.overpaid === true ? said.flagOverpaid : null, state.late === true ? said.flagLate : null].filter((f) => f !== null);
      return said.paid(name, clockTime(state.paidAt, locale), flags);
    }
    case 'paid_after_cancel':
      return said.paidAfterClosed(name, clockTime(state.paidAt, locale));
    case 'refunded':
      return said.refunded(name);
    case 'failed':
      return said.failed(name, say(state.failure));
    case 'expired':
      return said.expired(name);
    case 'cancelled':
      return said.cancelled(name);
    case 'cancelled_with_money':
      return said.cancelledWithMoney(name, state.received === null ? said.receivedUnreported : said.received(formatAmount(state.received, locale)));
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
    case 'needs_attention':
    case 'partially_paid':
      return said.stillOpen(name, lastAnswer(payment, locale, words, say));
    default:
      return assertNever(state, 'payment state');
  }
}

/** The answer to "Check now": what the provider said just now; good news only when it answered at all. */
export function checkedAnswer(payment: Payment, locale: string | undefined, words: ParkedWords, say: Say = asItCame): { readonly ok: boolean; readonly text: string } {
  const answered = payment.notice === null && payment.state.status !== 'needs_attention';
  return { ok: answered, text: words.sale.askedJustNow(lastAnswer(payment, locale, words, say)) };
}

/** The question before a manager closes a parked sale as not paid. */
export function resolveQuestion(payment: Payment, locale: string | undefined, words: ParkedWords): string {
  return words.card.resolveQuestion(parkedName(payment, locale, words));
}
