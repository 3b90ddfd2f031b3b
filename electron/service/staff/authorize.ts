import { COMMAND_ACCESS, managerActionWords } from '../../../app/ipc/access';
import type { ApiError, CommandName } from '../../../app/ipc/contract';
import type { Approval } from '../../../app/ipc/staff-schemas';
import type { CurrencyCode } from '../../../app/money/currency';
import { formatMoney, type Money } from '../../../app/money/money';
import type { Operator } from '../../../app/staff/staff';
import { err, ok, type Result } from '../../../app/util/result';
import type { ClientRole, CommandContext, ScreenSession } from '../terminal/terminal-api';
import type { StaffService } from './staff-service';
import type { RefundApproval } from './staff-store';
import type { Said } from '../../../app/i18n/said';
import { MANAGER_ACTIONS, type ManagerAction } from '../../../app/i18n/said/staff';

const isManagerAction = (command: CommandName): command is ManagerAction => (MANAGER_ACTIONS as readonly string[]).includes(command);

export interface AuthorizeRequest {
  readonly command: CommandName;
  /** The parsed arguments, for the rules that depend on them (a refund's amount). */
  readonly args: unknown;
  readonly approval: Approval | null;
  readonly role: ClientRole;
  readonly screen: ScreenSession | null;
}

export type Authorize = (request: AuthorizeRequest) => Promise<Result<CommandContext, ApiError>>;

/** The one-person shop: nobody listed, anyone at the counter may run anything, and nobody is recorded. */
export const OPEN_COUNTER: Authorize = (request) =>
  Promise.resolve(ok({ role: request.role, screen: request.screen, operator: null, approvedBy: null }));

const refused = (code: ApiError['code'], message: string, said?: Said): Result<never, ApiError> =>
  err(said === undefined ? { code, message } : { code, message, said });

/** Whether this refund needs a manager under the shop's rule; amounts in another currency than the threshold's always do. */
export function refundNeedsManager(rule: RefundApproval, amount: Money, shopCurrency: CurrencyCode): boolean {
  switch (rule.mode) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'over':
      return amount.currency !== shopCurrency || amount.minor > rule.thresholdMinor;
    default:
      return rule satisfies never;
  }
}

const refundAmount = (args: unknown): Money | null =>
  typeof args === 'object' && args !== null && 'amount' in args ? (args.amount as Money) : null;

/**
 * The role check, in main: nothing a page sends can skip it. With staff listed, every command but
 * looking and signing in needs someone signed in on that screen, and the manager's commands a
 * manager: signed in, or approving this one command with their PIN (checked, slowed after wrong ones).
 */
export function createAuthorizer(staff: StaffService, shop: { readonly currency: () => CurrencyCode; readonly locale: () => string }): Authorize {
  return async ({ command, args, approval, role, screen }) => {
    const access = COMMAND_ACCESS[command];
    // Read afresh from the session each time: someone removed or demoted meanwhile is signed out here too.
    const operator = screen?.sessionToken == null ? null : staff.resumeSession(screen.sessionToken);
    if (screen !== null && operator === null) {
      screen.operator = null;
      screen.sessionToken = null;
    }
    const context = (approvedBy: Operator | null): CommandContext => ({ role, screen, operator, approvedBy });
    const amount = command === 'refund' ? refundAmount(args) : null;
    const needsManager = access === 'manager' || (amount !== null && refundNeedsManager(staff.refundApproval(), amount, shop.currency()));
    const problem = staff.problem();
    if (problem !== null && needsManager) return refused('forbidden', problem.message, problem.said);
    if (!staff.protected() || access === 'anyone') return ok(context(null));
    if (operator === null) return refused('sign_in_required', 'Sign in with your PIN first', { area: 'staff', kind: 'sign_in_first' });
    if (!needsManager) return ok(context(null));
    if (operator.role === 'manager') return ok(context(operator));
    const what = managerActionWords(command) ?? command;
    const sentence = amount === null ? `A manager's PIN is needed to ${what}` : `A manager's PIN is needed to refund ${formatMoney(amount, shop.locale())}`;
    // A command without words on the screens (none today) is refused in English only.
    const need = isManagerAction(command) ? { action: command, amount } : null;
    const saying = (said: (need: { action: ManagerAction; amount: Money | null }) => Said): Said | undefined => (need === null ? undefined : said(need));
    if (approval === null) return refused('approval_required', sentence, saying((n) => ({ area: 'staff', kind: 'manager_needed', ...n })));
    const checked = await staff.check(approval.staffId, approval.pin, screen?.id ?? 'no-screen');
    if (!checked.ok) {
      const refusal = checked.error.said;
      return refused('approval_required', `${sentence}: ${checked.error.message}`, saying((n) => ({ area: 'staff', kind: 'manager_pin_refused', refusal, ...n })));
    }
    const { name } = checked.value;
    if (checked.value.role !== 'manager') {
      return refused('approval_required', `${sentence}: ${name} is not a manager`, saying((n) => ({ area: 'staff', kind: 'not_a_manager', name, ...n })));
    }
    return ok(context(checked.value));
  };
}
