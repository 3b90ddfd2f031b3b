import { z } from 'zod';
import type { SavedFileReadSaid } from '../i18n/said/settings';
import type { StaffSaid } from '../i18n/said/staff';
import { staffId, staffName, staffPin, staffRole, type Operator, type StaffMember } from '../staff/staff';

/**
 * The staff commands (spread into `commandSchemas`): signing in and out with a PIN, and the staff
 * list itself. A PIN travels only inside these arguments and an approval, and is never sent back.
 */

/** A manager's PIN given on the spot for one action a cashier may not do alone. */
export const approvalSchema = z.strictObject({ staffId, pin: staffPin });
export type Approval = z.infer<typeof approvalSchema>;

export const refundApprovalArgs = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('all') }),
    z.strictObject({
      mode: z.literal('over'),
      thresholdMinor: z.number({ error: 'must be an amount in minor units' }).int({ error: 'must be a whole number of minor units' }).nonnegative(),
    }),
    z.strictObject({ mode: z.literal('none') }),
  ],
  { error: 'must say when a refund needs a manager: "all", "over" an amount, or "none"' },
);

export const staffSchemas = {
  /** Signs this screen in: who is at the counter, proved by their PIN. */
  signIn: z.strictObject({ staffId, pin: staffPin }),
  /** After a reconnect or reload: the session the screen was given at sign-in, instead of the PIN again. */
  resumeSession: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, { error: 'must be a session token' }) }),
  signOut: z.strictObject({}),
  getStaff: z.strictObject({}),
  /** The whole staff list, as the settings screen edits it; a PIN only for someone new or changed. */
  saveStaff: z.strictObject({
    members: z
      .array(z.strictObject({ id: staffId, name: staffName, role: staffRole, pin: staffPin.optional() }), { error: 'must be a list of staff' })
      .max(100, { error: 'must list at most 100 people' }),
    refundApproval: refundApprovalArgs,
  }),
} as const;

export interface SignedIn {
  readonly operator: Operator;
  /** Kept by the page in memory only, to resume after a dropped connection. */
  readonly sessionToken: string;
}

/** What the screens know of the staff: who is listed, what is protected, and who is signed in here. */
export interface StaffView {
  readonly members: readonly StaffMember[];
  /** True once anyone is listed: sales need a signed-in person, the manager's actions a manager. */
  readonly protected: boolean;
  readonly refundApproval: z.infer<typeof refundApprovalArgs>;
  readonly signedIn: Operator | null;
  /** A sentence for the settings screen when nothing is protected, or the staff list cannot be read. */
  readonly warning: string | null;
  /** The warning as a `Said` when the service words it (a damaged staff file); nobody listed is `UNPROTECTED_WARNING`. */
  readonly warningSaid?: StaffSaid | SavedFileReadSaid;
}

export interface StaffResults {
  readonly signIn: SignedIn;
  readonly resumeSession: Operator | null;
  readonly signOut: null;
  readonly getStaff: StaffView;
  readonly saveStaff: StaffView;
}
