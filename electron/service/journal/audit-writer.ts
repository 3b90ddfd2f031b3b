import type { Operator, OperatorRef } from '../../../app/staff/staff';
import type { CommandContext } from '../terminal/terminal-api';
import type { AuditActors, Journal, NewAuditEntry } from './journal-types';
import type { Logger } from '../logging/logger';

/** Records an act in the audit; never throws, so an act that already happened is never reported as failed. */
export type AuditWriter = (entry: NewAuditEntry) => void;

/** Who as the journal keeps it: the id and the name as they are now, without the role. */
export const operatorRef = (operator: Operator | null): OperatorRef | null => (operator === null ? null : { id: operator.id, name: operator.name });

/** The person signed in and the manager who approved, from a command's context. */
export const actorsOf = (context: CommandContext): AuditActors => ({ operator: operatorRef(context.operator), approvedBy: operatorRef(context.approvedBy) });

/**
 * The audit as the commands write it. Without a journal (payments kept in memory) entries are dropped:
 * such a terminal has no history to show them in, and keeps no sale past a restart either. A write the
 * disk refuses is logged with who did what (never the detail, which may name settings) and the act
 * stands: the refund went through, the settings are in force; answering "failed" could only make
 * the cashier do it twice.
 */
export function createAuditWriter(journal: Journal | null, log: Logger): AuditWriter {
  return (entry) => {
    if (journal === null) return;
    try {
      journal.appendAudit(entry);
    } catch (error) {
      log.log('error', 'audit entry not saved', {
        action: entry.action,
        paymentId: entry.paymentId ?? null,
        operator: entry.operator?.id ?? null,
        approvedBy: entry.approvedBy?.id ?? null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
