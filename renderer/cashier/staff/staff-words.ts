import type { StaffView } from '../../../app/ipc/staff-schemas';
import { UNPROTECTED_WARNING } from '../../../app/ipc/staff-warning';
import type { CurrencyCode } from '../../../app/money/currency';
import type { Operator, StaffMember, StaffRole } from '../../../app/staff/staff';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';
import type { StaffWords } from '../words/staff';
import type { SignInNotice } from './session-slice';
import type { Told } from '../shared/told';

/*
 * The staff list in the cashier's words: who is listed, and when a refund needs a manager. Pure: the
 * words of the cashier's language come in (components pass `useWords().staff`).
 */

// A Record over StaffRole (a value import of app/staff would bundle zod), so a new role breaks the build here.
const ROLES: Readonly<Record<StaffRole, true>> = { cashier: true, manager: true };
export const STAFF_ROLE_CHOICES = Object.keys(ROLES) as readonly StaffRole[];

/** "Ali (cashier)", as the chip in the header says who is signed in. */
export const operatorLabel = (operator: Pick<Operator, 'name' | 'role'>, words: StaffWords): string => words.nameWithRole(operator.name, words.rolesInline[operator.role]);

/** "Mei (manager), Ali (cashier)". */
export const whoIsListed = (members: readonly StaffMember[], words: StaffWords): string => words.summary.people(members.map((m) => operatorLabel(m, words)));

/** e.g. "Refunds over SGD 10.00 need a manager's PIN". */
export function refundRuleWords(rule: StaffView['refundApproval'], currency: CurrencyCode, locale: string | undefined, words: StaffWords): string {
  switch (rule.mode) {
    case 'all':
      return words.rule.all;
    case 'over':
      return words.rule.over(formatAmount({ minor: rule.thresholdMinor, currency }, locale));
    case 'none':
      return words.rule.none;
    default:
      return assertNever(rule, 'refund rule');
  }
}

/** What the settings screen says of the staff, beside the button that edits them. */
export function staffSummary(view: StaffView, currency: CurrencyCode, locale: string | undefined, words: StaffWords): string {
  if (view.members.length === 0) return words.summary.nobodyListed;
  return words.summary.listed(whoIsListed(view.members, words), refundRuleWords(view.refundApproval, currency, locale, words));
}

/** The answer after a save. */
export function savedWords(view: StaffView, currency: CurrencyCode, locale: string | undefined, words: StaffWords): string {
  if (view.members.length === 0) return words.summary.savedNobody;
  return words.summary.saved(whoIsListed(view.members, words), refundRuleWords(view.refundApproval, currency, locale, words));
}

/** Why the sign-in screen asks for a PIN though nobody here signed out. */
export function signInNoticeWords(notice: SignInNotice, words: StaffWords): string {
  switch (notice.kind) {
    case 'listed':
      return words.signIn.listedNow;
    case 'dropped':
      return words.signIn.signedOutWhileDown;
    case 'ended':
      return words.signIn.noLongerSignedIn(notice.name);
    default:
      return assertNever(notice, 'sign-in notice');
  }
}

/** The staff warning in the cashier's words where the screen knows it (nobody listed); another is the terminal's own sentence. */
export function staffWarningText(warning: string, words: StaffWords): string {
  return warning === UNPROTECTED_WARNING ? words.unprotected : warning;
}

/** The staff warning of a view, in the cashier's words: as `staffWarningText`, and a damaged staff file worded by `say`. */
export function viewWarningText(view: Pick<StaffView, 'warning' | 'warningSaid'>, words: StaffWords, say: (told: Told) => string): string | null {
  if (view.warning === null) return null;
  return view.warningSaid === undefined ? staffWarningText(view.warning, words) : say({ message: view.warning, said: view.warningSaid });
}
