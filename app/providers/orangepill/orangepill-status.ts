import { isOrangepillStatus, type OrangepillRequest } from './orangepill-api';
import type { ProviderStatus } from '../provider';
import { assertNever } from '../../util/assert-never';
import type { OrangepillFailedStatus } from '../../i18n/said/payment';

export interface StatusContext {
  /** When the answer was read; the paid time when the log does not say. */
  readonly now: number;
  /** True when this terminal asked for the cancel, so CANCELLED is our own doing and not a failure. */
  readonly cancelledByUs: boolean;
}

const MAX_REASON_LENGTH = 200;

/** The request's `error`, as a short sentence fragment, or null. */
export function errorText(error: unknown): string | null {
  const text =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : null;
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, MAX_REASON_LENGTH);
}

/** When the request reached its current status, from the log; `now` when the log does not say. */
function reachedAt(request: OrangepillRequest, now: number): number {
  const entries = (request.log ?? []).filter((e) => e.status === request.status && e.created_at !== undefined);
  return entries.at(-1)?.created_at ?? now;
}

/** The English sentence for each status that ends a request unpaid (the cashier screen words each in its language). */
export const ORANGEPILL_FAILURE_SENTENCES: Readonly<Record<OrangepillFailedStatus, string>> = {
  CANCELLED: 'Orangepill cancelled the payment request',
  FAILED: 'The Orangepill payment failed',
  ERROR: 'Orangepill reported an error with the payment',
};

function failure(status: OrangepillFailedStatus, request: OrangepillRequest): ProviderStatus {
  const reason = errorText(request.error);
  const sentence = ORANGEPILL_FAILURE_SENTENCES[status];
  return {
    kind: 'failed',
    failure: {
      code: status,
      message: reason === null ? `${sentence}.` : `${sentence}: ${reason}`,
      said: { area: 'payment', kind: 'orangepill_failure', status, reason },
    },
  };
}

/** Exhaustive over the documented statuses; anything else is "unknown", which is never paid. */
export function mapOrangepillStatus(request: OrangepillRequest, context: StatusContext): ProviderStatus {
  const status = request.status;
  if (!isOrangepillStatus(status)) return { kind: 'unknown', raw: status };
  switch (status) {
    case 'CREATED':
    case 'PENDING':
    case 'PROCESSING':
    case 'ACCEPTED':
      return { kind: 'pending' };
    case 'DONE':
    case 'COMPLETED':
      return { kind: 'paid', paidAt: reachedAt(request, context.now) };
    // The doc reports no amount received (its `related` entries only name transactions), so each of
    // these maps from the status alone and the screens say "amount not reported".
    case 'OVERPAID':
      return { kind: 'paid', paidAt: reachedAt(request, context.now), overpaid: true };
    case 'INCOMPLETE':
      return { kind: 'partially_paid', received: null };
    case 'LATE':
      return { kind: 'paid', paidAt: reachedAt(request, context.now), late: true };
    case 'CANCELLED':
      return context.cancelledByUs
        ? { kind: 'cancelled' }
        : failure(status, request);
    case 'FAILED':
    case 'ERROR':
      return failure(status, request);
    case 'REFUND':
      return { kind: 'refunded', full: false, refundedMinor: null };
    case 'REFUNDED':
      return { kind: 'refunded', full: true, refundedMinor: null };
    default:
      return assertNever(status, 'Orangepill status');
  }
}
