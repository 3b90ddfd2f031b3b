import { isOrangepillStatus, type OrangepillRequest } from './orangepill-api';
import type { ProviderStatus } from '../provider';
import { assertNever } from '../../util/assert-never';

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

function failure(code: string, sentence: string, request: OrangepillRequest): ProviderStatus {
  const reason = errorText(request.error);
  return { kind: 'failed', failure: { code, message: reason === null ? `${sentence}.` : `${sentence}: ${reason}` } };
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
        : failure(status, 'Orangepill cancelled the payment request', request);
    case 'FAILED':
      return failure(status, 'The Orangepill payment failed', request);
    case 'ERROR':
      return failure(status, 'Orangepill reported an error with the payment', request);
    case 'REFUND':
      return { kind: 'refunded', full: false, refundedMinor: null };
    case 'REFUNDED':
      return { kind: 'refunded', full: true, refundedMinor: null };
    default:
      return assertNever(status, 'Orangepill status');
  }
}
