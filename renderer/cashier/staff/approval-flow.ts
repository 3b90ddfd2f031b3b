import type { ApiError, ApiResult } from '../../../app/ipc/contract';
import type { Told } from '../shared/told';
import type { Approval } from '../../../app/ipc/staff-schemas';
import type { StoreApi } from 'zustand';
import type { ApprovalSlice } from './approval-slice';

/** One command, sent without an approval first and then again with the manager's PIN given. */
export type ApprovalRun<T> = (approval: Approval | undefined) => Promise<ApiResult<T>>;

/** What a command through the approval came to: main's answer, or null when the cashier went back. */
export type Approved<T> = ApiResult<T> | null;

export interface ApprovalFlow {
  /**
   * Runs `run`; if main answers `approval_required`, asks for a manager's PIN on the spot and runs the
   * same command again with it, as often as main refuses the PIN. Resolves with main's first answer
   * that is not a request for approval, or null when the cashier pressed Back: then nothing was done.
   */
  readonly withManagerApproval: <T>(run: ApprovalRun<T>) => Promise<Approved<T>>;
  /** The dialog's answer: a manager and their PIN, or null for Back. */
  readonly answer: (approval: Approval | null) => void;
}

const needsApproval = (result: ApiResult<unknown>): result is { ok: false; error: ApiError & { code: 'approval_required' } } =>
  !result.ok && result.error.code === 'approval_required';

/** Only what the dialog shows of main's refusal: its sentence, and its `Said` where main sent one. */
const toldOf = ({ message, said }: ApiError): Told => (said === undefined ? { message } : { message, said });

/**
 * The one way the cashier screen gets a manager's approval, whatever the command (refund, close day,
 * settings, devices, staff, a parked payment): main decides when it is needed and says why; the
 * screen only asks and retries. One question at a time: a second command needing approval meanwhile
 * gets main's refusal as it is.
 */
export function createApprovalFlow(store: StoreApi<ApprovalSlice>): ApprovalFlow {
  let asking = false;
  let waiting: ((approval: Approval | null) => void) | null = null;
  const show = (sentence: Told, problem: Told | null, sending: boolean): void => store.getState().setApprovalRequest({ sentence, problem, sending });

  const withManagerApproval = async <T>(run: ApprovalRun<T>): Promise<Approved<T>> => {
    const first = await run(undefined);
    if (!needsApproval(first) || asking) return first;
    asking = true;
    const sentence = toldOf(first.error);
    let problem: Told | null = null;
    try {
      for (;;) {
        show(sentence, problem, false);
        const approval = await new Promise<Approval | null>((resolve) => {
          waiting = resolve;
        });
        if (approval === null) return null;
        show(sentence, problem, true);
        const result = await run(approval);
        if (!needsApproval(result)) return result;
        problem = toldOf(result.error);
      }
    } finally {
      asking = false;
      waiting = null;
      store.getState().setApprovalRequest(null);
    }
  };

  return {
    withManagerApproval,
    answer: (approval) => {
      const resolve = waiting;
      waiting = null;
      resolve?.(approval);
    },
  };
}
