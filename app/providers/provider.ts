import type { RefundSaid } from '../i18n/said/refund';
import type { Money } from '../money/money';
import type { MethodInfo } from '../payment/method';
import type { Failure, ProviderTrail, QrCode } from '../payment/payment';
import type { AmountSaid, PaymentSaid } from '../i18n/said/payment';
import type { Result } from '../util/result';

export interface CreatePaymentRequest {
  /** Our terminal reference; providers keep it (Opn `metadata`, Orangepill `data.order`) for reconciliation. */
  readonly reference: string;
  readonly amount: Money;
  readonly description: string;
  /** Absolute expiry, epoch ms. */
  readonly expiresAt: number;
  /** A payer the request is addressed to directly (Orangepill `source.alias`), when the cashier entered one. */
  readonly payerAlias: string | null;
}

export interface RefundResult {
  readonly refundId: string;
  readonly amount: Money;
  /** The provider's total refunded on this payment after this refund. */
  readonly totalRefundedMinor: number;
}

export interface CreatedPayment {
  readonly providerRef: string;
  readonly qr: QrCode;
  readonly expiresAt: number;
}

/**
 * A provider's status, normalised. Each client maps its own statuses onto this exhaustively, and may
 * attach the provider's own trail of the payment.
 */
export type ProviderStatus = ProviderStatusKind & {
  readonly trail?: ProviderTrail;
  /**
   * The amount the provider says the payment is for, as it says it (`minor` null when it gave none the
   * terminal can read). The engine compares it with the sale's, so a wrong answer is never taken as paid.
   */
  readonly requested?: RequestedAmount;
};

export interface RequestedAmount {
  readonly minor: number | null;
  readonly currency: string;
}

type ProviderStatusKind =
  | { readonly kind: 'pending' }
  /** Part arrived. `received` is null when the provider does not report how much (Orangepill's INCOMPLETE). */
  | { readonly kind: 'partially_paid'; readonly received: Money | null }
  /**
   * Paid. `received` only when the provider reports an amount; `overpaid` when it says more than asked
   * arrived (Orangepill's OVERPAID), with or without the amount; `late` when it came after expiry;
   * `refundable` when the provider says whether it can be refunded (Opn's charge `refundable`).
   */
  | {
      readonly kind: 'paid';
      readonly paidAt: number;
      readonly received?: Money;
      readonly overpaid?: true;
      readonly late?: true;
      readonly refundable?: boolean;
    }
  | { readonly kind: 'failed'; readonly failure: Failure }
  | { readonly kind: 'expired' }
  | { readonly kind: 'cancelled' }
  /** Refunded at the provider: in part (`full` false) or in full. */
  | { readonly kind: 'refunded'; readonly full: boolean; readonly refundedMinor: number | null }
  | { readonly kind: 'unknown'; readonly raw: string };

export type ProviderErrorKind =
  | 'network'
  | 'timeout'
  | 'auth'
  | 'rejected'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'invalid_response'
  /**
   * The provider no longer says what became of a payment the terminal asked it to close (Orangepill
   * answers 404 once our DELETE went through), and money may have arrived just before: only a person
   * checking the provider's console can tell. Never read as "not paid".
   */
  | 'outcome_unknown';

export interface ProviderError {
  readonly kind: ProviderErrorKind;
  /** Cashier-facing; never contains a credential. */
  readonly message: string;
  /** The same sentence as a `Said`, where the client has one, for the cashier's language (notes, reasons, failures). */
  readonly said?: PaymentSaid;
  /** A refund's refusal as a `Said` (Opn's refund rules and answers), for the cashier's language. */
  readonly refundSaid?: RefundSaid;
  /** True when the request may have taken effect at the provider although we got no answer. */
  readonly ambiguous: boolean;
  readonly retryAfterMs?: number;
}

/** Why the provider's rules refuse an amount: the English sentence, and the same as a `Said` for the cashier's language. */
export interface AmountRefusal {
  readonly message: string;
  readonly said: AmountSaid;
}

/** A client's sentence about a payment, and the same as a `Said` for the cashier's language. */
export interface PaymentSentence {
  readonly message: string;
  readonly said: PaymentSaid;
}

/** One payment provider, spoken to over an injected fetch; the engine knows nothing else about it. */
export interface PaymentProvider {
  readonly method: MethodInfo;
  /** The provider's own amount rules, checked before any request. */
  checkAmount(amount: Money): Result<void, AmountRefusal>;
  create(request: CreatePaymentRequest): Promise<Result<CreatedPayment, ProviderError>>;
  status(providerRef: string): Promise<Result<ProviderStatus, ProviderError>>;
  /**
   * Closes a payment nobody has paid, reading its status first: one that has received money (paid, in
   * part, over, late) is never closed, and that status is the answer. `outcome_unknown` when the
   * provider hides what happened.
   */
  cancel(providerRef: string): Promise<Result<ProviderStatus, ProviderError>>;
  /**
   * Reconciliation after an ambiguous create: the payment made for our reference, if any. Only a
   * provider without `idempotentCreate` must make "null" mean "not there".
   */
  findByReference(reference: string): Promise<Result<CreatedPayment | null, ProviderError>>;
  /**
   * True when a create repeated for the same reference can only give back the first one (Orangepill's
   * idempotency key). An ambiguous create is then settled by repeating it, byte for byte; a lookup is
   * only a shortcut, and its "not found" or its failure proves nothing.
   */
  readonly idempotentCreate?: true;
  /**
   * Refunds part or all of a paid payment, enforcing the provider's own rules (e.g. Opn's 60 days)
   * with a cashier-facing message. Absent when the provider offers no refund API.
   */
  readonly refund?: (providerRef: string, amount: Money, paidAt: number) => Promise<Result<RefundResult, ProviderError>>;
}
