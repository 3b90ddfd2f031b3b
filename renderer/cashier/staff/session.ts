import type { StoreApi } from 'zustand';
import type { ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { StaffView } from '../../../app/ipc/staff-schemas';
import type { PosApi } from '../../../app/ipc/pos-api';
import type { ConnectionSource } from '../../api/connection-status';
import type { ApprovalRun, Approved } from './approval-flow';
import type { SessionSlice } from './session-slice';
import type { Told } from '../shared/told';

export type SessionApi = Pick<PosApi, 'signIn' | 'resumeSession' | 'signOut' | 'getStaff' | 'saveStaff'>;
export type Approve = <T>(run: ApprovalRun<T>) => Promise<Approved<T>>;

/** A PIN as main takes it (app/staff/staff.ts): checked here too, so a short one gets a plain sentence. */
export const PIN = /^\d{4,8}$/;

/** Why signing in failed: not a PIN at all (the screen says so in the cashier's language), or what main told (worded when shown). */
export type SignInRefusal = { readonly kind: 'pin_format' } | { readonly kind: 'refused'; readonly told: Told };

export interface Session {
  /** Signs this screen in; resolves with why not (a PIN too short, main's wrong PIN or wait), or null. */
  signIn(staffId: string, pin: string): Promise<SignInRefusal | null>;
  signOut(): Promise<void>;
  /** Reads the staff list and who is signed in here again. */
  refresh(): Promise<void>;
  /** Saves the staff list, with a manager's approval where main asks for one; null when the cashier went back. */
  saveStaff(args: CommandArgs<'saveStaff'>): Promise<Approved<StaffView>>;
  /** A command was answered `sign_in_required`: back to the sign-in screen, saying why. */
  signInRequired(): void;
  stop(): void;
}

/**
 * Signing in and staying signed in. The session token lives in this closure only (never in
 * localStorage), so a reload signs out; when the connection drops and comes back, the token resumes
 * the session on the new connection, and the cashier carries on.
 */
export function createSession(api: SessionApi, connection: ConnectionSource, store: StoreApi<SessionSlice>, approve: Approve): Session {
  const state = () => store.getState();
  let token: string | null = null;
  // Bumped by every sign-in and sign-out, so a staff list read before one of them cannot undo it.
  let turn = 0;

  const adopt = (view: StaffView): void => {
    const before = state().staff;
    state().setStaff(view);
    state().setOperator(view.signedIn);
    if (view.signedIn === null) token = null;
    if (view.protected && view.signedIn === null && before !== null && !before.protected) {
      state().setSignInNotice({ kind: 'listed' });
    }
  };

  const refresh = async (): Promise<void> => {
    const asked = turn;
    const view = await api.getStaff();
    if (view.ok && asked === turn) adopt(view.value);
  };

  const resume = async (): Promise<void> => {
    const held = token;
    if (held !== null) {
      const resumed = await api.resumeSession({ token: held });
      if (resumed.ok && resumed.value === null && token === held) {
        token = null;
        state().setSignInNotice({ kind: 'dropped' });
      }
    }
    await refresh();
  };

  const stopWatching = connection.onConnection((status) => {
    if (status === 'connected') void resume();
  });

  return {
    async signIn(staffId, pin) {
      if (!PIN.test(pin)) return { kind: 'pin_format' };
      const result = await api.signIn({ staffId, pin });
      if (!result.ok) {
        // Someone removed meanwhile: the list on screen is stale.
        void refresh();
        const { message, said } = result.error;
        return { kind: 'refused', told: said === undefined ? { message } : { message, said } };
      }
      turn += 1;
      token = result.value.sessionToken;
      state().setOperator(result.value.operator);
      state().setSignInNotice(null);
      return null;
    },
    async signOut() {
      turn += 1;
      token = null;
      state().setOperator(null);
      state().setSignInNotice(null);
      // Forgotten here whatever main answers: a dropped connection took its session with it.
      await api.signOut();
      await refresh();
    },
    refresh,
    async saveStaff(args) {
      const saved = await approve((approval) => api.saveStaff(args, approval));
      if (saved?.ok === true) {
        turn += 1;
        adopt(saved.value);
      }
      return saved;
    },
    signInRequired() {
      const was = state().operator;
      turn += 1;
      token = null;
      state().setOperator(null);
      state().setSignInNotice(was === null ? { kind: 'listed' } : { kind: 'ended', name: was.name });
      void refresh();
    },
    stop: stopWatching,
  };
}

/** True for an answer that means nobody is signed in on this screen any more. */
export const isSignInRequired = (result: ApiResult<unknown>): boolean => !result.ok && result.error.code === 'sign_in_required';
