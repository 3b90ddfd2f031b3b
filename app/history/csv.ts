import type { DayReport } from '../ipc/history';
import { toDecimalString } from '../money/money';
import { isOverpaid, type Payment } from '../payment/payment';
import { operatorLines, operatorName } from './operator-lines';

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows joined with CRLF, the RFC's line break, ending with one so every record is terminated. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/**
 * Text that came from a person or a provider, made inert for a spreadsheet: a cell starting with
 * = + - @ (or a tab or CR) is a formula to Excel and LibreOffice, so it is led by an apostrophe
 * (OWASP's advice for CSV injection). Amounts and times are ours and never need it.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const PAYMENT_CSV_HEADER = [
  'id',
  'created_at',
  'updated_at',
  'method',
  'status',
  'currency',
  'amount',
  'refunded',
  'order_ref',
  'provider_ref',
  'paid_at',
  'failure_code',
  'failure_message',
  'received',
  'flags',
  'operator',
] as const;

/**
 * What arrived, where it is not simply the amount asked: the provider's figure, or nothing with the flag
 * `received_not_reported`. Flags are space-separated words: `overpaid`, `late` (`late kept` once the
 * cashier kept it), `received_not_reported`, and for a sale cancelled after money arrived `to_return`
 * or `returned`.
 */
function receivedColumns(p: Payment): readonly [string, string] {
  const state = p.state;
  if (state.status === 'partially_paid') {
    return state.received === null ? ['', 'received_not_reported'] : [toDecimalString(state.received), ''];
  }
  if (state.status === 'cancelled_with_money') {
    const flags = [state.returned === undefined ? 'to_return' : 'returned', state.received === null ? 'received_not_reported' : null];
    return [state.received === null ? '' : toDecimalString(state.received), flags.filter((f) => f !== null).join(' ')];
  }
  if (state.status !== 'paid') return ['', ''];
  const overpaid = isOverpaid(p);
  const late = state.late !== true ? null : state.kept === undefined ? 'late' : 'late kept';
  const flags = [overpaid ? 'overpaid' : null, late, overpaid && state.received === undefined ? 'received_not_reported' : null];
  return [state.received === undefined ? '' : toDecimalString(state.received), flags.filter((f) => f !== null).join(' ')];
}

/** Amounts are exact decimals of the currency ("12.34", "500" for JPY), never floats; times are ISO 8601 UTC. */
export function paymentsCsv(payments: readonly Payment[]): string {
  const rows = payments.map((p) => {
    const state = p.state;
    const paidAt = state.status === 'paid' || state.status === 'paid_after_cancel' ? state.paidAt : null;
    const failure = state.status === 'failed' ? state.failure : null;
    return [
      p.id,
      iso(p.createdAt),
      iso(p.updatedAt),
      p.method,
      state.status,
      p.amount.currency,
      toDecimalString(p.amount),
      toDecimalString({ minor: p.refundedMinor, currency: p.amount.currency }),
      inertText(p.orderRef ?? ''),
      inertText(p.providerRef ?? ''),
      iso(paidAt),
      inertText(failure?.code ?? ''),
      inertText(failure?.message ?? ''),
      ...receivedColumns(p),
      // Who started the sale, by the name kept with it; empty when nobody was signed in.
      inertText(p.operator?.name ?? ''),
    ];
  });
  return csvText([PAYMENT_CSV_HEADER, ...rows]);
}

export const DAY_REPORT_CSV_HEADER = [
  'report',
  'from',
  'to',
  'created_at',
  'method',
  'currency',
  'paid_count',
  'paid',
  'refunded_count',
  'refunded',
  'net',
  'failed_count',
  'expired_count',
  'cancelled_count',
  'operator',
  // Sales parked with their outcome unknown when the day closed: in none of the counts before.
  'parked_count',
  'parked',
  // Sales cancelled after money arrived, in none of the counts before: still to return, and returned.
  'to_return_count',
  'to_return',
  'returned_count',
  'returned',
  'received_not_reported_count',
] as const;

/**
 * One row per method and currency (its `operator` empty), then, once anyone was signed in during the
 * period, one per person and currency (its `method` and sale outcome counts empty): the sales they
 * started that were paid and the refunds they made.
 */
export function dayReportCsv(report: DayReport): string {
  const period = [String(report.number), iso(report.from), iso(report.to), iso(report.createdAt)];
  const people = operatorLines(report).map((t) => {
    const amount = (minor: number) => toDecimalString({ minor, currency: t.currency });
    const figures = [String(t.paid.count), amount(t.paid.minor), String(t.refunded.count), amount(t.refunded.minor), amount(t.net)];
    return [...period, '', t.currency, ...figures, '', '', '', inertText(operatorName(t)), '', '', '', '', '', '', ''];
  });
  const rows = report.totals.map((t) => {
    const amount = (minor: number) => toDecimalString({ minor, currency: t.currency });
    return [
      ...period,
      t.method,
      t.currency,
      String(t.paid.count),
      amount(t.paid.minor),
      String(t.refunded.count),
      amount(t.refunded.minor),
      amount(t.net),
      String(t.failed),
      String(t.expired),
      String(t.cancelled),
      '',
      String(t.parked?.count ?? 0),
      amount(t.parked?.minor ?? 0),
      String(t.moneyBack?.toReturn.count ?? 0),
      amount(t.moneyBack?.toReturn.minor ?? 0),
      String(t.moneyBack?.returned.count ?? 0),
      amount(t.moneyBack?.returned.minor ?? 0),
      String(t.moneyBack?.notReported ?? 0),
    ];
  });
  return csvText([DAY_REPORT_CSV_HEADER, ...rows, ...people]);
}

/** A file name that sorts by date and is safe on every file system. */
export function csvFilename(prefix: string, at: number): string {
  return `${prefix}-${new Date(at).toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}
