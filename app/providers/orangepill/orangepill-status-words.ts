import { isOrangepillStatus } from './orangepill-api';
import { assertNever } from '../../util/assert-never';

/** A failure's words, with Orangepill's reason when it gave one. */
const withReason = (label: string, reason: string | null): string => (reason === null ? label : `${label}: ${reason}`);

/**
 * An Orangepill status in plain words for the cashier ("Partly paid", never "INCOMPLETE"); exhaustive
 * over the documented statuses. The code itself is for a Details part only.
 */
export function orangepillStatusWords(status: string, reason: string | null = null): string {
  if (!isOrangepillStatus(status)) return `Orangepill status ${status.slice(0, 40)}, which the terminal does not know`;
  switch (status) {
    case 'CREATED':
    case 'PENDING':
      return 'Waiting for payment';
    case 'PROCESSING':
    case 'ACCEPTED':
      return 'Payment in progress';
    case 'DONE':
    case 'COMPLETED':
      return 'Paid';
    case 'OVERPAID':
      return 'Paid, more than the amount asked';
    case 'LATE':
      return 'Paid late, after the request expired';
    case 'INCOMPLETE':
      return 'Partly paid';
    case 'CANCELLED':
      return withReason('Cancelled', reason);
    case 'FAILED':
      return withReason('Payment failed', reason);
    case 'ERROR':
      return withReason('Orangepill reported an error', reason);
    case 'REFUND':
      return 'Being refunded';
    case 'REFUNDED':
      return 'Refunded';
    default:
      return assertNever(status, 'Orangepill status');
  }
}
