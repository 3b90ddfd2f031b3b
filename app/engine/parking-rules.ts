import type { RefundSaid } from '../i18n/said/refund';
import { isFinal, type Payment } from '../payment/payment';

/**
 * True once a sale's QR has run out while its outcome is still open: the screens take the QR down then,
 * whatever the provider says, though the payment itself stays open (money may still arrive).
 */
export function qrExpired(payment: Pick<Payment, 'expiresAt' | 'state'>, now: number): boolean {
  return payment.expiresAt !== null && now >= payment.expiresAt && !isFinal(payment.state);
}

/** Why a sale cannot be parked: the English sentence, and the same as a `Said`. */
export interface ParkRefusal {
  readonly message: string;
  readonly said: RefundSaid;
}

const refusal = (kind: 'park_ended' | 'park_already' | 'park_creating' | 'park_still_payable', message: string): ParkRefusal => ({
  message,
  said: { area: 'refund', kind },
});

/**
 * Why this sale cannot be parked, or null when it can. A sale is parked when its outcome cannot be
 * learned now, so the counter can take the next one: its QR has expired, the provider's answer cannot be
 * trusted, or the provider cannot be reached (a notice stands, e.g. after a cancel that failed).
 */
export function parkRefusal(payment: Payment, now: number): ParkRefusal | null {
  if (isFinal(payment.state)) return refusal('park_ended', 'This sale has already ended, so there is nothing to park: start the next sale');
  if (payment.parkedAt !== undefined) return refusal('park_already', 'This sale is already parked: it is in the Needs attention list');
  if (payment.state.status === 'creating' || payment.providerRef === null) {
    return refusal('park_creating', 'The sale is still being created: wait for its QR or for the provider to answer');
  }
  if (qrExpired(payment, now)) return null;
  const status = payment.state.status;
  if (status === 'needs_attention' || status === 'unknown' || payment.notice !== null) return null;
  return refusal('park_still_payable', 'The customer can still pay this QR and the provider is answering: wait for the outcome, or cancel the payment');
}
