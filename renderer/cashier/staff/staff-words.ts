import type { StaffView } from '../../../app/ipc/staff-schemas';
import type { CurrencyCode } from '../../../app/money/currency';
import type { StaffMember, StaffRole } from '../../../app/staff/staff';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';

/* The staff list in the cashier's words: who is listed, and when a refund needs a manager. Pure. */

// A Record over StaffRole (a value import of app/staff would bundle zod), so a new role breaks the build here.
const ROLE_WORDS: Readonly<Record<StaffRole, string>> = { cashier: 'Cashier', manager: 'Manager' };
export const STAFF_ROLE_CHOICES = Object.keys(ROLE_WORDS) as readonly StaffRole[];
export const roleWord = (role: StaffRole): string => ROLE_WORDS[role];

/** "Mei (manager), Ali (cashier)". */
export const whoIsListed = (members: readonly StaffMember[]): string => members.map((m) => `${m.name} (${m.role})`).join(', ');

/** e.g. "Refunds over SGD 10.00 need a manager's PIN". */
export function refundRuleWords(rule: StaffView['refundApproval'], currency: CurrencyCode, locale: string | undefined): string {
  switch (rule.mode) {
    case 'all':
      return "Every refund needs a manager's PIN";
    case 'over':
      return `Refunds over ${formatAmount({ minor: rule.thresholdMinor, currency }, locale)} need a manager's PIN`;
    case 'none':
      return "No refund needs a manager's PIN";
    default:
      return assertNever(rule, 'refund rule');
  }
}

/** What the settings screen says of the staff, beside the button that edits them. */
export function staffSummary(view: StaffView, currency: CurrencyCode, locale: string | undefined): string {
  if (view.members.length === 0) return 'Nobody is listed: no PIN is asked at this counter.';
  return `Listed: ${whoIsListed(view.members)}. ${refundRuleWords(view.refundApproval, currency, locale)}; closing the day, settings and devices need a manager.`;
}

/** The answer after a save. */
export function savedWords(view: StaffView, currency: CurrencyCode, locale: string | undefined): string {
  if (view.members.length === 0) return 'Saved: nobody is listed, so this counter asks no PIN (a one-person shop).';
  return `Saved: ${whoIsListed(view.members)}. ${refundRuleWords(view.refundApproval, currency, locale)}.`;
}
