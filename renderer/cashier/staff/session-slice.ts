import type { StateCreator } from 'zustand';
import type { StaffView } from '../../../app/ipc/staff-schemas';
import type { Operator } from '../../../app/staff/staff';

/**
 * Why the screen asks for a PIN though the cashier did not sign out: staff are listed now, the session
 * was lost while the connection was down, or this person's session ended (removed, say). Said in the
 * cashier's language when shown.
 */
export type SignInNotice = { readonly kind: 'listed' } | { readonly kind: 'dropped' } | { readonly kind: 'ended'; readonly name: string };

/** Who is at the counter on this screen, as main last said it. */
export interface SessionSlice {
  /** The staff list and what is protected; null until main has answered once. */
  readonly staff: StaffView | null;
  /** The person signed in on this screen, or null (nobody, or a one-person shop). */
  readonly operator: Operator | null;
  /** Why the screen is asking for a PIN when the cashier did not sign out, e.g. after being removed. */
  readonly signInNotice: SignInNotice | null;
  readonly setStaff: (staff: StaffView) => void;
  readonly setOperator: (operator: Operator | null) => void;
  readonly setSignInNotice: (notice: SignInNotice | null) => void;
}

export const createSessionSlice: StateCreator<SessionSlice> = (set) => ({
  staff: null,
  operator: null,
  signInNotice: null,
  setStaff: (staff) => set({ staff }),
  setOperator: (operator) => set({ operator }),
  setSignInNotice: (signInNotice) => set({ signInNotice }),
});

/** What the cashier page shows: nothing yet, the sign-in screen, or the counter. */
export type Gate = 'waiting' | 'sign_in' | 'open';

export function selectGate(s: Pick<SessionSlice, 'staff' | 'operator'>): Gate {
  if (s.staff === null) return 'waiting';
  return s.staff.protected && s.operator === null ? 'sign_in' : 'open';
}
