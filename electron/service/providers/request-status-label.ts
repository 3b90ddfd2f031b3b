import { isOrangepillStatus, type OrangepillRequest } from '../../../app/providers/orangepill/orangepill-api';
import { errorText } from '../../../app/providers/orangepill/orangepill-status';
import { assertNever } from '../../../app/util/assert-never';

/** A failure's label, with Orangepill's reason when it gave one. */
const withReason = (label: string, request: OrangepillRequest): string => {
  const reason = errorText(request.error);
  return reason === null ? label : `${label}: ${reason}`;
};

/** An Orangepill request's status in plain words for the cashier; exhaustive over the documented statuses. */
export function requestStatusLabel(request: OrangepillRequest): string {
  const status = request.status;
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
      return withReason('Cancelled', request);
    case 'FAILED':
      return withReason('Payment failed', request);
    case 'ERROR':
      return withReason('Orangepill reported an error', request);
    case 'REFUND':
      return 'Being refunded';
    case 'REFUNDED':
      return 'Refunded';
    default:
      return assertNever(status, 'Orangepill status');
  }
}
