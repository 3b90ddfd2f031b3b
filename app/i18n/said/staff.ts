import type { Money } from '../../money/money';

/** The commands a cashier needs a manager's PIN for (app/ipc/access.ts MANAGER_ACTION), as the screen words them. */
export const MANAGER_ACTIONS = [
  'refund',
  'closeDay',
  'saveDeviceSettings',
  'saveSettings',
  'testConnection',
  'saveStaff',
  'resolveParked',
  'approveDisplay',
  'revokeDisplay',
  'createPosClient',
  'revokePosClient',
  'newPosCertificate',
] as const;
export type ManagerAction = (typeof MANAGER_ACTIONS)[number];

/** Why a PIN was not taken: nobody chosen, a wrong PIN (with the wait before the next try, 0 for none), or too many. */
export type PinRefusalSaid =
  | { readonly area: 'staff'; readonly kind: 'choose_who' }
  | { readonly area: 'staff'; readonly kind: 'wrong_pin'; readonly name: string; readonly waitMs: number }
  | { readonly area: 'staff'; readonly kind: 'too_many_wrong'; readonly waitMs: number };

/** What a manager's approval needs: the action, or a refund of `amount` (then `action` is 'refund'). */
interface ManagerNeed {
  readonly action: ManagerAction;
  readonly amount: Money | null;
}

/** A problem at one field of the staff list, as the Staff panel shows it beside the field. */
export type StaffFieldSaid =
  | { readonly area: 'staff'; readonly kind: 'field_pin_format' }
  | { readonly area: 'staff'; readonly kind: 'field_staff_id' }
  | { readonly area: 'staff'; readonly kind: 'field_plain_text' }
  | { readonly area: 'staff'; readonly kind: 'field_id_twice'; readonly id: string }
  | { readonly area: 'staff'; readonly kind: 'field_pin_for_new' }
  | { readonly area: 'staff'; readonly kind: 'field_one_manager' };

/**
 * What the service says about staff: signing in, PINs and a manager's approval (see ../said.ts).
 */
export type StaffSaid =
  /** Staff are listed and nobody is signed in on this screen. */
  | { readonly area: 'staff'; readonly kind: 'sign_in_first' }
  | PinRefusalSaid
  /** "A manager's PIN is needed to close the day" (or "to refund SGD 5.00"). */
  | ({ readonly area: 'staff'; readonly kind: 'manager_needed' } & ManagerNeed)
  /** A manager's PIN was given and not taken: `refusal` says why. */
  | ({ readonly area: 'staff'; readonly kind: 'manager_pin_refused'; readonly refusal: PinRefusalSaid } & ManagerNeed)
  /** The PIN given for approval is right, but `name` is not a manager. */
  | ({ readonly area: 'staff'; readonly kind: 'not_a_manager'; readonly name: string } & ManagerNeed)
  /** The staff file `file` cannot be read (`problem`), so the manager's actions are refused until it is restored. */
  | { readonly area: 'staff'; readonly kind: 'staff_file_damaged'; readonly file: string; readonly problem: 'not_json' | 'unexpected' }
  /** The staff list could not be written to `file`; `reason` is the system's. */
  | { readonly area: 'staff'; readonly kind: 'staff_not_written'; readonly file: string; readonly reason: string }
  | StaffFieldSaid;
