import type { Money } from '../money/money';
import type { MethodId } from './method';
import type { OperatorRef } from '../staff/staff';
import type { PaymentSaid } from '../i18n/said/payment';

/**
 * Why a payment did not complete: the raw provider code for the journal, a sentence for people in
 * English, and the same sentence as a `Said` for a screen to word in its language, where the service has one.
 */
export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly said?: PaymentSaid;
}

/**
 * The QR to show. Normally its payload, rendered natively so it is crisp at any size. When a provider
 * only gives an image that cannot be decoded, the image itself (a data: URL, fetched by main so no
 * credential is ever in a URL a screen sees), shown scaled without smoothing.
 */
export type QrCode =
  | { readonly payload: string }
  | { readonly payload: null; readonly image: { readonly dataUrl: string } };

/** A person's decision on a sale (money given back, a late payment kept): when, and who (null: nobody was signed in). */
export interface Decision {
  readonly at: number;
  readonly by: OperatorRef | null;
}

/** What a provider keeps about a payment's history (Orangepill's `log` and `related`), shown in its detail. */
export interface ProviderTrail {
  readonly log: readonly { readonly status: string; readonly at: number | null }[];
  readonly related: readonly { readonly type: string; readonly value: string; readonly at: number | null }[];
}

/**
 * Where a payment is. Final states are those in FINAL_STATUSES below (paid, failed, expired, cancelled,
 * cancelled_with_money, paid_after_cancel and refunded);
 * `unknown` is shown, never treated as paid, and polling goes on until the provider says more.
 */
export type PaymentState =
  | { readonly status: 'creating' }
  | { readonly status: 'awaiting' }
  | { readonly status: 'cancelling' }
  | { readonly status: 'unknown'; readonly providerStatus: string }
  /**
   * The provider answered with something the terminal cannot trust (unreadable, missing fields, another
   * amount or currency). Never paid on that word; polling goes on, and the cashier checks the provider.
   */
  | { readonly status: 'needs_attention'; readonly reason: string; readonly said?: PaymentSaid }
  /**
   * Part of the amount arrived (Orangepill INCOMPLETE). `received` is null when the provider does not
   * report how much. `leftOpen` is the cashier's sentence when a cancel (or the QR's expiry) found money
   * had arrived and left the request open rather than cancel it; `leftOpenSaid` the same as a `Said`.
   */
  | { readonly status: 'partially_paid'; readonly received: Money | null; readonly leftOpen?: string; readonly leftOpenSaid?: PaymentSaid }
  /**
   * Paid. `received` is set when the provider reports an amount other than the one asked; its absence
   * means no other amount was reported. `overpaid` when the provider says more than asked arrived (with
   * or without the amount); `late` when it arrived after the request expired (Orangepill LATE) and needs
   * the cashier's attention.
   */
  | {
      readonly status: 'paid';
      readonly paidAt: number;
      readonly received?: Money;
      readonly overpaid?: true;
      readonly late?: true;
      /** A late payment the cashier chose to keep: until then it waits for Keep or Refund. */
      readonly kept?: Decision;
      /**
       * The provider's word on whether it can refund this payment (Opn's charge `refundable`); absent
       * when it did not say. False: no refund is offered, and the engine refuses one.
       */
      readonly refundable?: boolean;
    }
  | { readonly status: 'failed'; readonly failure: Failure }
  | { readonly status: 'expired' }
  | { readonly status: 'cancelled' }
  /**
   * Cancelled by the cashier after money had arrived (or a late payment not kept): that money is to be
   * given back, through the provider's console. `received` is null when the provider did not report
   * how much; `returned` is set once someone marks it given back.
   */
  | { readonly status: 'cancelled_with_money'; readonly received: Money | null; readonly returned?: Decision }
  | { readonly status: 'paid_after_cancel'; readonly paidAt: number }
  /** Paid, then refunded in full. A partial refund leaves the payment paid with `refundedMinor` > 0. */
  | { readonly status: 'refunded' };

export type PaymentStatus = PaymentState['status'];

export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set([
  'paid',
  'failed',
  'expired',
  'cancelled',
  'cancelled_with_money',
  'paid_after_cancel',
  'refunded',
]);

export function isFinal(state: PaymentState): boolean {
  return FINAL_STATUSES.has(state.status);
}

/** Paid more than asked: flagged by the provider, or a reported amount above the one asked. */
export function isOverpaid(payment: Pick<Payment, 'amount' | 'state'>): boolean {
  const state = payment.state;
  return state.status === 'paid' && (state.overpaid === true || (state.received !== undefined && state.received.minor > payment.amount.minor));
}

/** A late payment nobody has kept or refunded yet: the cashier must decide. */
export function isUndecidedLate(state: PaymentState): boolean {
  return state.status === 'paid' && state.late === true && state.kept === undefined;
}

/** One sale's payment as the whole terminal sees it. Holds no secret, so it may go to any screen. */
export interface Payment {
  /** Our own terminal reference, unique per sale; sent to the provider. */
  readonly id: string;
  readonly amount: Money;
  readonly method: MethodId;
  /** An optional order number typed by the cashier. */
  readonly orderRef: string | null;
  /** A payer the request was addressed to directly (Orangepill `source.alias`), if the cashier gave one. */
  readonly payerAlias: string | null;
  readonly providerRef: string | null;
  readonly qr: QrCode | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly expiresAt: number | null;
  readonly state: PaymentState;
  /** How much has been refunded, in minor units of `amount.currency`. */
  readonly refundedMinor: number;
  /** The provider's own history of the payment, where it keeps one (Orangepill log and related). */
  readonly providerTrail?: ProviderTrail;
  /** A connection or provider problem the cashier should see while the payment stays as it is. */
  readonly notice: string | null;
  /** The notice as a `Said`, for the cashier's language; absent when the notice has none (or is null). */
  readonly noticeSaid?: PaymentSaid;
  /** Who started the sale, when staff are listed; absent in a one-person shop. */
  readonly operator?: OperatorRef;
  /**
   * When the sale was set aside (parked) so the counter could take the next one, because its outcome
   * could not be learned; it is still followed in the background. Absent when it never was.
   */
  readonly parkedAt?: number;
}
