import type { Money } from '../../../app/money/money';
import { isUndecidedLate, type Payment, type PaymentState } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';
import type { PaymentWords } from '../words/payment';
import type { Told } from '../shared/told';
import { decisionText, receivedAmount } from './money-back-text';

export type StatusTone = 'progress' | 'good' | 'bad' | 'neutral' | 'caution' | 'warning';

export interface StatusText {
  readonly title: string;
  readonly detail: string | null;
  readonly tone: StatusTone;
}

/** A paid payment: as loud as paid-after-cancel while money that came late waits for a decision. */
function paidStatus(state: Extract<PaymentState, { status: 'paid' }>, words: PaymentWords, locale: string | undefined): StatusText {
  const w = words.status;
  if (isUndecidedLate(state)) {
    return { title: state.overpaid === true ? w.paidOverpaidLate : w.paidLate, detail: w.paidLateDetail, tone: 'warning' };
  }
  const kept = state.kept === undefined ? null : w.keptLate(decisionText(state.kept, words, locale));
  return { title: state.overpaid === true ? w.paidOverpaid : w.paid, detail: kept, tone: 'good' };
}

/** A sale cancelled after money arrived: what arrived, and whether it has gone back. */
function moneyBackStatus(state: Extract<PaymentState, { status: 'cancelled_with_money' }>, words: PaymentWords, locale: string | undefined): StatusText {
  const received = receivedAmount(state.received, locale);
  return {
    title: words.moneyBack.title(received, state.returned !== undefined),
    detail: state.returned === undefined ? words.moneyBack.toGiveBack(received) : words.moneyBack.markedReturned(decisionText(state.returned, words, locale)),
    tone: state.returned === undefined ? 'warning' : 'neutral',
  };
}

/** What the terminal told, as this screen words it (useSay); without one, its English as it came. */
export type Say = (told: Told) => string;
const asItCame: Say = (told) => told.message;

/**
 * The cashier's words for each payment state, in `words`' language; `provider` names who did not
 * report an amount. Sentences the terminal wrote (a failure, a reason, a part left open) are worded by
 * `say`, in the cashier's language where they came with a `Said`.
 */
export function describeStatus(
  state: PaymentState,
  words: PaymentWords,
  provider: string = words.theProvider,
  locale?: string,
  say: Say = asItCame,
): StatusText {
  const w = words.status;
  switch (state.status) {
    case 'creating':
      return { title: w.creating, detail: null, tone: 'progress' };
    case 'awaiting':
      return { title: w.awaiting, detail: null, tone: 'progress' };
    case 'cancelling':
      return { title: w.cancelling, detail: w.cancellingDetail, tone: 'progress' };
    case 'unknown':
      return { title: w.unknown(state.providerStatus), detail: w.stillChecking, tone: 'caution' };
    case 'needs_attention':
      // Not taken as paid, but not "not paid" either: money may have arrived (a cancel whose outcome is hidden).
      return { title: w.needsAttention, detail: w.needsAttentionDetail(say({ message: state.reason, said: state.said })), tone: 'warning' };
    case 'partially_paid': {
      const leftOpen = state.leftOpen === undefined ? null : say({ message: state.leftOpen, said: state.leftOpenSaid });
      return { title: w.partlyPaid, detail: leftOpen ?? w.partlyPaidDetail(state.received === null ? provider : null), tone: 'caution' };
    }
    case 'paid':
      return paidStatus(state, words, locale);
    case 'failed':
      return { title: w.failed, detail: say(state.failure), tone: 'bad' };
    case 'expired':
      return { title: w.expired, detail: w.expiredDetail, tone: 'neutral' };
    case 'cancelled':
      return { title: w.cancelled, detail: null, tone: 'neutral' };
    case 'cancelled_with_money':
      return moneyBackStatus(state, words, locale);
    case 'paid_after_cancel':
      return { title: w.paidAfterCancel, detail: w.paidAfterCancelDetail, tone: 'warning' };
    case 'refunded':
      return { title: w.refunded, detail: null, tone: 'neutral' };
    default:
      return assertNever(state, 'payment state');
  }
}

/** The sentence for a payment whose amount received differs from the amount asked. */
export function receivedSentence(payment: Payment, received: Money, words: PaymentWords, locale: string | undefined): string {
  const difference = received.minor - payment.amount.minor;
  const gap = formatAmount({ minor: Math.abs(difference), currency: payment.amount.currency }, locale);
  return difference > 0 ? words.money.overpaidBy(formatAmount(received, locale), gap) : words.money.underpaidBy(formatAmount(received, locale), gap);
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
