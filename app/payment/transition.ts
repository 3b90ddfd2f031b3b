import { sameMoney, type Money } from '../money/money';
import { isFinal, isUndecidedLate, type Decision, type Failure, type Payment, type PaymentState, type ProviderTrail } from './payment';
import type { CreatedPayment, ProviderStatus } from '../providers/provider';
import { assertNever } from '../util/assert-never';
import type { PaymentSaid } from '../i18n/said/payment';

/** A sentence's `Said`, where the one who wrote the sentence gave one (app/i18n/said.ts). */
type Saying = { readonly said?: PaymentSaid | undefined };

/** Everything that can happen to a payment. The engine feeds these in; `transition` decides. */
export type PaymentEvent =
  | { readonly type: 'created'; readonly created: CreatedPayment }
  | { readonly type: 'create_failed'; readonly failure: Failure }
  | { readonly type: 'provider_status'; readonly status: ProviderStatus }
  | { readonly type: 'cancel_requested' }
  | ({ readonly type: 'cancel_failed'; readonly message: string } & Saying)
  /** A refund the terminal made succeeded; the provider's new total refunded on this payment. */
  | { readonly type: 'refund_recorded'; readonly totalRefundedMinor: number }
  | ({ readonly type: 'notice'; readonly message: string | null } & Saying)
  /** A status answer the terminal will not trust; the reason is the client's sentence for it. */
  | ({ readonly type: 'untrusted_response'; readonly reason: string } & Saying)
  /** A cancel (or expiry) found money had arrived and left the request open; `message` says so to the cashier. */
  | ({ readonly type: 'left_open'; readonly received: Money | null; readonly message: string } & Saying)
  /** The provider hid what became of the payment it was asked to close; `reason` holds the facts. */
  | ({ readonly type: 'cancel_unresolved'; readonly reason: string } & Saying)
  /** Set aside so the counter can take the next sale; it is still followed until its outcome is known. */
  | { readonly type: 'parked'; readonly at: number }
  /**
   * A manager closed a parked sale as not paid, having checked the provider; `message` names who and
   * why. A payment that later turns out paid after all is kept, loudly, as paid_after_cancel.
   */
  | ({ readonly type: 'resolved_unpaid'; readonly message: string } & Saying)
  /**
   * The cashier confirmed ending a sale that has money (partly paid, or a late payment not kept): it ends
   * with that money to be given back. The provider is not asked to close anything.
   */
  | { readonly type: 'cancelled_with_money'; readonly received: Money | null }
  /** Someone gave the money of a cancelled_with_money sale back and says so; once only. */
  | { readonly type: 'money_returned'; readonly decision: Decision }
  /** The cashier keeps a payment that arrived after its request expired: it counts as paid. */
  | { readonly type: 'late_kept'; readonly decision: Decision };

/** The failure code of a parked sale a manager closed as not paid. */
export const RESOLVED_BY_MANAGER = 'resolved_by_manager';

const state = (s: PaymentState): PaymentState => s;

/** `{ [key]: said }`, or nothing when there is no `Said`: an absent field, never one set to undefined. */
const saying = <K extends string>(key: K, said: PaymentSaid | undefined): { readonly [P in K]?: PaymentSaid } =>
  (said === undefined ? {} : { [key]: said }) as { readonly [P in K]?: PaymentSaid };

/** A patch that sets the notice also sets (or drops) its `Said`, so an old note's words never outlive it. */
function patched(payment: Payment, patch: Partial<Payment>, now: number): Payment {
  const merged: Payment = { ...payment, ...patch, updatedAt: now };
  if (!('notice' in patch) || 'noticeSaid' in patch) return merged;
  const { noticeSaid: _dropped, ...rest } = merged;
  return rest;
}

/**
 * The payment state machine: pure, total, and strict about money. A final state never moves again,
 * except that a "paid" arriving after we cancelled or saw expiry is kept, loudly, as paid_after_cancel.
 */
export function transition(payment: Payment, event: PaymentEvent, now: number): Payment {
  const next = (patch: Partial<Payment>): Payment => patched(payment, patch, now);
  const current = payment.state;

  switch (event.type) {
    case 'created':
      if (current.status !== 'creating') return payment;
      return next({
        providerRef: event.created.providerRef,
        qr: event.created.qr,
        expiresAt: event.created.expiresAt,
        state: state({ status: 'awaiting' }),
        notice: null,
      });
    case 'create_failed':
      if (current.status !== 'creating') return payment;
      return next({ state: state({ status: 'failed', failure: event.failure }), notice: null });
    case 'provider_status': {
      // The provider's newest trail is kept whatever the status did, even on a final payment.
      const after = applyProviderStatus(payment, event.status, next);
      const trail = event.status.trail;
      return trail === undefined || sameTrail(after.providerTrail, trail) ? after : { ...after, providerTrail: trail, updatedAt: now };
    }
    case 'cancel_requested':
      if (current.status === 'awaiting' || current.status === 'unknown' || current.status === 'partially_paid' || current.status === 'needs_attention') {
        return next({ state: state({ status: 'cancelling' }) });
      }
      return payment;
    case 'cancel_failed':
      if (current.status !== 'cancelling') return payment;
      return next({ state: state({ status: 'awaiting' }), notice: event.message, ...saying('noticeSaid', event.said) });
    case 'refund_recorded':
      return applyRefund(payment, event.totalRefundedMinor, next);
    case 'notice':
      if (isFinal(current) || (payment.notice === event.message && payment.noticeSaid === event.said)) return payment;
      return next({ notice: event.message, ...saying('noticeSaid', event.message === null ? undefined : event.said) });
    case 'untrusted_response':
      // Only a payment still open can need attention; creating and cancelling have their own outcomes.
      if (isFinal(current) || current.status === 'creating' || current.status === 'cancelling') return payment;
      if (current.status === 'needs_attention' && current.reason === event.reason) return payment;
      return next({ state: state({ status: 'needs_attention', reason: event.reason, ...saying('said', event.said) }), notice: null });
    case 'left_open':
      if (isFinal(current) || current.status === 'creating') return payment;
      return next({
        state: state({ status: 'partially_paid', received: event.received, leftOpen: event.message, ...saying('leftOpenSaid', event.said) }),
        notice: null,
      });
    case 'cancel_unresolved':
      // Unlike an untrusted answer this may land while cancelling: it is the cancel's own outcome.
      if (isFinal(current) || current.status === 'creating') return payment;
      if (current.status === 'needs_attention' && current.reason === event.reason) return payment;
      return next({ state: state({ status: 'needs_attention', reason: event.reason, ...saying('said', event.said) }), notice: null });
    case 'parked':
      // Only a sale still open is set aside; its status and notice stay exactly as they were.
      if (isFinal(current) || current.status === 'creating' || payment.parkedAt !== undefined) return payment;
      return { ...payment, parkedAt: event.at, updatedAt: now };
    case 'resolved_unpaid':
      if (isFinal(current) || current.status === 'creating') return payment;
      return next({ state: state({ status: 'failed', failure: { code: RESOLVED_BY_MANAGER, message: event.message, ...saying('said', event.said) } }), notice: null });
    case 'cancelled_with_money':
      // Only from money known to have arrived: partly paid (also while its cancel is out), or late and undecided.
      if (current.status !== 'partially_paid' && current.status !== 'cancelling' && current.status !== 'needs_attention' && !isUndecidedLate(current)) {
        return payment;
      }
      return next({ state: state({ status: 'cancelled_with_money', received: event.received }), notice: null });
    case 'money_returned':
      if (current.status !== 'cancelled_with_money' || current.returned !== undefined) return payment;
      return next({ state: state({ ...current, returned: event.decision }) });
    case 'late_kept':
      if (current.status !== 'paid' || !isUndecidedLate(current)) return payment;
      return next({ state: state({ ...current, kept: event.decision }) });
    default:
      return assertNever(event, 'payment event');
  }
}

/** The reason a partly paid request closed at the provider needs attention: money arrived, so it is never "not paid". */
export const CLOSED_AFTER_PART = 'Part of the payment had arrived before the request was closed at the provider, so it is neither paid nor cancelled';

const sameReceived = (a: Money | null, b: Money | null): boolean => (a === null || b === null ? a === b : sameMoney(a, b));

function sameTrail(a: ProviderTrail | undefined, b: ProviderTrail): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Refunds only ever apply to money that arrived; a full refund closes the payment as refunded. */
function applyRefund(payment: Payment, totalRefundedMinor: number, next: (patch: Partial<Payment>) => Payment): Payment {
  const status = payment.state.status;
  if (status !== 'paid' && status !== 'paid_after_cancel') return payment;
  const refundedMinor = Math.max(payment.refundedMinor, Math.min(totalRefundedMinor, payment.amount.minor));
  if (refundedMinor === payment.refundedMinor) return payment;
  return refundedMinor >= payment.amount.minor
    ? next({ refundedMinor, state: state({ status: 'refunded' }) })
    : next({ refundedMinor });
}

function applyProviderStatus(
  payment: Payment,
  status: ProviderStatus,
  next: (patch: Partial<Payment>) => Payment,
): Payment {
  const current = payment.state;
  if (current.status === 'creating') return payment;
  if (isFinal(current)) {
    const wasClosedLocally =
      current.status === 'cancelled' || current.status === 'expired' || (current.status === 'failed' && current.failure.code === RESOLVED_BY_MANAGER);
    if (status.kind === 'paid' && wasClosedLocally) {
      return next({ state: state({ status: 'paid_after_cancel', paidAt: status.paidAt }) });
    }
    if (status.kind === 'refunded') {
      return applyRefund(payment, status.full ? payment.amount.minor : (status.refundedMinor ?? payment.refundedMinor), next);
    }
    return payment;
  }
  switch (status.kind) {
    case 'pending':
      // A pending answer while cancelling means the cancel has not landed yet: keep cancelling.
      if (current.status === 'cancelling') return payment.notice === null ? payment : next({ notice: null });
      return current.status === 'awaiting' && payment.notice === null
        ? payment
        : next({ state: state({ status: 'awaiting' }), notice: null });
    case 'partially_paid': {
      // Even while cancelling: a cancel never closes a request that has money, so this is where it stays.
      const same = current.status === 'partially_paid' && sameReceived(current.received, status.received);
      if (same && payment.notice === null) return payment;
      // The cashier's sentence about the declined cancel holds while the amount it names does.
      const leftOpen = same && current.leftOpen !== undefined ? { leftOpen: current.leftOpen, ...saying('leftOpenSaid', current.leftOpenSaid) } : {};
      return next({ state: state({ status: 'partially_paid', received: status.received, ...leftOpen }), notice: null });
    }
    case 'paid':
      return next({
        state: state({
          status: 'paid',
          paidAt: status.paidAt,
          ...(status.received !== undefined && status.received.minor !== payment.amount.minor ? { received: status.received } : {}),
          ...(status.overpaid === true ? { overpaid: true as const } : {}),
          ...(status.late === true ? { late: true as const } : {}),
          ...(status.refundable === undefined ? {} : { refundable: status.refundable }),
        }),
        notice: null,
      });
    case 'failed':
      return next({ state: state({ status: 'failed', failure: status.failure }), notice: null });
    case 'expired':
    case 'cancelled':
      // Money had arrived before the request was closed: never "not paid" on that word.
      if (current.status === 'partially_paid') {
        return next({ state: state({ status: 'needs_attention', reason: CLOSED_AFTER_PART, said: { area: 'payment', kind: 'closed_after_part' } }), notice: null });
      }
      return next({ state: state({ status: status.kind }), notice: null });
    case 'refunded':
      // A refund reported for a payment we never saw paid: the money arrived and went back.
      return next({
        state: state(status.full ? { status: 'refunded' } : { status: 'paid', paidAt: payment.updatedAt }),
        refundedMinor: status.full ? payment.amount.minor : (status.refundedMinor ?? 0),
        notice: null,
      });
    case 'unknown':
      return next({ state: state({ status: 'unknown', providerStatus: status.raw }), notice: null });
    default:
      return assertNever(status, 'provider status');
  }
}
