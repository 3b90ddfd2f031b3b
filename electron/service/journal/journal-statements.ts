import type Database from 'better-sqlite3';
import { FINAL_STATUSES, type PaymentStatus } from '../../../app/payment/payment';
import { PAYMENT_COLUMNS, type PaymentRow } from './payment-row';

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
export const OPEN_STATUSES = (Object.keys(STATUSES) as PaymentStatus[]).filter((status) => !FINAL_STATUSES.has(status));
const UPSERT =
  `INSERT INTO payments (${PAYMENT_COLUMNS}) VALUES (` +
  PAYMENT_COLUMNS.split(', ').map((c) => `@${c}`).join(', ') +
  ') ON CONFLICT (id) DO UPDATE SET ' +
  PAYMENT_COLUMNS.split(', ')
    .filter((c) => c !== 'id')
    // The fixed terms are written too, so the trigger can refuse a change instead of it being ignored.
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');

/** The journal's fixed queries over payments, their events and refunds, prepared once when it opens. */
export type JournalStatements = ReturnType<typeof prepareJournalStatements>;

export function prepareJournalStatements(db: Database.Database) {
  return {
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
}

/**
 * The statement for a query text, prepared on first use. Filtered queries differ only in how many `?`
 * they carry, so there are few shapes; each is prepared once.
 */
export function createStatementCache(db: Database.Database): (text: string) => Database.Statement<unknown[], unknown> {
  const prepared = new Map<string, Database.Statement<unknown[], unknown>>();
  return (text) => {
    let found = prepared.get(text);
    if (found === undefined) {
      found = db.prepare<unknown[], unknown>(text);
      prepared.set(text, found);
    }
    return found;
  };
}
