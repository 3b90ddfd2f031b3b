import { isOrangepillStatus, type OrangepillRequest } from './orangepill-api';
import { asCurrency, wireAmountToMinor } from './orangepill-body';
import type { ProviderStatus } from '../provider';
import type { Money } from '../../money/money';
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

/**
 * How much has arrived, in minor units of the request's asset. Read from the related transactions
 * when every one of them carries an `amount` in that asset (split payments add up there); otherwise
 * from `data.received`; otherwise unknown (null), since a guess about money is worse than none.
 */
export function receivedMinor(request: OrangepillRequest): number | null {
  const asset = request.asset;
  if (asset === undefined) return null;
  const transactions = (request.related ?? []).filter((r) => r.type === 'transaction');
  if (transactions.length > 0 && transactions.every((t) => t.amount !== undefined && (t.asset ?? asset) === asset)) {
    let sum = 0;
    for (const t of transactions) {
      const minor = t.amount === undefined ? null : wireAmountToMinor(t.amount, asset);
      if (minor === null) return null;
      sum += minor;
    }
    return sum;
  }
  const reported = request.data?.received;
  return reported === undefined ? null : wireAmountToMinor(reported, asset);
}

function received(request: OrangepillRequest): Money | null {
  const currency = asCurrency(request.asset);
  const minor = receivedMinor(request);
  return currency === null || minor === null ? null : { minor, currency };
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
    case 'OVERPAID': {
      const got = received(request);
      return { kind: 'paid', paidAt: reachedAt(request, context.now), ...(got === null ? {} : { received: got }) };
    }
    case 'INCOMPLETE': {
      // Without the amount that arrived the cashier cannot decide anything: show the raw status instead.
      const got = received(request);
      return got === null ? { kind: 'unknown', raw: status } : { kind: 'partially_paid', received: got };
    }
    case 'LATE': {
      const got = received(request);
      return { kind: 'paid', paidAt: reachedAt(request, context.now), late: true, ...(got === null ? {} : { received: got }) };
    }
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
