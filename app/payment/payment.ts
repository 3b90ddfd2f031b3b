import type { Money } from '../money/money';
import type { MethodId } from './method';

/** Why a payment did not complete: the raw provider code for the journal, a sentence for people. */
export interface Failure {
  readonly code: string;
  readonly message: string;
}

export interface QrCode {
  /** The exact text the QR encodes; what a test decodes back and compares. */
  readonly payload: string;
}

/**
 * Where a payment is. Final states are paid, failed, expired, cancelled and paid_after_cancel;
 * `unknown` is shown, never treated as paid, and polling goes on until the provider says more.
 */
export type PaymentState =
  | { readonly status: 'creating' }
  | { readonly status: 'awaiting' }
  | { readonly status: 'cancelling' }
  | { readonly status: 'unknown'; readonly providerStatus: string }
  | { readonly status: 'paid'; readonly paidAt: number }
  | { readonly status: 'failed'; readonly failure: Failure }
  | { readonly status: 'expired' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'paid_after_cancel'; readonly paidAt: number };

export type PaymentStatus = PaymentState['status'];

export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set([
  'paid',
  'failed',
  'expired',
  'cancelled',
  'paid_after_cancel',
]);

export function isFinal(state: PaymentState): boolean {
  return FINAL_STATUSES.has(state.status);
}

/** One sale's payment as the whole terminal sees it. Holds no secret, so it may go to any screen. */
export interface Payment {
  /** Our own terminal reference, unique per sale; sent to the provider. */
  readonly id: string;
  readonly amount: Money;
  readonly method: MethodId;
  /** An optional order number typed by the cashier. */
  readonly orderRef: string | null;
  readonly providerRef: string | null;
  readonly qr: QrCode | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly expiresAt: number | null;
  readonly state: PaymentState;
  /** A connection or provider problem the cashier should see while the payment stays as it is. */
  readonly notice: string | null;
}
