import { isOrangepillStatus } from '../../../app/providers/orangepill/orangepill-statuses';
import { assertNever } from '../../../app/util/assert-never';
import type { PaymentWords } from '../words/payment';

/**
 * An Orangepill status in plain words for the cashier ("Partly paid", never "INCOMPLETE"), in the
 * cashier's language: the renderer's copy of app/providers/orangepill/orangepill-status-words.ts,
 * whose English the service keeps for its own sentences. The code itself is for Details only.
 */
export function trailStatusText(status: string, words: PaymentWords): string {
  const w = words.trail;
  if (!isOrangepillStatus(status)) return w.unknown(status.slice(0, 40));
  switch (status) {
    case 'CREATED':
    case 'PENDING':
      return w.waiting;
    case 'PROCESSING':
    case 'ACCEPTED':
      return w.inProgress;
    case 'DONE':
    case 'COMPLETED':
      return w.paid;
    case 'OVERPAID':
      return w.overpaid;
    case 'LATE':
      return w.late;
    case 'INCOMPLETE':
      return w.partlyPaid;
    case 'CANCELLED':
      return w.cancelled;
    case 'FAILED':
      return w.failed;
    case 'ERROR':
      return w.error;
    case 'REFUND':
      return w.refunding;
    case 'REFUNDED':
      return w.refunded;
    default:
      return assertNever(status, 'Orangepill status');
  }
}
