import { csvFilename, dayReportCsv, paymentsCsv } from '../../../app/history/csv';
import type { RecordsSaid } from '../../../app/i18n/said/records';
import type { ApiError, ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { ClosedDay, DayReport, PaymentDetail } from '../../../app/ipc/history';
import type { MethodId } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import { actorsOf } from '../journal/audit-writer';
import type { CommandHandlers } from '../terminal/dispatcher';
import { UnreadablePaymentError } from '../journal/journal-errors';
import type { Journal, ListFilter } from '../journal/journal-types';
import { MAX_PAGE } from '../journal/list-query';
import { timelineEntry } from '../journal/timeline-entry';
import type { PrinterService } from '../devices/printer-service';
import type { CommandContext } from '../terminal/terminal-api';
import { operatorLines, operatorName } from '../../../app/history/operator-lines';

type HistoryCommand =
  | 'listPayments'
  | 'paymentDetail'
  | 'exportPaymentsCsv'
  | 'endOfDay'
  | 'closeDay'
  | 'listDayReports'
  | 'reprintDayReport'
  | 'exportDayReportCsv';

/** More rows than a counter sells in years; a larger export is a filter mistake, said so rather than hanging the host. */
export const MAX_CSV_ROWS = 100_000;

export interface HistoryCommandDeps {
  /** Null when the terminal keeps payments in memory only: then every history command says so. */
  readonly journal: Journal | null;
  readonly printer: () => PrinterService;
  readonly methodLabel: (id: MethodId) => string;
  readonly now: () => number;
}

/** A refusal: its English sentence, and (`said`) the same for the cashier's screen to word in its language. */
const failure = (code: ApiError['code'], message: string, said?: RecordsSaid): { ok: false; error: ApiError } => ({
  ok: false,
  error: said === undefined ? { code, message } : { code, message, said },
});
const NO_JOURNAL = failure(
  'invalid_state',
  'History and end of day need the journal, and this terminal keeps payments in memory only: start it with a data folder (--data) to keep them',
  { area: 'records', kind: 'no_journal' },
);

type FilterArgs = CommandArgs<'exportPaymentsCsv'>;

/** The screen's filter in the journal's terms; an amount range also picks its currency. */
function toListFilter(args: FilterArgs): ListFilter {
  const currency = args.min?.currency ?? args.max?.currency;
  return {
    ...(args.from === undefined ? {} : { from: args.from }),
    ...(args.to === undefined ? {} : { to: args.to }),
    ...(args.status === undefined ? {} : { status: args.status }),
    ...(args.method === undefined ? {} : { method: args.method }),
    ...(args.min === undefined ? {} : { minMinor: args.min.minor }),
    ...(args.max === undefined ? {} : { maxMinor: args.max.minor }),
    ...(currency === undefined ? {} : { currency }),
    ...(args.operator === undefined ? {} : { operator: args.operator }),
    ...(args.search === undefined ? {} : { search: args.search }),
  };
}

function providerIds(payment: Payment): PaymentDetail['providerIds'] {
  const ids: { label: string; value: string }[] = [{ label: 'Our reference', value: payment.id }];
  if (payment.providerRef !== null) ids.push({ label: 'Provider reference', value: payment.providerRef });
  for (const related of payment.providerTrail?.related ?? []) ids.push({ label: related.type, value: related.value });
  return ids;
}

/** One payment as History opens it: the payment, its timeline, audit, refunds and the provider's ids. */
function paymentDetail(journal: Journal, paymentId: string): ApiResult<PaymentDetail> {
  let payment: Payment | undefined;
  try {
    payment = journal.get(paymentId);
  } catch (error) {
    if (error instanceof UnreadablePaymentError) {
      return failure('internal', error.message, { area: 'records', kind: 'payment_unreadable', paymentId: error.paymentId, detail: error.detail });
    }
    throw error;
  }
  if (payment === undefined) return failure('not_found', `No payment ${paymentId} in the journal`, { area: 'records', kind: 'payment_not_in_journal', paymentId });
  const timeline = journal.events(payment.id).map(timelineEntry);
  const refunds = journal.refunds(payment.id).map((r) => ({ refundId: r.refundId, amountMinor: r.amountMinor, at: r.at }));
  return { ok: true, value: { payment, timeline, audit: journal.audit(payment.id), refunds, providerIds: providerIds(payment) } };
}

/** History and end of day, over the journal; each refusal is a sentence for the cashier. */
export function historyCommands(deps: HistoryCommandDeps): Pick<CommandHandlers, HistoryCommand> {
  const withJournal =
    <A, T>(run: (journal: Journal, args: A, context: CommandContext) => ApiResult<T> | Promise<ApiResult<T>>) =>
    async (args: A, context: CommandContext): Promise<ApiResult<T>> =>
      deps.journal === null ? NO_JOURNAL : run(deps.journal, args, context);

  const findReport = (journal: Journal, number: number): ApiResult<DayReport> => {
    const report = journal.dayReports.get(number);
    if (report !== undefined) return { ok: true, value: report };
    const last = journal.dayReports.list()[0]?.number;
    return failure(
      'not_found',
      last === undefined ? `There is no day report ${number}: no day has been closed yet` : `There is no day report ${number}: the reports run from 1 to ${last}`,
      { area: 'records', kind: 'day_report_not_found', number, last: last ?? null },
    );
  };

  const printReport = (report: DayReport) =>
    deps.printer().printDayReport({
      reportNumber: report.number,
      from: report.from,
      to: report.to,
      generatedAt: deps.now(),
      totals: report.totals.map((t) => ({ ...t, method: deps.methodLabel(t.method) })),
      operators: operatorLines(report).map((line) => ({ ...line, who: operatorName(line) })),
    });

  return {
    listPayments: withJournal((journal, args: CommandArgs<'listPayments'>) => {
      const filter = toListFilter(args);
      const page = journal.list({ ...filter, limit: args.limit, offset: args.offset });
      return { ok: true, value: { payments: page.payments, total: journal.count(filter), unreadable: page.unreadable.length } };
    }),
    paymentDetail: withJournal((journal, args: CommandArgs<'paymentDetail'>) => paymentDetail(journal, args.paymentId)),
    exportPaymentsCsv: withJournal((journal, args: CommandArgs<'exportPaymentsCsv'>) => {
      const filter = toListFilter(args);
      const total = journal.count(filter);
      if (total > MAX_CSV_ROWS) {
        return failure(
          'invalid_args',
          `exportPaymentsCsv: ${total} payments match, more than the ${MAX_CSV_ROWS} one file holds; choose a shorter date range`,
          { area: 'records', kind: 'csv_too_many', count: total, max: MAX_CSV_ROWS },
        );
      }
      const payments: Payment[] = [];
      for (let offset = 0; offset < total; offset += MAX_PAGE) payments.push(...journal.list({ ...filter, limit: MAX_PAGE, offset }).payments);
      return { ok: true, value: { filename: csvFilename('payments', deps.now()), csv: paymentsCsv(payments) } };
    }),
    endOfDay: withJournal((journal) => ({ ok: true, value: journal.dayReports.preview() })),
    closeDay: withJournal(async (journal, _args: CommandArgs<'closeDay'>, context: CommandContext): Promise<ApiResult<ClosedDay>> => {
      const closed = journal.dayReports.close(actorsOf(context));
      if (!closed.ok) return failure('invalid_state', closed.error.message, closed.error.said);
      const report = closed.value;
      // The report is committed before printing: paper out or no printer never loses it; reprint later.
      const printed = await printReport(report).catch((error: unknown) => ({ ok: false as const, error: { message: error instanceof Error ? error.message : String(error) } }));
      if (!printed.ok) return { ok: true, value: { report, print: null, printError: printed.error.message } };
      const print = printed.value;
      return { ok: true, value: { report, print, printError: print.outcome === 'failed' ? print.message : null } };
    }),
    listDayReports: withJournal((journal) => ({ ok: true, value: journal.dayReports.list() })),
    reprintDayReport: withJournal(async (journal, args: CommandArgs<'reprintDayReport'>) => {
      const found = findReport(journal, args.number);
      if (!found.ok) return found;
      const printed = await printReport(found.value);
      return printed.ok ? printed : { ok: false, error: { code: 'invalid_state', ...printed.error } };
    }),
    exportDayReportCsv: withJournal((journal, args: CommandArgs<'exportDayReportCsv'>) => {
      const found = findReport(journal, args.number);
      if (!found.ok) return found;
      return { ok: true, value: { filename: `day-report-${args.number}.csv`, csv: dayReportCsv(found.value) } };
    }),
  };
}
