import type { Money } from '../money/money';
import type { MethodInfo } from '../payment/method';
import type { Failure, QrCode } from '../payment/payment';
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

/** What a provider keeps about a payment's history (Orangepill's `log` and `related`), shown in its detail. */
export interface ProviderTrail {
  readonly log: readonly { readonly status: string; readonly at: number | null }[];
  readonly related: readonly { readonly type: string; readonly value: string; readonly at: number | null }[];
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
  | { readonly kind: 'partially_paid'; readonly received: Money }
  | { readonly kind: 'paid'; readonly paidAt: number; readonly received?: Money; readonly late?: true }
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
  | 'invalid_response';

export interface ProviderError {
  readonly kind: ProviderErrorKind;
  /** Cashier-facing; never contains a credential. */
  readonly message: string;
  /** True when the request may have taken effect at the provider although we got no answer. */
  readonly ambiguous: boolean;
  readonly retryAfterMs?: number;
}

/** One payment provider, spoken to over an injected fetch; the engine knows nothing else about it. */
export interface PaymentProvider {
  readonly method: MethodInfo;
  /** The provider's own amount rules, checked before any request. */
  checkAmount(amount: Money): Result<void, string>;
  create(request: CreatePaymentRequest): Promise<Result<CreatedPayment, ProviderError>>;
  status(providerRef: string): Promise<Result<ProviderStatus, ProviderError>>;
  cancel(providerRef: string): Promise<Result<ProviderStatus, ProviderError>>;
  /** Reconciliation after an ambiguous create: the payment made for our reference, if any. */
  findByReference(reference: string): Promise<Result<CreatedPayment | null, ProviderError>>;
  /**
   * Refunds part or all of a paid payment, enforcing the provider's own rules (e.g. Opn's 60 days)
   * with a cashier-facing message. Absent when the provider offers no refund API.
   */
  readonly refund?: (providerRef: string, amount: Money, paidAt: number) => Promise<Result<RefundResult, ProviderError>>;
}
