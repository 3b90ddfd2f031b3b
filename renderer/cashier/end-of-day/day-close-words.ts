import type { DayReport, DayTotals, Tally } from '../../../app/ipc/history';
import type { CurrencyCode } from '../../../app/money/currency';
import type { DayCloseWords } from '../words/end-of-day';

/*
 * The figures and the questions before a day is closed for good. Pure, so each sentence and sum is
 * tested as the cashier reads it; amounts stay integer minor units, summed per currency only.
 */

/** One currency's figures over every method: what the drawer of that currency should hold. */
export interface GrandTotal {
  readonly currency: CurrencyCode;
  readonly paid: Tally;
  readonly refunded: Tally;
  /** paid.minor − refunded.minor; negative when the day gave back more than it took. */
  readonly net: number;
}

/** The grand total per currency, in the order the currencies first appear; never a sum across currencies. */
export function grandTotals(totals: readonly DayTotals[]): readonly GrandTotal[] {
  const byCurrency = new Map<CurrencyCode, GrandTotal>();
  for (const t of totals) {
    const sum = byCurrency.get(t.currency) ?? { currency: t.currency, paid: { count: 0, minor: 0 }, refunded: { count: 0, minor: 0 }, net: 0 };
    const paid = { count: sum.paid.count + t.paid.count, minor: sum.paid.minor + t.paid.minor };
    const refunded = { count: sum.refunded.count + t.refunded.count, minor: sum.refunded.minor + t.refunded.minor };
    byCurrency.set(t.currency, { currency: t.currency, paid, refunded, net: paid.minor - refunded.minor });
  }
  return [...byCurrency.values()];
}

/** A day with nothing in it: no sale ended and no refund was made since the last report. */
export const isEmptyDay = (totals: readonly DayTotals[]): boolean => totals.length === 0;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "18:02" on the day of `now`, else "18:02 on 21/11/2026": the terminal's local clock, 24 hours. */
export function reportTimeText(at: number, now: number, words: DayCloseWords): string {
  const when = new Date(at);
  const today = new Date(now);
  const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  const sameDay = when.getFullYear() === today.getFullYear() && when.getMonth() === today.getMonth() && when.getDate() === today.getDate();
  return sameDay ? time : words.timeOnDate(time, `${pad(when.getDate())}/${pad(when.getMonth() + 1)}/${when.getFullYear()}`);
}

/** The number the next report will take: one after the newest kept (reports are numbered without gaps). */
export const nextReportNumber = (reports: readonly DayReport[]): number => (reports[0]?.number ?? 0) + 1;

/**
 * The question before an empty day is closed, e.g. "No sales since the last report (Z 3 at 18:02).
 * Close an empty day?"; `reports` newest first, as the journal lists them.
 */
export function emptyDayQuestion(reports: readonly DayReport[], now: number, words: DayCloseWords): string {
  const last = reports[0];
  if (last === undefined) return words.emptyNoReports;
  return words.emptySince(last.number, reportTimeText(last.to, now, words));
}

/** The question before a day with figures is closed; the figures themselves are shown beneath it. */
export function closeDayQuestion(reports: readonly DayReport[], from: number, now: number, words: DayCloseWords): string {
  return words.question(reportTimeText(from, now, words), nextReportNumber(reports));
}
