import type { Clock } from '../../../app/engine/clock';
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

/** The documents being printed: each reported before and after, and all of them awaited on close. */
export interface PrintJobs {
  /** Prints one document, reporting before and after; never throws, never touches a payment. */
  print(doc: ReceiptDocument, label: string, paymentId: string | null, slip: SlipKind | null): Promise<PrintReport>;
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

  const printNow = async (doc: ReceiptDocument, label: string, paymentId: string | null, slip: SlipKind | null): Promise<PrintReport> => {
    jobs += 1;
    const jobId = `${slip ?? 'page'}:${paymentId ?? 'none'}:${jobs}`;
    const base = { jobId, label, paymentId, slip, preview: renderPlainText(doc, paper), image: null };
    publish({ ...base, outcome: 'printing', message: `Printing ${label}…`, at: clock.now() });
    const rendered = virtualPrinter === null ? null : nextRendering(virtualPrinter, clock);
    const outcome = await printer.print(jobId, label, doc);
    if (!outcome.ok) {
      rendered?.cancel();
      health.jobFailed(outcome.message);
      log.log('warn', 'print failed', { label, message: outcome.message });
      return publish({ ...base, outcome: 'failed', message: outcome.message, at: clock.now() });
    }
    health.jobPrinted();
    const image = rendered === null ? null : await rendered.image;
    const message = outcome.warnings.length === 0 ? 'Printed' : `Printed; ${outcome.warnings.join('; ')}`;
    return publish({ ...base, image, outcome: 'printed', message, at: clock.now() });
  };

  return {
    print: (doc, label, paymentId, slip) => track(printNow(doc, label, paymentId, slip)),
    track,
    last: () => last,
    allSettled: () => Promise.allSettled([...inFlight]),
  };
}
