import type Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import { FINAL_STATUSES, type Payment, type PaymentState, type PaymentStatus } from '../../../app/payment/payment';
import { JournalWriteError, UnreadablePaymentError } from './journal-errors';
import type { Journal, JournalEvent, JournalOptions, JournalPage, RefundRecord, UnreadableRow } from './journal-types';
import { checkPage, whereClause } from './list-query';
import { PAYMENT_COLUMNS, paymentToRow, rowToPayment, type PaymentRow } from './payment-row';
import { createSqlitePrintLedger } from './print-ledger';
import { createAuditLog } from './audit-log';
import { createDayReports } from './day-reports';
import { createRedactor } from './redaction';
import { createRefundFollower } from './refund-follower';
import { closeDatabase, connectionInfo, guardWrite, openDatabase } from './sqlite-connection';
import { guardDisk } from './write-problems';

/** Every status, by type, so a new one breaks the build here until it is sorted as final or not. */
const STATUSES: Record<PaymentStatus, null> = {
  creating: null,
  awaiting: null,
  cancelling: null,
  unknown: null,
  needs_attention: null,
  partially_paid: null,
  paid: null,
  failed: null,
  expired: null,
  cancelled: null,
  cancelled_with_money: null,
  paid_after_cancel: null,
  refunded: null,
};
// Asked for by name (status IN …) so the status index finds the few open sales among 100,000 closed ones.
const OPEN_STATUSES = (Object.keys(STATUSES) as PaymentStatus[]).filter((status) => !FINAL_STATUSES.has(status));
const UPSERT =
  `INSERT INTO payments (${PAYMENT_COLUMNS}) VALUES (` +
  PAYMENT_COLUMNS.split(', ').map((c) => `@${c}`).join(', ') +
  ') ON CONFLICT (id) DO UPDATE SET ' +
  PAYMENT_COLUMNS.split(', ')
    .filter((c) => c !== 'id')
    // The fixed terms are written too, so the trigger can refuse a change instead of it being ignored.
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');

const eventRow = z.object({
  seq: z.number().int(),
  payment_id: z.string(),
  at: z.number().int(),
  kind: z.string(),
  summary_json: z.string(),
});
const refundRow = z.object({
  payment_id: z.string(),
  refund_id: z.string(),
  amount_minor: z.number().int().positive(),
  currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
  at: z.number().int(),
});
const summaryObject = z.record(z.string(), z.unknown());

/**
 * Opens (creating and migrating if need be) the SQLite journal at `path`. Synchronous on purpose:
 * each write has committed to disk when the call returns, which is what "saved before shown" needs.
 */
export function openJournal(path: string, options: JournalOptions = {}): Journal {
  const now = options.now ?? Date.now;
  const db = openDatabase(path, options.nativeBinding);
  const redactor = createRedactor(options.secrets ?? [], options.redactText);
  // A write the disk refuses (full, read-only…) comes out as a sentence naming the folder to fix.
  const folder = dirname(path);
  const guarded = <T>(write: () => T): T => guardDisk(folder, write);

  const sql = {
    stateOf: db.prepare<[string], { status: string; state_json: string }>('SELECT status, state_json FROM payments WHERE id = ?'),
    upsert: db.prepare<[PaymentRow]>(UPSERT),
    get: db.prepare<[string], unknown>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = ?`),
    unfinished: db.prepare<string[], unknown>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) ORDER BY created_at, id`,
    ),
    currencyOf: db.prepare<[string], string>('SELECT currency FROM payments WHERE id = ?').pluck(),
    insertEvent: db.prepare<[string, number, string, string]>('INSERT INTO payment_events (payment_id, at, kind, summary_json) VALUES (?, ?, ?, ?)'),
    events: db.prepare<[string], unknown>('SELECT seq, payment_id, at, kind, summary_json FROM payment_events WHERE payment_id = ? ORDER BY seq'),
    findRefund: db.prepare<[string, string], unknown>('SELECT payment_id, refund_id, amount_minor, currency, at FROM refunds WHERE payment_id = ? AND refund_id = ?'),
    insertRefund: db.prepare<[string, string, number, string, number]>(
      'INSERT INTO refunds (payment_id, refund_id, amount_minor, currency, at) VALUES (?, ?, ?, ?, ?)',
    ),
    refunds: db.prepare<[string], unknown>('SELECT payment_id, refund_id, amount_minor, currency, at FROM refunds WHERE payment_id = ? ORDER BY seq'),
  };
  // Filtered queries differ only in how many `?` they carry, so there are few shapes; each is prepared once.
  const prepared = new Map<string, Database.Statement<unknown[], unknown>>();
  const statement = (text: string): Database.Statement<unknown[], unknown> => {
    let found = prepared.get(text);
    if (found === undefined) {
      found = db.prepare<unknown[], unknown>(text);
      prepared.set(text, found);
    }
    return found;
  };

  const insertEvent = (paymentId: string, kind: string, summary: Readonly<Record<string, unknown>>): JournalEvent => {
    if (kind.length < 1 || kind.length > 64) throw new RangeError(`An event kind is 1 to 64 characters, got "${kind}"`);
    const summaryJson = redactor.summaryJson(summary);
    const at = now();
    const info = guardWrite(`Event for payment ${paymentId} not recorded`, () => sql.insertEvent.run(paymentId, at, kind, summaryJson));
    return { seq: Number(info.lastInsertRowid), paymentId, at, kind, summary: summaryObject.parse(JSON.parse(summaryJson)) };
  };

  const audit = createAuditLog(db, now, redactor);
  const followRefund = createRefundFollower(db);
  const saveOne = (payment: Payment): void => {
    const row = paymentToRow(payment);
    const before = sql.stateOf.get(payment.id);
    guardWrite(`Payment ${payment.id} not saved`, () => sql.upsert.run(row));
    // Same transaction as the row: the log can never miss a change the row shows, nor the reverse.
    if (before === undefined || before.state_json !== row.state_json) {
      insertEvent(payment.id, 'status', statusSummary(before?.status ?? null, payment.state));
    }
    // A partial refund leaves the state as it was; this still dates it, for the timeline and end of day.
    const refund = followRefund(payment, now());
    if (refund !== null) {
      insertEvent(payment.id, 'refund', { ...refund, currency: payment.amount.currency, totalRefundedMinor: payment.refundedMinor });
    }
  };
  const save = db.transaction(saveOne);
  const saveAll = db.transaction((payments: readonly Payment[]) => payments.forEach(saveOne));

  const readRow = (raw: unknown): { payment: Payment } | { unreadable: UnreadableRow } => {
    const result = rowToPayment(raw);
    if (result.ok) return { payment: result.value };
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : '(no id)';
    return { unreadable: { id, message: result.error } };
  };
  const readRows = (rows: readonly unknown[]): JournalPage => {
    const payments: Payment[] = [];
    const unreadable: UnreadableRow[] = [];
    for (const raw of rows) {
      const read = readRow(raw);
      if ('payment' in read) payments.push(read.payment);
      else unreadable.push(read.unreadable);
    }
    return { payments, unreadable };
  };

  const recordRefund = db.transaction((refund: RefundRecord): void => {
    if (!Number.isSafeInteger(refund.amountMinor) || refund.amountMinor <= 0) {
      throw new RangeError(`A refund is a whole number of minor units above zero, got ${String(refund.amountMinor)}`);
    }
    const currency = sql.currencyOf.get(refund.paymentId);
    if (currency === undefined) throw new JournalWriteError(`Refund ${refund.refundId} not recorded: no payment ${refund.paymentId} in the journal`);
    if (currency !== refund.currency) {
      throw new JournalWriteError(`Refund ${refund.refundId} is in ${refund.currency}, but payment ${refund.paymentId} is in ${currency}`);
    }
    const existing = sql.findRefund.get(refund.paymentId, refund.refundId);
    if (existing !== undefined) {
      // The same refund reported twice (a retry, a reconcile) is one refund; a different amount is a contradiction.
      const known = refundRow.parse(existing);
      if (known.amount_minor === refund.amountMinor) return;
      throw new JournalWriteError(
        `Refund ${refund.refundId} of payment ${refund.paymentId} is already recorded as ${known.amount_minor} minor units, not ${refund.amountMinor}`,
      );
    }
    sql.insertRefund.run(refund.paymentId, refund.refundId, refund.amountMinor, refund.currency, refund.at);
    insertEvent(refund.paymentId, 'refund', { refundId: refund.refundId, amountMinor: refund.amountMinor, currency: refund.currency });
  });

  return {
    path,
    prints: createSqlitePrintLedger(db, now, options.onWriteProblem),
    dayReports: createDayReports(db, now, audit),
    save: (payment) => guarded(() => save(payment)),
    saveAll: (payments) => guarded(() => saveAll(payments)),
    get: (id) => {
      const raw = sql.get.get(id);
      if (raw === undefined) return undefined;
      const read = readRow(raw);
      if ('unreadable' in read) throw new UnreadablePaymentError(id, read.unreadable.message);
      return read.payment;
    },
    unfinished: () => {
      const page = readRows(sql.unfinished.all(...OPEN_STATUSES));
      // One damaged row must not keep every other unfinished sale from resuming.
      for (const row of page.unreadable) options.onUnreadable?.(row);
      return page.payments;
    },
    appendEvent: (paymentId, event) => guarded(() => insertEvent(paymentId, event.kind, event.summary)),
    events: (paymentId) =>
      sql.events.all(paymentId).map((raw) => {
        const row = eventRow.parse(raw);
        return { seq: row.seq, paymentId: row.payment_id, at: row.at, kind: row.kind, summary: summaryObject.parse(JSON.parse(row.summary_json)) };
      }),
    recordRefund: (refund) => guarded(() => recordRefund(refund)),
    refunds: (paymentId) =>
      sql.refunds.all(paymentId).map((raw) => {
        const row = refundRow.parse(raw);
        return { paymentId: row.payment_id, refundId: row.refund_id, amountMinor: row.amount_minor, currency: row.currency, at: row.at };
      }),
    appendAudit: (entry) => guarded(() => audit.append(entry)),
    audit: (paymentId) => audit.forPayment(paymentId),
    list: (query) => {
      checkPage(query);
      const where = whereClause(query);
      const rows = statement(`SELECT ${PAYMENT_COLUMNS} FROM payments ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...where.params,
        query.limit,
        query.offset,
      );
      return readRows(rows);
    },
    count: (filter) => {
      const where = whereClause(filter);
      return Number(statement(`SELECT count(*) FROM payments ${where.sql}`).pluck().get(...where.params));
    },
    connectionInfo: () => connectionInfo(db),
    redact: (secret) => redactor.add(secret),
    close: () => closeDatabase(db),
  };
}

/** What a status event says: where the payment came from and the whole state it moved to. */
function statusSummary(from: string | null, state: PaymentState): Record<string, unknown> {
  const { status, ...details } = state;
  return { from, to: status, ...details };
}
