import type { PosApi } from '../../../app/ipc/pos-api';
import type { PosConnection } from '../../api/connect';
import { watchAnswers } from '../../api/watch-answers';
import { useCashierStore } from '../cashier-store';
import { answerManagerApproval, withManagerApproval } from './manager-approval';
import { createSession, type Session } from './session';
import { selectGate } from './session-slice';
import { useStaffStore } from './staff-store';

/**
 * The cashier page's sign-in, wired: the session (resumed after a dropped connection), and the API
 * every panel uses, through which any `sign_in_required` answer takes the screen back to sign-in.
 */
export function startStaffSession(pos: PosConnection): { readonly api: PosApi; readonly session: Session } {
  const session = createSession(pos.api, pos.connection, useStaffStore, withManagerApproval);
  const api = watchAnswers(pos.api, (error) => {
    if (error.code === 'sign_in_required') session.signInRequired();
  });
  useStaffStore.subscribe((state, previous) => {
    // Whoever signs in next starts without the last refusal on the sale's screen.
    if (state.operator !== previous.operator) useCashierStore.getState().setError(null);
    // Back at sign-in, the panel that asked for a manager is gone: its question goes too, unanswered.
    if (selectGate(previous) === 'open' && selectGate(state) !== 'open') answerManagerApproval(null);
  });
  return { api, session };
}
