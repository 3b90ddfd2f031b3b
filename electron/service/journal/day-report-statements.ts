import type Database from 'better-sqlite3';
import { FINAL_STATUSES } from '../../../app/payment/payment';
import { PAYMENT_STATUSES } from '../../../app/ipc/history';

const OPEN = PAYMENT_STATUSES.filter((status) => !FINAL_STATUSES.has(status));
const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const REPORT_COLUMNS = 'number, period_from, period_to, created_at, totals_json, operators_json';

/** The end of day's queries, prepared once per journal: the period's figures and the numbered reports. */
export type DayReportStatements = ReturnType<typeof prepareDayReportStatements>;

export function prepareDayReportStatements(db: Database.Database) {
  return {
    // sum() of INTEGER columns is exact integer arithmetic in SQLite (it raises on overflow, never rounds).
    // One pass over the period gives both views, per method and per person, sorted into columns here.
    // max() picks the name of the person's latest sale, should they have been renamed during the day.
    // Two ways to the same rows, in the same order; dayFigures picks one by the period's size.
    //
    // A short period (a day after the last close): its rows found by time, then sorted to group them.
    // Grouped by one text key, which sorts in about half the time of four columns. No part can hold a
    // space (method ids, currency codes, statuses, staff ids) and a space sorts before every character
    // they hold, so the key is exact and its groups come out in the order of the four columns.
    outcomes: db.prepare<[number, number], unknown>(
      `SELECT method, currency, status, operator_id, operator_name, max(created_at), count(*) AS sales, sum(amount_minor) AS minor
       FROM payments INDEXED BY payments_created WHERE created_at >= ? AND created_at < ?
       GROUP BY method || ' ' || currency || ' ' || status || ' ' || coalesce(operator_id, '')`,
    ),
    // A long period (no day closed for a long while): sorting it would cost about a microsecond a row
    // (100 ms for 100,000 sales), so the groups are read in order from payments_day_groups (version 8),
    // which holds every column used: the whole index is read, with no sort and no table row.
    outcomesInOrder: db.prepare<[number, number], unknown>(
      `SELECT method, currency, status, operator_id, operator_name, max(created_at), count(*) AS sales, sum(amount_minor) AS minor
       FROM payments INDEXED BY payments_day_groups WHERE created_at >= ? AND created_at < ?
       GROUP BY method, currency, status, operator_id ORDER BY method, currency, status, operator_id`,
    ),
    // Whether the period is long: at least `limit` of its rows, counted from the time index and no further.
    periodHolds: db.prepare<[number, number, number], number>(
      'SELECT count(*) FROM (SELECT 1 FROM payments INDEXED BY payments_created WHERE created_at >= ? AND created_at < ? LIMIT ?)',
    ).pluck(),
    // How many payments were ever kept: rows are never deleted, so the largest rowid, found in one step.
    everKept: db.prepare<[], number | null>('SELECT max(rowid) FROM payments').pluck(),
    // Both sides from covering indexes (version 8): a refund's row and its payment's are never read.
    refunds: db.prepare<[number, number], unknown>(
      `SELECT p.method AS method, r.currency AS currency, count(*) AS refund_count, sum(r.amount_minor) AS refund_minor
       FROM refunds r INDEXED BY refunds_day JOIN payments p INDEXED BY payments_method_by_id ON p.id = r.payment_id
       WHERE r.at >= ? AND r.at < ? GROUP BY p.method, r.currency`,
    ),
    last: db.prepare<[], unknown>(`SELECT ${REPORT_COLUMNS} FROM day_reports ORDER BY number DESC LIMIT 1`),
    first: db.prepare<[], number | null>('SELECT min(t) FROM (SELECT min(created_at) AS t FROM payments UNION ALL SELECT min(at) FROM refunds)').pluck(),
    // A parked sale does not hold the day open: the report keeps it apart as "parked, outcome unknown".
    open: db.prepare<[number], number>(`SELECT count(*) FROM payments WHERE status IN (${inList(OPEN)}) AND parked_at IS NULL AND created_at < ?`).pluck(),
    parked: db.prepare<[number, number], unknown>(
      `SELECT method, currency, count(*) AS parked_count, sum(amount_minor) AS parked_minor FROM payments
       WHERE parked_at IS NOT NULL AND status IN (${inList(OPEN)}) AND created_at >= ? AND created_at < ? GROUP BY method, currency`,
    ),
    // Money that arrived on a sale cancelled since (state_json's received, null when not reported), by
    // whether someone marked it returned. Counted apart: it is neither a sale nor a plain cancellation.
    moneyBack: db.prepare<[number, number], unknown>(
      `SELECT method, currency, json_extract(state_json, '$.returned') IS NOT NULL AS returned, count(*) AS sales,
         coalesce(sum(json_extract(state_json, '$.received.minor')), 0) AS minor,
         sum(json_type(state_json, '$.received') IS NOT 'object') AS not_reported
       FROM payments WHERE status = 'cancelled_with_money' AND created_at >= ? AND created_at < ?
       GROUP BY method, currency, returned`,
    ),
    insert: db.prepare<[number, number, number, number, string, string]>(
      'INSERT INTO day_reports (number, period_from, period_to, created_at, totals_json, operators_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    list: db.prepare<[], unknown>(`SELECT ${REPORT_COLUMNS} FROM day_reports ORDER BY number DESC`),
    get: db.prepare<[number], unknown>(`SELECT ${REPORT_COLUMNS} FROM day_reports WHERE number = ?`),
  };
}
