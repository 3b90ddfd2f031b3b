import type { Said } from '../../../app/i18n/said';
import type { ApiError, ApiResult } from '../../../app/ipc/contract';
import type { StaffView } from '../../../app/ipc/staff-schemas';
import { UNPROTECTED_WARNING } from '../../../app/ipc/staff-warning';
import type { CommandHandlers } from '../terminal/dispatcher';
import type { ScreenSession } from '../terminal/terminal-api';
import type { Clock } from '../../../app/engine/clock';
import type { CurrencyCode } from '../../../app/money/currency';
import type { AuditWriter } from '../journal/audit-writer';
import { createAuthorizer, type Authorize } from './authorize';
import { staffAudit } from './staff-audit';
import { createStaffService, type StaffService } from './staff-service';
import { staffPath, type StaffFileProblem } from './staff-store';

export type StaffCommand = 'signIn' | 'resumeSession' | 'signOut' | 'getStaff' | 'saveStaff';


const refused = (code: ApiError['code'], message: string, said?: Said): { ok: false; error: ApiError } => ({
  ok: false,
  error: said === undefined ? { code, message } : { code, message, said },
});

/** What a screen is shown of the staff; `screen` decides who "signed in" is. */
export function staffView(staff: StaffService, screen: ScreenSession | null): StaffView {
  const said = staff.problem()?.said;
  return {
    members: staff.members(),
    protected: staff.protected(),
    refundApproval: staff.refundApproval(),
    signedIn: screen?.operator ?? null,
    warning: staff.problem()?.message ?? (staff.protected() ? null : UNPROTECTED_WARNING),
    ...(said === undefined ? {} : { warningSaid: said }),
  };
}

/**
 * Signing in and out, and the staff list. The session lives on the caller's screen (its WebSocket
 * or window), set here and nowhere else; the page only ever holds the token to resume it.
 */
export function staffCommands(staff: StaffService, audit: AuditWriter): Pick<CommandHandlers, StaffCommand> {
  const noScreen = (): ApiResult<never> => refused('forbidden', 'Only a cashier screen can sign in');
  return {
    signIn: async (args, context) => {
      const screen = context.screen;
      if (screen === null) return noScreen();
      const checked = await staff.check(args.staffId, args.pin, screen.id);
      if (!checked.ok) return refused('forbidden', checked.error.message, checked.error.said);
      if (screen.sessionToken !== null) staff.closeSession(screen.sessionToken);
      screen.operator = checked.value;
      screen.sessionToken = staff.openSession(checked.value);
      return { ok: true, value: { operator: checked.value, sessionToken: screen.sessionToken } };
    },
    resumeSession: (args, context) => {
      const screen = context.screen;
      if (screen === null) return Promise.resolve(noScreen());
      const operator = staff.resumeSession(args.token);
      screen.operator = operator;
      screen.sessionToken = operator === null ? null : args.token;
      return Promise.resolve({ ok: true, value: operator });
    },
    signOut: (_args, context) => {
      const screen = context.screen;
      if (screen !== null) {
        if (screen.sessionToken !== null) staff.closeSession(screen.sessionToken);
        screen.operator = null;
        screen.sessionToken = null;
      }
      return Promise.resolve({ ok: true, value: null });
    },
    getStaff: (_args, context) => Promise.resolve({ ok: true, value: staffView(staff, context.screen) }),
    saveStaff: async (args, context) => {
      const before = { members: staff.members(), refundApproval: staff.refundApproval() };
      const saved = await staff.save(args.members, args.refundApproval);
      if (!saved.ok) {
        const { fields, saids } = saved.error;
        const list = Object.entries(fields).map(([path, message]) => `${path} ${message}`);
        return { ok: false, error: { code: 'invalid_args', message: `The staff list was not saved: ${list.join('; ')}`, fields, fieldsSaid: saids } };
      }
      audit(staffAudit(before, { members: staff.members(), refundApproval: staff.refundApproval() }, args.members, context));
      // The saver's own session is read again: changing their own name or role signs them in afresh.
      const screen = context.screen;
      if (screen?.sessionToken != null) {
        screen.operator = staff.resumeSession(screen.sessionToken);
        if (screen.operator === null) screen.sessionToken = null;
      }
      return { ok: true, value: staffView(staff, screen) };
    },
  };
}

/** The staff list, its commands and the role check, for a terminal keeping its files in `dataDir` (null: memory only). */
export function staffAtTheCounter(options: {
  readonly dataDir: string | null;
  readonly clock: Pick<Clock, 'now'>;
  readonly shop: { readonly currency: () => CurrencyCode; readonly locale: () => string };
  /** Where who changed the staff list is recorded. */
  readonly audit: AuditWriter;
}): { readonly commands: Pick<CommandHandlers, StaffCommand>; readonly authorize: Authorize; readonly problem: StaffFileProblem | null } {
  const staff = createStaffService({ file: options.dataDir === null ? null : staffPath(options.dataDir), clock: options.clock });
  return { commands: staffCommands(staff, options.audit), authorize: createAuthorizer(staff, options.shop), problem: staff.problem() };
}
