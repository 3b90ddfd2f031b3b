import { z } from 'zod';
import { says } from '../settings/field-problem';

/**
 * The people at the counter. With nobody listed the terminal is a one-person shop and asks no PIN;
 * once staff exist, every action carries who did it, and the manager's actions need a manager.
 */
const STAFF_ROLES = ['cashier', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A PIN is 4 to 8 digits: typed on the keypad, never stored, only its slow salted hash. */
const PIN_FORMAT = says('must be a PIN of 4 to 8 digits', { area: 'staff', kind: 'field_pin_format' });
export const staffPin = z.string({ error: PIN_FORMAT }).regex(/^\d{4,8}$/, { error: PIN_FORMAT });

export const staffId = z
  .string({ error: 'must be a staff id' })
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, { error: says('must be a short id of lower-case letters, digits, - and _ (e.g. "mei")', { area: 'staff', kind: 'field_staff_id' }) });

export const staffName = z
  .string({ error: 'must be a name' })
  .trim()
  .min(1, { error: says('must not be empty', { area: 'settings', kind: 'field_empty', hint: 'none' }) })
  .max(40, { error: says('must be at most 40 characters', { area: 'settings', kind: 'field_too_long', max: 40, hint: 'none' }) })
  .regex(/^[^\p{Cc}]*$/u, { error: says('must be plain text', { area: 'staff', kind: 'field_plain_text' }) });

export const staffRole = z.enum(STAFF_ROLES, { error: 'must be "cashier" or "manager"' });

/** One person as the screens see them: never the PIN, nor its hash. */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
}

/** Who did something, as the journal keeps it and the screens show it. */
export interface Operator {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
}

/** Who did something, as a sale or the audit keeps it: the name as it was then, whatever it is now. */
export interface OperatorRef {
  readonly id: string;
  readonly name: string;
}
