import type { StaffMember } from '../../../app/staff/staff';
import type { NewAuditEntry } from '../journal/journal-types';
import { actorsOf } from '../journal/audit-writer';
import type { CommandContext } from '../terminal/terminal-api';
import type { RefundApproval } from './staff-store';
import type { StaffEdit } from './staff-service';

export interface StaffList {
  readonly members: readonly StaffMember[];
  readonly refundApproval: RefundApproval;
}

/**
 * The audit entry of a staff list save: who was added, removed, renamed or given another role, whose
 * PIN was replaced (the fact only: a PIN is never written, nor its hash), and the refund rule if it
 * changed. Said by id and name, as they were.
 */
export function staffAudit(before: StaffList, after: StaffList, edits: readonly StaffEdit[], context: CommandContext): NewAuditEntry {
  const was = new Map(before.members.map((m) => [m.id, m]));
  const now = new Map(after.members.map((m) => [m.id, m]));
  const added = after.members.filter((m) => !was.has(m.id)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
  const removed = before.members.filter((m) => !now.has(m.id)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
  const changed = after.members.flatMap((m) => {
    const old = was.get(m.id);
    if (old === undefined || (old.name === m.name && old.role === m.role)) return [];
    return [{ id: m.id, name: m.name, ...(old.name === m.name ? {} : { formerName: old.name }), ...(old.role === m.role ? {} : { role: { from: old.role, to: m.role } }) }];
  });
  const pinReplaced = edits.filter((m) => m.pin !== undefined && was.has(m.id)).map((m) => m.id);
  const rule = JSON.stringify(before.refundApproval) === JSON.stringify(after.refundApproval) ? {} : { refundApproval: { from: before.refundApproval, to: after.refundApproval } };
  return { action: 'staff', ...actorsOf(context), detail: { added, removed, changed, pinReplaced, ...rule } };
}
