import { dirname } from 'node:path';
import type { Payment } from '../../../app/payment/payment';
import { UnreadablePaymentError } from './journal-errors';
import { readEvent, readRefund, readRow, readRows } from './journal-reads';
import { createStatementCache, OPEN_STATUSES, prepareJournalStatements } from './journal-statements';
import type { Journal, JournalOptions, RefundRecord } from './journal-types';
import { insertEvent, recordRefund, savePayment, type JournalWriteContext } from './journal-writes';
import { checkPage, whereClause } from './list-query';
import { PAYMENT_COLUMNS } from './payment-row';
import { createSqlitePrintLedger } from './print-ledger';
import { createAuditLog } from './audit-log';
import { createDayReports } from './day-reports';
import { createRedactor } from './redaction';
import { createRefundFollower } from './refund-follower';
import { closeDatabase, connectionInfo, openDatabase } from './sqlite-connection';
import { guardDisk } from './write-problems';

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

  const sql = prepareJournalStatements(db);
  const statement = createStatementCache(db);
  const audit = createAuditLog(db, now, redactor);
  const ctx: JournalWriteContext = { sql, now, redactor, followRefund: createRefundFollower(db) };
  const save = db.transaction((payment: Payment) => savePayment(ctx, payment));
  const saveAll = db.transaction((payments: readonly Payment[]) => payments.forEach((payment) => savePayment(ctx, payment)));
  const refund = db.transaction((record: RefundRecord) => recordRefund(ctx, record));

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
    appendEvent: (paymentId, event) => guarded(() => insertEvent(ctx, paymentId, event.kind, event.summary)),
    events: (paymentId) => sql.events.all(paymentId).map(readEvent),
    recordRefund: (record) => guarded(() => refund(record)),
    refunds: (paymentId) => sql.refunds.all(paymentId).map(readRefund),
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
