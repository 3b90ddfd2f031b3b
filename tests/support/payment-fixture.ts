import type { Payment } from '../../app/payment/payment';

/** 2026-01-01T00:00:00Z: the time the payment fixtures start at unless a test says otherwise. */
export const FIXTURE_T0 = 1_767_225_600_000;

/**
 * A payment as the engine would hold one, every field at its plainest (a sale just being created),
 * with `patch` laid over: each test names only what it is about.
 */
export function aPayment(patch: Partial<Payment> = {}): Payment {
  return {
    id: 'T1',
    amount: { minor: 1234, currency: 'SGD' },
    method: 'atome',
    orderRef: null,
    payerAlias: null,
    providerRef: null,
    qr: null,
    createdAt: FIXTURE_T0,
    updatedAt: FIXTURE_T0,
    expiresAt: null,
    state: { status: 'creating' },
    refundedMinor: 0,
    notice: null,
    ...patch,
  };
}
