import type { Money } from '../../money/money';
import type { MethodId } from '../../payment/method';
import type { RefundRuleSaid } from './refund-rule';

/** A payment's status id (PaymentStatus: 'paid', 'needs_attention'…); not imported, so payment.ts may carry a `Said`. */
type StatusId = string;

type R<K extends string, V = unknown> = { readonly area: 'refund'; readonly kind: K } & V;

/** Refusals of a refund by the terminal, before any money moves. */
type RefundRefusal =
  /** More was asked back than is left on the payment. */
  | R<'at_most_left', { readonly left: Money }>
  /** A refund of a payment that is not paid (`status` the terminal's). */
  | R<'only_paid', { readonly status: StatusId }>
  /** A refund in another currency than the payment's. */
  | R<'refund_currency', { readonly currency: string }>
  /** The method takes no refunds through the terminal (`method` named by its label), and its rule. */
  | R<'no_refunds_here', { readonly method: MethodId; readonly rule: RefundRuleSaid }>
  /** The method's refund rule on its own, as the refund form states it. */
  | R<'method_rule', { readonly rule: RefundRuleSaid }>
  /** The provider said, when the payment was paid, that it cannot be refunded. */
  | R<'provider_says_no', { readonly provider: string }>
  /** A late payment the provider cannot refund through the terminal goes back whole. */
  | R<'late_whole', { readonly whole: Money }>;

/** Refusals from the provider's side (Opn), checked by the terminal before asking, or Opn's answer. */
type ProviderRefundRefusal =
  /** The refund window has passed (`paidAt` epoch ms). */
  | R<'window_passed', { readonly provider: string; readonly days: number; readonly paidAt: number }>
  /** Opn's limit of refunds on one charge is reached. */
  | R<'refund_limit', { readonly provider: string; readonly max: number; readonly count: number }>
  | R<'more_than_zero'>
  /** Opn says the charge is not paid; `status` is Opn's own word for it. */
  | R<'opn_not_paid', { readonly provider: string; readonly status: string }>
  /** Opn's charge says it cannot be refunded now. */
  | R<'opn_not_refundable', { readonly provider: string }>
  | R<'whole_left_only', { readonly provider: string }>
  /** Opn answered the refund with another charge or amount. */
  | R<'opn_refund_mismatch'>;

/** Money that arrived on an open sale, and decisions about it. */
type MoneyBackSaid =
  /** A cancel without the cashier's word that the money goes back; `received` null when not reported. */
  | R<'cancel_with_money', { readonly asked: Money; readonly received: Money | null; readonly provider: string }>
  | R<'no_money_arrived', { readonly paymentId: string; readonly status: StatusId }>
  /** The rest arrived while cancelling: paid in full, not cancelled. */
  | R<'rest_arrived', { readonly amount: Money }>
  | R<'changed_meanwhile', { readonly paymentId: string; readonly status: StatusId }>
  | R<'only_cancelled_with_money', { readonly paymentId: string; readonly status: StatusId }>
  /** Marked returned before, by `by` (null: nobody signed in) at `at` (epoch ms). */
  | R<'already_returned', { readonly received: Money | null; readonly by: string | null; readonly at: number }>
  | R<'already_kept', { readonly by: string | null; readonly at: number }>
  | R<'only_late_kept', { readonly paymentId: string; readonly status: StatusId }>;

/** Parking a sale, and the parked sales' list. */
type ParkingSaid =
  | R<'park_ended'>
  | R<'park_already'>
  | R<'park_creating'>
  | R<'park_still_payable'>
  | R<'resolve_not_parked'>
  | R<'resolve_ended'>
  | R<'acknowledge_unknown', { readonly paymentId: string }>;

/**
 * What the service says about giving money back: refunds, money returned by hand, and sales parked
 * while their outcome is open (see ../said.ts).
 */
export type RefundSaid = RefundRefusal | ProviderRefundRefusal | MoneyBackSaid | ParkingSaid;

