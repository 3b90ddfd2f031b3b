import type { Money } from '../money/money';
import type { Payment } from '../payment/payment';
import type { Checkout, CheckoutMethod } from './checkout-schemas';
import { checkoutOutcome } from './checkout-status';

/** What the POS asked for, fixed at creation. */
export interface CheckoutRequest {
  readonly id: string;
  readonly client: string;
  readonly amount: Money;
  readonly method: CheckoutMethod;
  readonly reference: string;
  readonly description: string | null;
  readonly createdAt: number;
}

/** Where the request is: waiting its turn, withdrawn before it started, or the sale it became. */
export type CheckoutProgress =
  | { readonly phase: 'queued'; readonly position: number; readonly at: number }
  /** Accepted, and being handed to the engine now. */
  | { readonly phase: 'starting'; readonly at: number }
  /** Never started: cancelled by the POS while queued, or refused by the counter when its turn came (`failure`). */
  | { readonly phase: 'withdrawn'; readonly at: number; readonly failure?: { readonly code: string; readonly message: string } }
  | { readonly phase: 'started'; readonly payment: Payment };

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The checkout as the API reports it. A queued or starting request is pending; one withdrawn before
 * it started is cancelled, or failed when the counter refused it (nothing was ever shown to a
 * customer, so no money can have arrived); a started one reads as its payment does (checkout-status.ts).
 */
export function checkoutView(request: CheckoutRequest, progress: CheckoutProgress, providerName: string, locale?: string): Checkout {
  const base = {
    id: request.id,
    amount: request.amount,
    method: request.method,
    reference: request.reference,
    description: request.description,
    client: request.client,
    createdAt: iso(request.createdAt),
    refunded: { minor: 0, currency: request.amount.currency },
    received: null,
    failure: null,
    attention: null,
    qr: null,
    expiresAt: null,
    queuePosition: null,
    provider: { name: providerName, paymentId: null, providerRef: null },
  };
  switch (progress.phase) {
    case 'queued':
      return { ...base, status: 'pending', updatedAt: iso(progress.at), queuePosition: progress.position };
    case 'starting':
      return { ...base, status: 'pending', updatedAt: iso(progress.at) };
    case 'withdrawn':
      return progress.failure === undefined
        ? { ...base, status: 'cancelled', updatedAt: iso(progress.at) }
        : { ...base, status: 'failed', updatedAt: iso(progress.at), failure: progress.failure };
    case 'started': {
      const { payment } = progress;
      const outcome = checkoutOutcome(payment, locale);
      return {
        ...base,
        ...outcome,
        updatedAt: iso(payment.updatedAt),
        expiresAt: payment.expiresAt === null ? null : iso(payment.expiresAt),
        qr: payment.qr?.payload == null ? null : { payload: payment.qr.payload },
        refunded: { minor: payment.refundedMinor, currency: payment.amount.currency },
        provider: { name: providerName, paymentId: payment.id, providerRef: payment.providerRef },
      };
    }
  }
}
