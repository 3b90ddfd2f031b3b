import type { Clock } from '../../../app/engine/clock';
import type { DeviceRefusal, DeviceReport, PrintReport, SlipKind, TestPrint } from '../../../app/ipc/devices';
import type { MethodId, MethodInfo } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import type { Merchant, ReceiptLocale } from '../../../app/receipt/layouts/common';
import { endOfDayReport, staticRequestCard, testQrPage, type EndOfDayInput } from '../../../app/receipt/layouts/counter-pages';
import { PAPER } from '../../../app/receipt/paper';
import { slipFor, slipLabel } from '../../../app/receipt/payment-slips-for';
import type { Settings } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import { devicePathPolicy } from '../../devices/device-path';
import { createTransport } from '../../devices/printer/create-transport';
import { createReceiptPrinter, DRAIN_MS, type ReceiptPrinter } from '../../devices/printer/receipt-printer';
import { TcpTransport } from '../../devices/printer/tcp-transport';
import type { PrinterTransport } from '../../devices/printer/transport';
import { settlesWithin } from '../../devices/within';
import type { AutoPrintKind, PrintLedger } from '../journal/print-ledger';
import type { Logger } from '../logging/logger';
import { autoPrintWanted, createAutoPrinter } from './auto-print';
import type { DemoPrinter } from './demo-printer';
import { NO_PRINTER, NO_PRINTER_REFUSAL } from './device-status';
import { createPrintJobs, pageJob, slipJob } from './print-jobs';
import { pollPrinterStatus, watchPrinterHealth } from './printer-health';

export type { DemoPrinter } from './demo-printer';

export interface PrinterServiceOptions {
  readonly settings: Settings;
  /** Demo mode prints to a virtual printer when no real one is set up: the demo wiring starts it. */
  readonly demoPrinter: ((dots: number) => Promise<DemoPrinter>) | null;
  readonly clock: Clock;
  readonly log: Logger;
  readonly ledger: PrintLedger;
  readonly method: (id: MethodId) => MethodInfo | undefined;
  readonly customerDisplays: () => number;
  readonly report: (report: DeviceReport) => void;
  readonly announce: (print: PrintReport) => void;
  /** The shop's static Orangepill request, for the counter card; absent when Orangepill is not set up. */
  readonly counterCard?: () => Promise<Result<{ readonly payload: string; readonly alias: string }, string>>;
}

/** What a print asked of the service comes to: its report, or why it was not sent to the printer. */
export type PrintAnswer = Result<PrintReport, DeviceRefusal>;

export interface PrinterService {
  lastPrint(): PrintReport | null;
  /** Prints by itself what settings ask for as the payment moves: QR slip, paid receipt, failed slip. */
  follow(payment: Payment): void;
  /**
   * After a restart: prints what an earlier run claimed and never saw printed, and what it never got to
   * claim (it stopped between saving "paid" and printing): `recent` are the payments that ended lately.
   */
  resume(get: (id: string) => Payment | undefined, recent: readonly Payment[]): void;
  printSlip(payment: Payment, slip: SlipKind): Promise<PrintAnswer>;
  printTest(page: TestPrint): Promise<PrintAnswer>;
  /** The end-of-day (Z) report; the merchant and locale are the printer's own. */
  printDayReport(report: Omit<EndOfDayInput, 'merchant' | 'locale'>): Promise<PrintAnswer>;
  /**
   * A clean stop: waits (at most DRAIN_MS in all) for the slips being printed to reach the printer
   * and for their outcome to be recorded in the journal's print ledger, then closes the connection.
   * The caller closes the journal only after this resolves.
   */
  close(): Promise<void>;
}

export async function startPrinterService(options: PrinterServiceOptions): Promise<PrinterService> {
  const { settings, clock, log } = options;
  const paper = PAPER[settings.printer.paper];
  const merchant: Merchant = { name: settings.merchant.name, addressLines: settings.merchant.addressLines, logoText: settings.merchant.logoText };
  const where: ReceiptLocale = { locale: settings.locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  const connected = await connectPrinter(options, paper.dots);
  if (connected === null) return noPrinter(options);
  const { transport, virtualPrinter } = connected;
  const printer: ReceiptPrinter = createReceiptPrinter({
    transport,
    paper,
    qr: settings.printer.qr,
    clock,
    queue: { timeoutMs: settings.printer.jobTimeoutMs, retries: settings.printer.retries },
  });
  const description = virtualPrinter === null ? transport.description : `${transport.description} (virtual printer, demo mode)`;
  const health = watchPrinterHealth(printer, virtualPrinter === null ? { kind: 'real', where: transport.description } : { kind: 'virtual' }, options.report);
  const stopPolling = pollPrinterStatus(printer, clock);
  const jobs = createPrintJobs({ printer, paper, clock, log, health, virtualPrinter, announce: options.announce });

  const printPaymentSlip = async (payment: Payment, slip: SlipKind): Promise<PrintAnswer> => {
    const method = options.method(payment.method);
    if (method === undefined) {
      return err({ message: `Payment method ${payment.method} is no longer set up on this terminal`, said: { area: 'devices', kind: 'method_gone', method: payment.method } });
    }
    const doc = slipFor(slip, payment, { merchant, locale: where, method });
    if (!doc.ok) return err({ message: doc.error });
    return ok(await jobs.print(doc.value, slipJob(slip, payment.id, slipLabel(slip, payment))));
  };
  const wanted = (payment: Payment): AutoPrintKind | null => autoPrintWanted(payment, settings.printer, options.customerDisplays);
  const auto = createAutoPrinter({ ledger: options.ledger, log, wanted, printSlip: printPaymentSlip, track: jobs.track });

  return {
    lastPrint: () => jobs.last(),
    follow: (payment) => auto.follow(payment),
    resume: (get, recent) => auto.resume(get, recent),
    printSlip: printPaymentSlip,
    printTest: async (page) => {
      if (page === 'test_qr') {
        const payload = `QR COUNTER TERMINAL TEST ${new Date(clock.now()).toISOString()}`;
        const setup = `${paper.id}, ${settings.printer.qr} QR, ${description}`;
        return ok(await jobs.print(testQrPage({ merchant, payload, setup, at: clock.now(), locale: where }), pageJob('Printer test page', { page: 'test_page' })));
      }
      if (options.counterCard === undefined) {
        return err({ message: 'Orangepill is not set up on this terminal, so it has no counter card', said: { area: 'devices', kind: 'no_counter_card' } });
      }
      const card = await options.counterCard();
      if (!card.ok) return err({ message: card.error });
      const doc = staticRequestCard({ merchant, payload: card.value.payload, alias: card.value.alias });
      return ok(await jobs.print(doc, pageJob('Orangepill counter card', { page: 'counter_card' })));
    },
    printDayReport: async (report) =>
      ok(await jobs.print(endOfDayReport({ ...report, merchant, locale: where }), pageJob(`End of day report ${report.reportNumber}`, { page: 'day_report', reportNumber: report.reportNumber }))),
    close: async () => {
      stopPolling();
      const deadline = Date.now() + DRAIN_MS;
      const finished = await settlesWithin(jobs.allSettled(), DRAIN_MS);
      const drained = await printer.close(Math.max(0, deadline - Date.now()));
      if (!finished || !drained) log.log('warn', 'printer closed before its last job finished', { printer: description, waitedMs: DRAIN_MS });
      await virtualPrinter?.close();
    },
  };
}

/** The printer set up in settings; else, in demo mode, the virtual printer the demo wiring starts; else none. */
async function connectPrinter(
  options: PrinterServiceOptions,
  dots: number,
): Promise<{ readonly transport: PrinterTransport; readonly virtualPrinter: DemoPrinter | null } | null> {
  const { connection } = options.settings.printer;
  if (connection !== null) return { transport: createTransport(connection, devicePathPolicy(options.settings.devices.allowPseudoTerminals)), virtualPrinter: null };
  if (options.demoPrinter === null) return null;
  const virtualPrinter = await options.demoPrinter(dots);
  return { transport: new TcpTransport({ host: '127.0.0.1', port: virtualPrinter.port }), virtualPrinter };
}

function noPrinter(options: PrinterServiceOptions): PrinterService {
  options.report(NO_PRINTER);
  const none = (): Promise<PrintAnswer> => Promise.resolve(err(NO_PRINTER_REFUSAL));
  return {
    lastPrint: () => null,
    follow: () => undefined,
    resume: () => undefined,
    printSlip: none,
    printTest: none,
    printDayReport: none,
    close: () => Promise.resolve(),
  };
}
