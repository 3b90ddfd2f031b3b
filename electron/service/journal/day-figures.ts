import { z } from 'zod';
import { PAYMENT_STATUSES, type DayTotals, type OperatorTotals } from '../../../app/ipc/history';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import { METHOD_IDS, type MethodId } from '../../../app/payment/method';
import type { PaymentStatus } from '../../../app/payment/payment';
import type { AuditLog } from './audit-log';
import type { DayReportStatements } from './day-report-statements';
import { operatorTotals, type OperatorSales } from './operator-totals';

/** The money that arrived: paid, paid after the terminal gave up, and paid then refunded (the refund is counted apart). */
const PAID = ['paid', 'paid_after_cancel', 'refunded'] as const;
const PAID_SET: ReadonlySet<PaymentStatus> = new Set(PAID);

/** Shared with the kept reports' schemas in day-reports.ts. */
export const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
export const count = z.number().int().nonnegative();
const outcomeRow = z.object({
  method: z.enum(METHOD_IDS),
  currency: currencyCode,
  status: z.enum(PAYMENT_STATUSES as [PaymentStatus, ...PaymentStatus[]]),
  operator_id: z.string().nullable(),
  operator_name: z.string().nullable(),
  sales: count,
  minor: count,
});
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

/**
 * A period holding at least this share of every payment kept is read in group order (a whole-index
 * read, about 0.03 µs a payment kept) rather than found by time and sorted (about 1 µs a payment in
 * it): 1/32 is about where the two cost the same, as measured over 100,000 sales.
 */
const LONG_PERIOD_SHARE = 32;

/** The period's outcome rows, by whichever of the two equal queries is cheaper for its size. */
function outcomeRows(sql: DayReportStatements, from: number, to: number): unknown[] {
  const enough = Math.ceil((sql.everKept.get() ?? 0) / LONG_PERIOD_SHARE);
  const long = enough > 0 && sql.periodHolds.get(from, to, enough) === enough;
  return (long ? sql.outcomesInOrder : sql.outcomes).all(from, to);
}

export interface DayFigures {
  readonly totals: readonly DayTotals[];
  readonly operators: readonly OperatorTotals[];
}

/** Figures for [from, to): per method and currency, and per person and currency; integer minor units, summed by SQLite. */
export function dayFigures(sql: DayReportStatements, audit: Pick<AuditLog, 'refundsByOperator'>, from: number, to: number): DayFigures {
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
  for (const raw of outcomeRows(sql, from, to)) {
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
}
