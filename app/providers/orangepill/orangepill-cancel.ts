import type { OrangepillRequest } from './orangepill-api';
import { ORANGEPILL_LABEL } from './orangepill-http';
import type { ProviderError, ProviderStatus } from '../provider';
import { err, ok, type Result } from '../../util/result';

/** A request as read for a cancel: its status, normalised (with its trail), and as Orangepill wrote it. */
export interface ReadRequest {
  readonly status: ProviderStatus;
  readonly request: OrangepillRequest;
}

export interface OrangepillCancelDeps {
  read(id: string): Promise<Result<ReadRequest, ProviderError>>;
  /** DELETE /v1/apps/payment/:id; the doc's answer is the id as a JSON string. */
  remove(id: string): Promise<Result<string, ProviderError>>;
  /** Requests this terminal cancelled: their CANCELLED is our own doing, not a failure to report. */
  readonly cancelledByUs: Set<string>;
}

/** What the terminal knows of a DELETE it sent, to explain the 404 that follows it. */
interface DeleteRecord {
  readonly lastStatus: string;
  /** A payer had begun (any open status but CREATED, or a related transaction): money may have landed. */
  readonly engaged: boolean;
  readonly answer: string;
}

export interface OrangepillCanceller {
  cancel(id: string): Promise<Result<ProviderStatus, ProviderError>>;
  /** A failed read, explained: a 404 for a request this terminal deleted is not "no such request". */
  explainMissing(id: string, error: ProviderError): Result<ProviderStatus, ProviderError>;
}

/**
 * The doc's CREATED is what a request starts with; PENDING, PROCESSING, ACCEPTED or a related
 * transaction mean a payer has begun, so money may land while a DELETE travels.
 */
const engaged = (request: OrangepillRequest): boolean =>
  request.status !== 'CREATED' || (request.related ?? []).some((r) => r.type === 'transaction');

/**
 * Cancel, status first. A request that has received money (DONE, INCOMPLETE, OVERPAID, LATE, …) or says
 * anything but open is never deleted: that status is the answer. An open one is deleted, then read
 * again. The doc does not say what GET answers for a deleted request, so a 404 there hides the
 * outcome: a request nobody had begun to pay is cancelled; one a payer had begun needs a person.
 */
export function createOrangepillCanceller(deps: OrangepillCancelDeps): OrangepillCanceller {
  const deleted = new Map<string, DeleteRecord>();

  const explainMissing = (id: string, error: ProviderError): Result<ProviderStatus, ProviderError> => {
    const record = deleted.get(id);
    if (error.kind !== 'not_found' || record === undefined) return err(error);
    if (!record.engaged) return ok({ kind: 'cancelled' });
    return err({
      kind: 'outcome_unknown',
      message:
        `The terminal cancelled ${ORANGEPILL_LABEL} request ${id} while it was ${record.lastStatus}: DELETE answered ${record.answer}, ` +
        `then GET answered 404 (${error.message}). ${ORANGEPILL_LABEL} no longer says whether money arrived just before the cancel; ` +
        `check the request in ${ORANGEPILL_LABEL}'s console`,
      said: { area: 'payment', kind: 'outcome_hidden', requestId: id, lastStatus: record.lastStatus, deleteAnswer: record.answer, notFound: error.message },
      ambiguous: false,
    });
  };

  const cancel = async (id: string): Promise<Result<ProviderStatus, ProviderError>> => {
    const before = await deps.read(id);
    if (!before.ok) return explainMissing(id, before.error);
    if (before.value.status.kind !== 'pending') return ok(before.value.status);
    deps.cancelledByUs.add(id);
    const removed = await deps.remove(id);
    if (!removed.ok && !removed.error.ambiguous) {
      deps.cancelledByUs.delete(id);
      // Refused: it may have moved on since the read (paid, say), and then that is the answer.
      const again = await deps.read(id);
      return again.ok && again.value.status.kind !== 'pending' ? ok(again.value.status) : removed;
    }
    const answer = removed.ok ? JSON.stringify(removed.value) : `nothing the terminal received (${removed.error.message})`;
    deleted.set(id, { lastStatus: before.value.request.status, engaged: engaged(before.value.request), answer });
    const after = await deps.read(id);
    if (!after.ok) {
      const explained = explainMissing(id, after.error);
      // A DELETE that answered for a request nobody had begun is the cancel, even if the read after it fails.
      return !explained.ok && removed.ok && !engaged(before.value.request) && explained.error.kind !== 'outcome_unknown'
        ? ok({ kind: 'cancelled' })
        : explained;
    }
    // Still open after a DELETE that never answered: not cancelled yet, as far as anyone can tell.
    return after.value.status.kind === 'pending' && !removed.ok ? removed : ok(after.value.status);
  };

  return { cancel, explainMissing };
}
