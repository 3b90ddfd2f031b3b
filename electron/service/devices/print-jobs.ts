import type { Clock } from '../../../app/engine/clock';
import type { PrintedPage } from '../../../app/i18n/said/devices';
import type { PrintReport, SlipKind } from '../../../app/ipc/devices';
import type { ReceiptDocument } from '../../../app/receipt/document';
import type { PaperProfile } from '../../../app/receipt/paper';
import { renderPlainText } from '../../../app/receipt/plain-text';
import type { ReceiptPrinter } from '../../devices/printer/receipt-printer';
import type { Logger } from '../logging/logger';
import { nextRendering, type DemoPrinter } from './demo-printer';
import type { PrinterHealth } from './printer-health';

export interface PrintJobsOptions {
  readonly printer: ReceiptPrinter;
  readonly paper: PaperProfile;
  readonly clock: Clock;
  readonly log: Logger;
  readonly health: PrinterHealth;
  /** In demo mode, the picture of each slip is attached to its report. */
  readonly virtualPrinter: DemoPrinter | null;
  readonly announce: (print: PrintReport) => void;
}

/** What is printed: its name in English (`label`) and as data (`printed`), and the payment's slip to ask for again. */
export interface PrintJob {
  readonly label: string;
  readonly printed: PrintedPage;
  readonly paymentId: string | null;
  readonly slip: SlipKind | null;
}

/** A payment's slip as a print job. */
export const slipJob = (slip: SlipKind, paymentId: string, label: string): PrintJob => ({ label, printed: { page: slip, paymentId }, paymentId, slip });

/** One of the printer's own pages as a print job. */
export const pageJob = (label: string, printed: PrintedPage): PrintJob => ({ label, printed, paymentId: null, slip: null });

/** The documents being printed: each reported before and after, and all of them awaited on close. */
export interface PrintJobs {
  /** Prints one document, reporting before and after; never throws, never touches a payment. */
  print(doc: ReceiptDocument, job: PrintJob): Promise<PrintReport>;
  /** Counts the work as under way until it settles, so allSettled() waits for it too. */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
  last(): PrintReport | null;
  /** Settles when every print under way, up to its outcome in the ledger, has. */
  allSettled(): Promise<unknown>;
}

export function createPrintJobs(options: PrintJobsOptions): PrintJobs {
  const { printer, paper, clock, log, health, virtualPrinter } = options;
  let last: PrintReport | null = null;
  let jobs = 0;
  /** Every print under way, up to its outcome in the ledger, so close() can wait for them. */
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  const publish = (report: PrintReport): PrintReport => {
    last = report;
    options.announce(report);
    return report;
  };

  const printNow = async (doc: ReceiptDocument, job: PrintJob): Promise<PrintReport> => {
    const { label, printed, paymentId, slip } = job;
    jobs += 1;
    const jobId = `${slip ?? 'page'}:${paymentId ?? 'none'}:${jobs}`;
    const labelSaid = { area: 'devices', kind: 'print_label', printed } as const;
    const base = { jobId, label, labelSaid, paymentId, slip, preview: renderPlainText(doc, paper), image: null };
    publish({ ...base, outcome: 'printing', message: `Printing ${label}…`, said: { area: 'devices', kind: 'print_started', printed }, at: clock.now() });
    const rendered = virtualPrinter === null ? null : nextRendering(virtualPrinter, clock);
    const outcome = await printer.print(jobId, label, doc);
    if (!outcome.ok) {
      rendered?.cancel();
      const problem = outcome.problem;
      health.jobFailed(outcome.message, problem === undefined ? null : { printed, problem });
      log.log('warn', 'print failed', { label, message: outcome.message });
      const said = problem === undefined ? {} : { said: { area: 'devices', kind: 'print_failed', printed, problem } as const };
      return publish({ ...base, outcome: 'failed', message: outcome.message, ...said, at: clock.now() });
    }
    health.jobPrinted();
    const image = rendered === null ? null : await rendered.image;
    const message = outcome.warnings.length === 0 ? 'Printed' : `Printed; ${outcome.warnings.join('; ')}`;
    return publish({ ...base, image, outcome: 'printed', message, said: { area: 'devices', kind: 'print_done', warnings: outcome.warnings }, at: clock.now() });
  };

  return {
    print: (doc, job) => track(printNow(doc, job)),
    track,
    last: () => last,
    allSettled: () => Promise.allSettled([...inFlight]),
  };
}
