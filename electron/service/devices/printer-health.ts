import type { Clock } from '../../../app/engine/clock';
import type { DeviceReport } from '../../../app/ipc/devices';
import type { ReceiptPrinter } from '../../devices/printer/receipt-printer';
import { printerReport, type LastFailure, type PrinterNamed } from './printer-report';

/** How often the printer is asked how it is between jobs, so "out of paper" shows before the next slip. */
const STATUS_EVERY_MS = 15_000;

/** The printer's line in the device bar, kept current from its status and from how the last job went. */
export interface PrinterHealth {
  refresh(): void;
  /** A job failed: the bar says why until a job prints (`said`: what it says, where the printer said why). */
  jobFailed(message: string, said: LastFailure['said']): void;
  jobPrinted(): void;
}

/** Reports at once, and again whenever the printer's status changes. */
export function watchPrinterHealth(printer: ReceiptPrinter, named: PrinterNamed, report: (report: DeviceReport) => void): PrinterHealth {
  let lastFailure: LastFailure | null = null;
  const refresh = (): void => report(printerReport(printer.status(), named, lastFailure));
  printer.on((event) => {
    if (event.type === 'status') refresh();
  });
  refresh();
  return {
    refresh,
    jobFailed: (message, said) => {
      lastFailure = { message, said };
      refresh();
    },
    jobPrinted: () => {
      lastFailure = null;
      refresh();
    },
  };
}

/** Asks the printer how it is now and every STATUS_EVERY_MS after each answer; returns how to stop. */
export function pollPrinterStatus(printer: ReceiptPrinter, clock: Clock): () => void {
  let stopped = false;
  let statusTimer: (() => void) | null = null;
  const poll = (): void => {
    if (stopped) return;
    void printer.refreshStatus().finally(() => {
      if (!stopped) statusTimer = clock.setTimer(poll, STATUS_EVERY_MS);
    });
  };
  poll();
  return () => {
    stopped = true;
    statusTimer?.();
  };
}
