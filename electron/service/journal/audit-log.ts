import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../app/ipc/history';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import type { OperatorRef } from '../../../app/staff/staff';
import type { Redactor } from './redaction';
import { guardWrite } from './sqlite-connection';

/** Who did something and which manager approved it; null for each when nobody was signed in. */
export interface AuditActors {
  readonly operator: OperatorRef | null;
  readonly approvedBy: OperatorRef | null;
}

/** An act to add to the audit; `at` is the journal's clock. */
export interface NewAuditEntry extends AuditActors {
  readonly action: AuditAction;
  readonly paymentId?: string | null;
  /** Redacted before it is written, like an event's summary: never a key, nor a PIN. */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** One person's refunds at this terminal in one currency, as the day report counts them. */
export interface OperatorRefunds {
  readonly operator: OperatorRef | null;
  readonly currency: CurrencyCode;
  readonly count: number;
  readonly minor: number;
}

export interface AuditLog {
  /** Inserts in the caller's transaction, if any; the journal guards it against a full disk. */
  append(entry: NewAuditEntry): AuditEntry;
  forPayment(paymentId: string): readonly AuditEntry[];
  /** The refunds recorded in [from, to), per person and currency. */
  refundsByOperator(from: number, to: number): readonly OperatorRefunds[];
}

const AUDIT_COLUMNS = 'seq, at, action, payment_id, operator_id, operator_name, approved_by_id, approved_by_name, detail_json';
const auditRow = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  action: z.enum(AUDIT_ACTIONS),
  payment_id: z.string().nullable(),
  operator_id: z.string().nullable(),
  operator_name: z.string().nullable(),
  approved_by_id: z.string().nullable(),
  approved_by_name: z.string().nullable(),
  detail_json: z.string(),
});
const detailObject = z.record(z.string(), z.unknown());
const count = z.number().int().nonnegative();
const refundSumRow = z.object({
  operator_id: z.string().nullable(),
  operator_name: z.string().nullable(),
  currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
  refund_count: count,
  refund_minor: count,
});

const ref = (id: string | null, name: string | null): OperatorRef | null => (id === null || name === null ? null : { id, name });

function toEntry(raw: unknown): AuditEntry {
  const row = auditRow.parse(raw);
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    paymentId: row.payment_id,
    operator: ref(row.operator_id, row.operator_name),
    approvedBy: ref(row.approved_by_id, row.approved_by_name),
    detail: detailObject.parse(JSON.parse(row.detail_json)),
  };
}

/** The append-only audit (table `audit`, see migrations.ts version 4): who did what, and who approved. */
export function createAuditLog(db: Database.Database, now: () => number, redactor: Redactor): AuditLog {
  const sql = {
    insert: db.prepare<[number, string, string | null, string | null, string | null, string | null, string | null, string]>(
      'INSERT INTO audit (at, action, payment_id, operator_id, operator_name, approved_by_id, approved_by_name, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    forPayment: db.prepare<[string], unknown>(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE payment_id = ? ORDER BY seq`),
    // The refund's amount is in its detail, written by the refund command (terminal-core's sale commands).
    // max(at) picks the name of the person's latest refund, should they have been renamed meanwhile.
    refunds: db.prepare<[number, number], unknown>(
      `SELECT operator_id, operator_name, max(at), json_extract(detail_json, '$.currency') AS currency,
         count(*) AS refund_count, sum(json_extract(detail_json, '$.amountMinor')) AS refund_minor
       FROM audit WHERE action = 'refund' AND at >= ? AND at < ?
         AND json_type(detail_json, '$.amountMinor') = 'integer' AND json_type(detail_json, '$.currency') = 'text'
       GROUP BY operator_id, currency`,
    ),
  };
  return {
    append: (entry) => {
      const detailJson = redactor.summaryJson(entry.detail);
      const at = now();
      const paymentId = entry.paymentId ?? null;
      const { operator, approvedBy } = entry;
      const info = guardWrite(`Audit of ${entry.action} not recorded`, () =>
        sql.insert.run(at, entry.action, paymentId, operator?.id ?? null, operator?.name ?? null, approvedBy?.id ?? null, approvedBy?.name ?? null, detailJson),
      );
      return { seq: Number(info.lastInsertRowid), at, action: entry.action, paymentId, operator, approvedBy, detail: detailObject.parse(JSON.parse(detailJson)) };
    },
    forPayment: (paymentId) => sql.forPayment.all(paymentId).map(toEntry),
    refundsByOperator: (from, to) =>
      sql.refunds.all(from, to).map((raw) => {
        const row = refundSumRow.parse(raw);
        return { operator: ref(row.operator_id, row.operator_name), currency: row.currency, count: row.refund_count, minor: row.refund_minor };
      }),
  };
}
