import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PAYMENT_STATUSES, type DayPeriod, type DayReport, type DayTotals, type OperatorTotals } from '../../../app/ipc/history';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import { METHOD_IDS, type MethodId } from '../../../app/payment/method';
import { FINAL_STATUSES, type PaymentStatus } from '../../../app/payment/payment';
import { err, ok, type Result } from '../../../app/util/result';
import { dirname } from 'node:path';
import type { AuditLog } from './audit-log';
import type { AuditActors } from './journal-types';
import { operatorTotals, type OperatorSales } from './operator-totals';
import { guardWrite } from './sqlite-connection';
import { diskProblem } from './write-problems';

/** End of day over the journal: the open period's figures, and the numbered reports (table day_reports). */
export interface DayReportBook {
  /** Figures per method and currency for [from, to); integer minor units, summed by SQLite. */
  totals(from: number, to: number): readonly DayTotals[];
  /** The same period's figures per method and currency, and per person and currency. */
  figures(from: number, to: number): Pick<DayPeriod, 'totals'> & { readonly operators: readonly OperatorTotals[] };
  /** The open day: from the last report's end (or the journal's first entry) up to now. */
  preview(): DayPeriod;
  /**
   * Keeps the next numbered report, up to now, and its audit entry (who closed it, who approved) in
   * the same transaction; refused while a sale in the period is still open.
   */
  close(by?: AuditActors): Result<DayReport, string>;
  /** Newest first. */
  list(): readonly DayReport[];
  get(number: number): DayReport | undefined;
}

/** The money that arrived: paid, paid after the terminal gave up, and paid then refunded (the refund is counted apart). */
const PAID = ['paid', 'paid_after_cancel', 'refunded'] as const;
const OPEN = PAYMENT_STATUSES.filter((status) => !FINAL_STATUSES.has(status));
const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const NOBODY: AuditActors = { operator: null, approvedBy: null };

const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const count = z.number().int().nonnegative();
const outcomeRow = z.object({
  method: z.enum(METHOD_IDS),
  currency: currencyCode,
  status: z.enum(PAYMENT_STATUSES as [PaymentStatus, ...PaymentStatus[]]),
  operator_id: z.string().nullable(),
  operator_name: z.string().nullable(),
  sales: count,
  minor: count,
});
const PAID_SET: ReadonlySet<PaymentStatus> = new Set(PAID);
const refundSumRow = z.object({ method: z.enum(METHOD_IDS), currency: currencyCode, refund_count: count, refund_minor: count });
const moneyBackRow = z.object({
  method: z.enum(METHOD_IDS),
  currency: currencyCode,
  returned: z.union([z.literal(0), z.literal(1)]),
  sales: count,
  minor: count,
  not_reported: count,
});
const parkedRow = z.object({ method: z.enum(METHOD_IDS), currency: currencyCode, parked_count: count, parked_minor: count });
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
    parked: tally.exactOptional(),
    moneyBack: z.strictObject({ toReturn: tally, returned: tally, notReported: count }).exactOptional(),
  }),
);
const operatorRef = z.strictObject({ id: z.string(), name: z.string() });
const operatorsSchema = z.array(
  z.strictObject({ operator: operatorRef.nullable(), currency: currencyCode, paid: tally, refunded: tally, net: z.number().int() }),
);
const reportRow = z.object({
  number: z.number().int().positive(),
  period_from: z.number().int(),
  period_to: z.number().int(),
  created_at: z.number().int(),
  totals_json: z.string(),
  operators_json: z.string().nullable(),
});
const REPORT_COLUMNS = 'number, period_from, period_to, created_at, totals_json, operators_json';

const toReport = (raw: unknown): DayReport => {
  const row = reportRow.parse(raw);
  const report = { number: row.number, from: row.period_from, to: row.period_to, createdAt: row.created_at, totals: totalsSchema.parse(JSON.parse(row.totals_json)) };
  // A report closed before version 5 has no figures per person: it reads exactly as it was kept.
  return row.operators_json === null ? report : { ...report, operators: operatorsSchema.parse(JSON.parse(row.operators_json)) };
};

export function createDayReports(db: Database.Database, now: () => number, audit: AuditLog): DayReportBook {
  const sql = {
    // sum() of INTEGER columns is exact integer arithmetic in SQLite (it raises on overflow, never rounds).
    // One pass over the period gives both views, per method and per person, sorted into columns here.
    // Grouped by one text key: SQLite sorts the period's rows to group them, and one short key sorts
    // in about half the time of four columns (tests/bench/journal-bench.ts). No part can hold a space
    // (method ids, currency codes, statuses, staff ids), so the key is exact. max() picks the name of
    // the person's latest sale, should they have been renamed during the day.
    outcomes: db.prepare<[number, number], unknown>(
      `SELECT method, currency, status, operator_id, operator_name, max(created_at), count(*) AS sales, sum(amount_minor) AS minor
       FROM payments WHERE created_at >= ? AND created_at < ?
       GROUP BY method || ' ' || currency || ' ' || status || ' ' || coalesce(operator_id, '')`,
    ),
    refunds: db.prepare<[number, number], unknown>(
      `SELECT p.method AS method, r.currency AS currency, count(*) AS refund_count, sum(r.amount_minor) AS refund_minor
       FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE r.at >= ? AND r.at < ? GROUP BY p.method, r.currency`,
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

  const figures = (from: number, to: number): { readonly totals: readonly DayTotals[]; readonly operators: readonly OperatorTotals[] } => {
    const sales: OperatorSales[] = [];
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
      const { status } = row;
      // Sales still open are left out rather than shown as zeros; so is a method with nothing else.
      if (!PAID_SET.has(status) && status !== 'failed' && status !== 'expired' && status !== 'cancelled') continue;
      const t = entry(row.method, row.currency);
      if (status === 'failed' || status === 'expired' || status === 'cancelled') {
        t[status] += row.sales;
        continue;
      }
      t.paid = { count: t.paid.count + row.sales, minor: t.paid.minor + row.minor };
      const operator = row.operator_id === null || row.operator_name === null ? null : { id: row.operator_id, name: row.operator_name };
      sales.push({ operator, currency: row.currency, count: row.sales, minor: row.minor });
    }
    for (const raw of sql.refunds.all(from, to)) {
      const row = refundSumRow.parse(raw);
      entry(row.method, row.currency).refunded = { count: row.refund_count, minor: row.refund_minor };
    }
    for (const raw of sql.parked.all(from, to)) {
      const row = parkedRow.parse(raw);
      entry(row.method, row.currency).parked = { count: row.parked_count, minor: row.parked_minor };
    }
    for (const raw of sql.moneyBack.all(from, to)) {
      const row = moneyBackRow.parse(raw);
      const t = entry(row.method, row.currency);
      const before = t.moneyBack ?? { toReturn: { count: 0, minor: 0 }, returned: { count: 0, minor: 0 }, notReported: 0 };
      const tallied = { count: row.sales, minor: row.minor };
      t.moneyBack = {
        toReturn: row.returned === 1 ? before.toReturn : tallied,
        returned: row.returned === 1 ? tallied : before.returned,
        notReported: before.notReported + row.not_reported,
      };
    }
    const totals = [...rows.values()]
      .map((t) => ({ ...t, net: t.paid.minor - t.refunded.minor }))
      .sort((a, b) => METHOD_IDS.indexOf(a.method) - METHOD_IDS.indexOf(b.method) || a.currency.localeCompare(b.currency));
    return { totals, operators: operatorTotals(sales, audit.refundsByOperator(from, to)) };
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

  const close = db.transaction((by: AuditActors): Result<DayReport, string> => {
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
    const report: DayReport = { number, from, to, createdAt: now(), ...figures(from, to) };
    const operators = JSON.stringify(report.operators ?? []);
    guardWrite(`Day report ${number} not saved`, () => sql.insert.run(number, from, to, report.createdAt, JSON.stringify(report.totals), operators));
    audit.append({ action: 'close_day', ...by, detail: { report: number, from, to } });
    return ok(report);
  });

  return {
    totals: (from, to) => figures(from, to).totals,
    figures,
    preview: () => {
      const { from, to } = period(now());
      return { from, to, ...figures(from, to) };
    },
    // IMMEDIATE: two screens closing at once get two consecutive reports, never the same number.
    close: (by = NOBODY) => {
      try {
        return close.immediate(by);
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
