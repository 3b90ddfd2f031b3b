import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { DayPeriod, DayReport, DayTotals } from '../../../app/ipc/history';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import { METHOD_IDS, type MethodId } from '../../../app/payment/method';
import { FINAL_STATUSES } from '../../../app/payment/payment';
import { PAYMENT_STATUSES } from '../../../app/ipc/history';
import { err, ok, type Result } from '../../../app/util/result';
import { dirname } from 'node:path';
import { guardWrite } from './sqlite-connection';
import { diskProblem } from './write-problems';

/** End of day over the journal: the open period's figures, and the numbered reports (table day_reports). */
export interface DayReportBook {
  /** Figures per method and currency for [from, to); integer minor units, summed by SQLite. */
  totals(from: number, to: number): readonly DayTotals[];
  /** The open day: from the last report's end (or the journal's first entry) up to now. */
  preview(): DayPeriod;
  /** Keeps the next numbered report, up to now; refused while a sale in the period is still open. */
  close(): Result<DayReport, string>;
  /** Newest first. */
  list(): readonly DayReport[];
  get(number: number): DayReport | undefined;
}

/** The money that arrived: paid, paid after the terminal gave up, and paid then refunded (the refund is counted apart). */
const PAID = ['paid', 'paid_after_cancel', 'refunded'] as const;
const OPEN = PAYMENT_STATUSES.filter((status) => !FINAL_STATUSES.has(status));
const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const count = z.number().int().nonnegative();
const outcomeRow = z.object({
  method: z.enum(METHOD_IDS),
  currency: currencyCode,
  paid_count: count,
  paid_minor: count,
  failed: count,
  expired: count,
  cancelled: count,
});
const refundSumRow = z.object({ method: z.enum(METHOD_IDS), currency: currencyCode, refund_count: count, refund_minor: count });
const tally = z.strictObject({ count, minor: count });
const totalsSchema = z.array(
  z.strictObject({
    method: z.enum(METHOD_IDS),
    currency: currencyCode,
    paid: tally,
    refunded: tally,
    net: z.number().int(),
    failed: count,
    expired: count,
    cancelled: count,
  }),
);
const reportRow = z.object({ number: z.number().int().positive(), period_from: z.number().int(), period_to: z.number().int(), created_at: z.number().int(), totals_json: z.string() });

const toReport = (raw: unknown): DayReport => {
  const row = reportRow.parse(raw);
  return { number: row.number, from: row.period_from, to: row.period_to, createdAt: row.created_at, totals: totalsSchema.parse(JSON.parse(row.totals_json)) };
};

export function createDayReports(db: Database.Database, now: () => number): DayReportBook {
  const sql = {
    // sum() of INTEGER columns is exact integer arithmetic in SQLite (it raises on overflow, never rounds).
    outcomes: db.prepare<[number, number], unknown>(
      `SELECT method, currency,
         coalesce(sum(status IN (${inList(PAID)})), 0) AS paid_count,
         coalesce(sum(CASE WHEN status IN (${inList(PAID)}) THEN amount_minor ELSE 0 END), 0) AS paid_minor,
         coalesce(sum(status = 'failed'), 0) AS failed,
         coalesce(sum(status = 'expired'), 0) AS expired,
         coalesce(sum(status = 'cancelled'), 0) AS cancelled
       FROM payments WHERE created_at >= ? AND created_at < ? GROUP BY method, currency`,
    ),
    refunds: db.prepare<[number, number], unknown>(
      `SELECT p.method AS method, r.currency AS currency, count(*) AS refund_count, sum(r.amount_minor) AS refund_minor
       FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.at >= ? AND r.at < ? GROUP BY p.method, r.currency`,
    ),
    last: db.prepare<[], unknown>('SELECT number, period_from, period_to, created_at, totals_json FROM day_reports ORDER BY number DESC LIMIT 1'),
    first: db.prepare<[], number | null>('SELECT min(t) FROM (SELECT min(created_at) AS t FROM payments UNION ALL SELECT min(at) FROM refunds)').pluck(),
    open: db.prepare<[number], number>(`SELECT count(*) FROM payments WHERE status IN (${inList(OPEN)}) AND created_at < ?`).pluck(),
    insert: db.prepare<[number, number, number, number, string]>(
      'INSERT INTO day_reports (number, period_from, period_to, created_at, totals_json) VALUES (?, ?, ?, ?, ?)',
    ),
    list: db.prepare<[], unknown>('SELECT number, period_from, period_to, created_at, totals_json FROM day_reports ORDER BY number DESC'),
    get: db.prepare<[number], unknown>('SELECT number, period_from, period_to, created_at, totals_json FROM day_reports WHERE number = ?'),
  };

  const totals = (from: number, to: number): readonly DayTotals[] => {
    const rows = new Map<string, { -readonly [K in keyof DayTotals]: DayTotals[K] }>();
    const entry = (method: MethodId, currency: CurrencyCode) => {
      const key = `${method} ${currency}`;
      let found = rows.get(key);
      if (found === undefined) {
        found = { method, currency, paid: { count: 0, minor: 0 }, refunded: { count: 0, minor: 0 }, net: 0, failed: 0, expired: 0, cancelled: 0 };
        rows.set(key, found);
      }
      return found;
    };
    for (const raw of sql.outcomes.all(from, to)) {
      const row = outcomeRow.parse(raw);
      // A group of sales still open only (none counted) is left out rather than shown as zeros.
      if (row.paid_count + row.failed + row.expired + row.cancelled === 0) continue;
      Object.assign(entry(row.method, row.currency), {
        paid: { count: row.paid_count, minor: row.paid_minor },
        failed: row.failed,
        expired: row.expired,
        cancelled: row.cancelled,
      });
    }
    for (const raw of sql.refunds.all(from, to)) {
      const row = refundSumRow.parse(raw);
      entry(row.method, row.currency).refunded = { count: row.refund_count, minor: row.refund_minor };
    }
    return [...rows.values()]
      .map((t) => ({ ...t, net: t.paid.minor - t.refunded.minor }))
      .sort((a, b) => METHOD_IDS.indexOf(a.method) - METHOD_IDS.indexOf(b.method) || a.currency.localeCompare(b.currency));
  };

  const last = (): DayReport | undefined => {
    const raw = sql.last.get();
    return raw === undefined ? undefined : toReport(raw);
  };

  const period = (to: number): { from: number; to: number } => {
    const previous = last();
    const from = previous?.to ?? sql.first.get() ?? to;
    // A clock set back since the last report: the period is empty rather than backwards.
    return { from, to: Math.max(from, to) };
  };

  const close = db.transaction((): Result<DayReport, string> => {
    const { from, to } = period(now());
    const open = Number(sql.open.get(to));
    if (open > 0) {
      return err(
        open === 1
          ? 'A sale is still in progress: finish or cancel it before closing the day, so it is counted'
          : `${open} sales are still in progress: finish or cancel them before closing the day, so they are counted`,
      );
    }
    const number = (last()?.number ?? 0) + 1;
    const report: DayReport = { number, from, to, createdAt: now(), totals: totals(from, to) };
    guardWrite(`Day report ${number} not saved`, () => sql.insert.run(number, from, to, report.createdAt, JSON.stringify(report.totals)));
    return ok(report);
  });

  return {
    totals,
    preview: () => {
      const { from, to } = period(now());
      return { from, to, totals: totals(from, to) };
    },
    // IMMEDIATE: two screens closing at once get two consecutive reports, never the same number.
    close: () => {
      try {
        return close.immediate();
      } catch (error) {
        // A full or read-only disk is the cashier's to fix: said so, and the day stays open.
        const problem = diskProblem(error, dirname(db.name));
        if (problem === null) throw error;
        return err(`The day report was not saved: ${problem.reason} (${problem.remedy}). The day stays open; close it again once that is fixed.`);
      }
    },
    list: () => sql.list.all().map(toReport),
    get: (number) => {
      const raw = sql.get.get(number);
      return raw === undefined ? undefined : toReport(raw);
    },
  };
}
