import type { Payment, PaymentStatus } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';

/** The two tones the cashier learns: money arrived, or the sale did not go through. */
export type SoundCue = 'paid' | 'failed';

/**
 * Which tone a status earns. Cancelled and needs-attention get none: a cancel is the cashier's own
 * act, and needs-attention holds the screen with a panel that asks for a decision.
 */
export function cueForStatus(status: PaymentStatus): SoundCue | null {
  switch (status) {
    case 'paid':
      return 'paid';
    case 'failed':
    case 'expired':
      return 'failed';
    case 'creating':
    case 'awaiting':
    case 'cancelling':
    case 'unknown':
    case 'needs_attention':
    case 'partially_paid':
    case 'cancelled':
    case 'cancelled_with_money':
    case 'paid_after_cancel':
    case 'refunded':
      return null;
    default:
      return assertNever(status, 'payment status');
  }
}

/**
 * The tone for a change the cashier just watched happen: the same payment moving into a new status.
 * A payment first seen already final (a reload, a reconnect's snapshot) plays nothing, so a tone
 * always means "just now".
 */
export function cueForChange(previous: Payment | null, next: Payment | null): SoundCue | null {
  if (previous === null || next === null || previous.id !== next.id) return null;
  if (previous.state.status === next.state.status) return null;
  return cueForStatus(next.state.status);
}
