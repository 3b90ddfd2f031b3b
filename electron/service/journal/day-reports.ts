import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { RecordsSaid } from '../../../app/i18n/said/records';
import type { DayPeriod, DayReport, DayTotals, OperatorTotals } from '../../../app/ipc/history';
import { METHOD_IDS } from '../../../app/payment/method';
import { err, ok, type Result } from '../../../app/util/result';
import { dirname } from 'node:path';
import type { AuditActors, AuditLog } from './audit-log';
import { count, currencyCode, dayFigures, type DayFigures } from './day-figures';
import { prepareDayReportStatements } from './day-report-statements';
import { guardWrite } from './sqlite-connection';
import { diskProblem } from './write-problems';

/** Why the day was not closed: the cashier's sentence, and the same for a screen to word in its language. */
export interface DayCloseRefusal {
  readonly message: string;
  readonly said: RecordsSaid;
}

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
  close(by?: AuditActors): Result<DayReport, DayCloseRefusal>;
  /** Newest first. */
  list(): readonly DayReport[];
  get(number: number): DayReport | undefined;
}

const NOBODY: AuditActors = { operator: null, approvedBy: null };

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

const toReport = (raw: unknown): DayReport => {
  const row = reportRow.parse(raw);
  const report = { number: row.number, from: row.period_from, to: row.period_to, createdAt: row.created_at, totals: totalsSchema.parse(JSON.parse(row.totals_json)) };
  // A report closed before version 5 has no figures per person: it reads exactly as it was kept.
  return row.operators_json === null ? report : { ...report, operators: operatorsSchema.parse(JSON.parse(row.operators_json)) };
};

export function createDayReports(db: Database.Database, now: () => number, audit: AuditLog): DayReportBook {
  const sql = prepareDayReportStatements(db);
  const figures = (from: number, to: number): DayFigures => dayFigures(sql, audit, from, to);

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

  const close = db.transaction((by: AuditActors): Result<DayReport, DayCloseRefusal> => {
    const { from, to } = period(now());
    const open = Number(sql.open.get(to));
    if (open > 0) {
      return err({
        message:
          open === 1
            ? 'A sale is still in progress: finish or cancel it before closing the day, so it is counted'
            : `${open} sales are still in progress: finish or cancel them before closing the day, so they are counted`,
        said: { area: 'records', kind: 'day_sales_open', count: open },
      });
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
        return err({
          message: `The day report was not saved: ${problem.reason} (${problem.remedy}). The day stays open; close it again once that is fixed.`,
          said: { area: 'records', kind: 'day_report_not_saved', problem: problem.problem, folder: problem.folder },
        });
      }
    },
    list: () => sql.list.all().map(toReport),
    get: (number) => {
      const raw = sql.get.get(number);
      return raw === undefined ? undefined : toReport(raw);
    },
  };
}
