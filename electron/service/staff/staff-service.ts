import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../app/engine/clock';
import type { Operator, StaffMember } from '../../../app/staff/staff';
import { err, ok, type Result } from '../../../app/util/result';
import { createPinAttempts, waitWords } from './pin-attempts';
import { hashPin, verifyPin } from './pin-hash';
import { EMPTY_STAFF, loadStaff, saveStaff, type RefundApproval, type StaffFile, type StaffFileProblem, type StoredStaffMember } from './staff-store';
import type { Said } from '../../../app/i18n/said';
import type { PinRefusalSaid } from '../../../app/i18n/said/staff';
import { noFieldProblems, putProblem, type FieldProblems } from '../settings/settings-locks';

/** A signed-in screen stays signed in while used; after this long untouched it must sign in again. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 64;

export interface StaffEdit {
  readonly id: string;
  readonly name: string;
  readonly role: StaffMember['role'];
  /** A new PIN; required for someone new, optional (unchanged) for someone already listed. */
  readonly pin?: string | undefined;
}

export interface StaffService {
  /** Staff are listed: sales need a signed-in person and the manager's actions a manager. */
  protected(): boolean;
  /** Why manager actions are refused outright (a damaged staff file, read as no staff), or null. */
  problem(): StaffFileProblem | null;
  members(): readonly StaffMember[];
  refundApproval(): RefundApproval;
  /** Checks a PIN for a person; `screen` names the connection, so guessing from one screen is slowed too. */
  check(staffId: string, pin: string, screen: string): Promise<Result<Operator, PinRefusal>>;
  /** A token the screen can present after a reconnect, instead of the PIN again. */
  openSession(operator: Operator): string;
  resumeSession(token: string): Operator | null;
  closeSession(token: string): void;
  save(members: readonly StaffEdit[], refundApproval: RefundApproval): Promise<Result<void, FieldProblems>>;
}

/** Why a PIN was not taken, in English and as a `Said`. */
export interface PinRefusal {
  readonly message: string;
  readonly said: PinRefusalSaid;
}

function wrongPin(name: string, waitMs: number): PinRefusal {
  const message = waitMs === 0 ? `Wrong PIN for ${name}` : `Wrong PIN for ${name}: try again in ${waitWords(waitMs)}`;
  return { message, said: { area: 'staff', kind: 'wrong_pin', name, waitMs } };
}

const asOperator = (member: StaffMember): Operator => ({ id: member.id, name: member.name, role: member.role });

const PIN_FOR_NEW = 'is needed for someone new';

function oneProblem(path: string, message: string, said: Said): FieldProblems {
  const problems = noFieldProblems();
  putProblem(problems, path, message, said);
  return problems;
}

/** What is wrong with a staff list before any PIN is hashed: an id twice, someone new without a PIN, no manager. */
function listProblems(members: readonly StaffEdit[], listed: (id: string) => boolean): FieldProblems {
  const problems = noFieldProblems();
  const ids = new Set<string>();
  members.forEach((m, i) => {
    if (ids.has(m.id)) putProblem(problems, `staff.${String(i)}.id`, `is used twice: ${m.id}`, { area: 'staff', kind: 'field_id_twice', id: m.id });
    ids.add(m.id);
    if (m.pin === undefined && !listed(m.id)) putProblem(problems, `staff.${String(i)}.pin`, PIN_FOR_NEW, { area: 'staff', kind: 'field_pin_for_new' });
  });
  if (members.length > 0 && !members.some((m) => m.role === 'manager')) {
    const message = 'must list at least one manager: without one, nobody could refund, close the day or change settings';
    putProblem(problems, 'staff', message, { area: 'staff', kind: 'field_one_manager' });
  }
  return problems;
}

export function createStaffService(options: { readonly file: string | null; readonly clock: Pick<Clock, 'now'> }): StaffService {
  const loaded = options.file === null ? ({ ok: true, value: EMPTY_STAFF } as const) : loadStaff(options.file);
  let current: StaffFile = loaded.ok ? loaded.value : EMPTY_STAFF;
  const damaged = loaded.ok ? null : loaded.error;
  const attempts = createPinAttempts(options.clock);
  const sessions = new Map<string, { operator: Operator; usedAt: number }>();

  const find = (id: string): StoredStaffMember | undefined => current.staff.find((m) => m.id === id);

  return {
    protected: () => current.staff.length > 0,
    problem: () => damaged,
    members: () => current.staff.map(asOperator),
    refundApproval: () => current.refundApproval,

    async check(staffId, pin, screen) {
      const member = find(staffId);
      if (member === undefined) return err({ message: 'Choose who you are from the list', said: { area: 'staff', kind: 'choose_who' } });
      for (const key of [`staff:${member.id}`, `screen:${screen}`]) {
        const allowed = attempts.check(key);
        if (!allowed.allowed) {
          const { waitMs } = allowed;
          return err({ message: `Too many wrong PINs: try again in ${waitWords(waitMs)}`, said: { area: 'staff', kind: 'too_many_wrong', waitMs } });
        }
      }
      if (await verifyPin(pin, member.pin)) {
        attempts.succeeded(`staff:${member.id}`);
        attempts.succeeded(`screen:${screen}`);
        return ok(asOperator(member));
      }
      const wait = Math.max(attempts.failed(`staff:${member.id}`), attempts.failed(`screen:${screen}`));
      return err(wrongPin(member.name, wait));
    },

    openSession(operator) {
      const token = randomBytes(24).toString('base64url');
      sessions.set(token, { operator, usedAt: options.clock.now() });
      // A counter has a few screens; the oldest sessions go first past that.
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? '');
      return token;
    },
    resumeSession(token) {
      const session = sessions.get(token);
      if (session === undefined) return null;
      const member = find(session.operator.id);
      // Someone removed, renamed or given another role since signs in again.
      if (member === undefined || options.clock.now() - session.usedAt > SESSION_IDLE_MS || member.role !== session.operator.role || member.name !== session.operator.name) {
        sessions.delete(token);
        return null;
      }
      session.usedAt = options.clock.now();
      return session.operator;
    },
    closeSession(token) {
      sessions.delete(token);
    },

    async save(members, refundApproval) {
      const problems = listProblems(members, (id) => find(id) !== undefined);
      if (Object.keys(problems.fields).length > 0) return err(problems);
      const next: StoredStaffMember[] = [];
      for (const [i, m] of members.entries()) {
        const pin = m.pin === undefined ? find(m.id)?.pin : await hashPin(m.pin);
        if (pin === undefined) return err(oneProblem(`staff.${String(i)}.pin`, PIN_FOR_NEW, { area: 'staff', kind: 'field_pin_for_new' }));
        next.push({ id: m.id, name: m.name, role: m.role, pin });
      }
      const file: StaffFile = { staff: next, refundApproval };
      if (options.file !== null) {
        const saved = saveStaff(options.file, file);
        if (!saved.ok) return err(oneProblem('staff', saved.error.message, saved.error.said));
      }
      current = file;
      // Changed people sign in again; the others keep their screens.
      for (const [token, session] of sessions) {
        const member = find(session.operator.id);
        if (member === undefined || member.role !== session.operator.role || member.name !== session.operator.name) sessions.delete(token);
      }
      return ok(undefined);
    },
  };
}
