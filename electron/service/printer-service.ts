import type { Clock } from '../../app/engine/clock';
import type { DeviceReport, PrintReport, SlipKind, TestPrint } from '../../app/ipc/devices';
import type { MethodId, MethodInfo } from '../../app/payment/method';
import { isUndecidedLate, type Payment } from '../../app/payment/payment';
import type { ReceiptDocument } from '../../app/receipt/document';
import type { Merchant, ReceiptLocale } from '../../app/receipt/layouts/common';
import { endOfDayReport, staticRequestCard, testQrPage, type EndOfDayInput } from '../../app/receipt/layouts/counter-pages';
import { PAPER } from '../../app/receipt/paper';
import { slipFor, slipLabel } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import type { Settings } from '../../app/settings/settings';
import { err, ok, type Result } from '../../app/util/result';
import { devicePathPolicy } from '../devices/device-path';
import { createTransport } from '../devices/printer/create-transport';
import { createReceiptPrinter, DRAIN_MS, type ReceiptPrinter } from '../devices/printer/receipt-printer';
import { settlesWithin } from '../devices/within';
import { TcpTransport } from '../devices/printer/tcp-transport';
import type { PrinterTransport } from '../devices/printer/transport';
import { VirtualPrinter } from '../simulators/printer/virtual-printer';
import type { AutoPrintKind, PrintLedger } from './journal/print-ledger';
import { NO_PRINTER } from './device-status';
import type { Logger } from './logger';
import { printerReport } from './printer-report';


/** How many auto-print claims a run remembers in memory; a terminal open for months must not grow. */
const CLAIMS_REMEMBERED = 1000;
export interface PrinterServiceOptions {
  readonly settings: Settings;
  /** Demo mode prints to a virtual printer when no real one is set up. */
  readonly demo: boolean;
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

export interface PrinterService {
  /** The demo mode's virtual printer, for tests and the receipt picture; null with a real printer. */
  readonly virtualPrinter: VirtualPrinter | null;
  lastPrint(): PrintReport | null;
  /** Prints by itself what settings ask for as the payment moves: QR slip, paid receipt, failed slip. */
  follow(payment: Payment): void;
  /**
   * After a restart: prints what an earlier run claimed and never saw printed, and what it never got to
   * claim (it stopped between saving "paid" and printing): `recent` are the payments that ended lately.
   */
  resume(get: (id: string) => Payment | undefined, recent: readonly Payment[]): void;
  printSlip(payment: Payment, slip: SlipKind): Promise<Result<PrintReport, string>>;
  printTest(page: TestPrint): Promise<Result<PrintReport, string>>;
  /** The end-of-day (Z) report; the merchant and locale are the printer's own. */
  printDayReport(report: Omit<EndOfDayInput, 'merchant' | 'locale'>): Promise<Result<PrintReport, string>>;
  /**
   * A clean stop: waits (at most DRAIN_MS in all) for the slips being printed to reach the printer
   * and for their outcome to be recorded in the journal's print ledger, then closes the connection.
   * The caller closes the journal only after this resolves.
   */
  close(): Promise<void>;
}

/** How often the printer is asked how it is between jobs, so "out of paper" shows before the next slip. */
const STATUS_EVERY_MS = 15_000;
/** How long the virtual printer may take to draw a slip after taking its bytes. */
const RENDER_WAIT_MS = 2_000;

const AUTO_SLIP: Readonly<Record<AutoPrintKind, SlipKind>> = { qr_slip: 'qr_slip', paid_receipt: 'receipt', failed_slip: 'receipt' };

export async function startPrinterService(options: PrinterServiceOptions): Promise<PrinterService> {
  const { settings, clock, log } = options;
  const paper = PAPER[settings.printer.paper];
  const merchant: Merchant = { name: settings.merchant.name, addressLines: settings.merchant.addressLines, logoText: settings.merchant.logoText };
  const where: ReceiptLocale = { locale: settings.locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  const connection = settings.printer.connection;

  let virtualPrinter: VirtualPrinter | null = null;
  let transport: PrinterTransport | null = null;
  if (connection !== null) transport = createTransport(connection, devicePathPolicy(settings.devices.allowPseudoTerminals));
  else if (options.demo) {
    virtualPrinter = new VirtualPrinter({ dots: paper.dots });
    const port = await virtualPrinter.listen(0, '127.0.0.1');
    transport = new TcpTransport({ host: '127.0.0.1', port });
  }
  if (transport === null) return noPrinter(options);
  const printer: ReceiptPrinter = createReceiptPrinter({
    transport,
    paper,
    qr: settings.printer.qr,
    clock,
    queue: { timeoutMs: settings.printer.jobTimeoutMs, retries: settings.printer.retries },
  });
  const description = virtualPrinter === null ? transport.description : `${transport.description} (virtual printer, demo mode)`;

  let lastFailure: string | null = null;
  let last: PrintReport | null = null;
  let jobs = 0;
  /** The slips this run has claimed, newest last, so a repeated event is dropped without asking the journal. */
  const claimed = new Set<string>();
  const refresh = (): void => options.report(printerReport(printer.status(), description, lastFailure));
  printer.on((event) => {
    if (event.type === 'status') refresh();
  });
  refresh();

  let statusTimer: (() => void) | null = null;
  let closed = false;
  /** Every print under way, up to its outcome in the ledger, so close() can wait for them. */
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  const pollStatus = (): void => {
    if (closed) return;
    void printer.refreshStatus().finally(() => {
      if (!closed) statusTimer = clock.setTimer(pollStatus, STATUS_EVERY_MS);
    });
  };
  pollStatus();

  const publish = (report: PrintReport): PrintReport => {
    last = report;
    options.announce(report);
    return report;
  };

  /** Prints one document, reporting before and after; never throws, never touches a payment. */
  const print = (doc: ReceiptDocument, label: string, paymentId: string | null, slip: SlipKind | null): Promise<PrintReport> =>
    track(printNow(doc, label, paymentId, slip));
  const printNow = async (doc: ReceiptDocument, label: string, paymentId: string | null, slip: SlipKind | null): Promise<PrintReport> => {
    jobs += 1;
    const jobId = `${slip ?? 'page'}:${paymentId ?? 'none'}:${jobs}`;
    const base = { jobId, label, paymentId, slip, preview: renderPlainText(doc, paper), image: null };
    publish({ ...base, outcome: 'printing', message: `Printing ${label}…`, at: clock.now() });
    const rendered = virtualPrinter === null ? null : nextRendering(virtualPrinter, clock);
    const outcome = await printer.print(jobId, label, doc);
    if (!outcome.ok) {
      rendered?.cancel();
      lastFailure = outcome.message;
      refresh();
      log.log('warn', 'print failed', { label, message: outcome.message });
      return publish({ ...base, outcome: 'failed', message: outcome.message, at: clock.now() });
    }
    lastFailure = null;
    refresh();
    const image = rendered === null ? null : await rendered.image;
    const message = outcome.warnings.length === 0 ? 'Printed' : `Printed; ${outcome.warnings.join('; ')}`;
    return publish({ ...base, image, outcome: 'printed', message, at: clock.now() });
  };

  const printPaymentSlip = async (payment: Payment, slip: SlipKind): Promise<Result<PrintReport, string>> => {
    const method = options.method(payment.method);
    if (method === undefined) return err(`Payment method ${payment.method} is no longer set up on this terminal`);
    const doc = slipFor(slip, payment, { merchant, locale: where, method });
    if (!doc.ok) return doc;
    return ok(await print(doc.value, slipLabel(slip, payment), payment.id, slip));
  };

  /** Claimed in the journal before it prints, so neither a repeat event nor a restart prints it twice. */
  const autoPrint = (payment: Payment, kind: AutoPrintKind, claim: boolean): void => {
    const key = `${kind}:${payment.id}`;
    if (claimed.has(key)) return;
    claimed.add(key);
    // Only recent payments send repeat events; an older one's claim in the journal still stops a second print.
    if (claimed.size > CLAIMS_REMEMBERED) claimed.delete(claimed.values().next().value ?? key);
    if (claim && !options.ledger.claim(payment.id, kind)) return;
    void track(printPaymentSlip(payment, AUTO_SLIP[kind]).then((result) => {
      // The answer can land after the journal closed; the claim then stays owed, and the next start prints it.
      try {
        if (result.ok && result.value.outcome === 'printed') options.ledger.printed(payment.id, kind);
        else options.ledger.failed(payment.id, kind, result.ok ? result.value.message : result.error);
      } catch (error) {
        log.log('error', 'print outcome not recorded', { paymentId: payment.id, kind, error: error instanceof Error ? error.message : String(error) });
      }
    }));
  };

  const wanted = (payment: Payment): AutoPrintKind | null => {
    const rules = settings.printer;
    switch (payment.state.status) {
      case 'awaiting': {
        const printable = payment.qr !== null && payment.qr.payload !== null;
        const noDisplay = options.customerDisplays() === 0;
        return printable && (rules.autoPrintQrSlip === 'always' || (rules.autoPrintQrSlip === 'without_display' && noDisplay)) ? 'qr_slip' : null;
      }
      case 'paid':
        // A late payment prints once the cashier keeps it; refunded instead, it prints as money to return.
        if (isUndecidedLate(payment.state)) return null;
        return rules.autoPrintReceipt ? 'paid_receipt' : null;
      case 'paid_after_cancel':
        return rules.autoPrintReceipt ? 'paid_receipt' : null;
      case 'cancelled_with_money':
        // The customer's proof that money is owed back: the receipt kind prints the "to be returned" slip.
        return rules.autoPrintReceipt || rules.printFailedSlips ? 'paid_receipt' : null;
      case 'failed':
      case 'expired':
      case 'cancelled':
        return rules.printFailedSlips ? 'failed_slip' : null;
      default:
        return null;
    }
  };

  return {
    virtualPrinter,
    lastPrint: () => last,
    follow: (payment) => {
      const kind = wanted(payment);
      if (kind !== null) autoPrint(payment, kind, true);
    },
    resume: (get, recent) => {
      for (const record of options.ledger.outstanding()) {
        const payment = get(record.paymentId);
        // A QR slip is owed only while its QR can still be paid; receipts are owed for good.
        if (payment === undefined || (record.kind === 'qr_slip' && wanted(payment) !== 'qr_slip')) {
          options.ledger.failed(record.paymentId, record.kind, 'No longer needed after the restart');
          continue;
        }
        log.log('info', 'printing what the last run did not finish', { paymentId: record.paymentId, kind: record.kind });
        autoPrint(payment, record.kind, false);
      }
      // Claims are made once only, so a slip printed before the restart is not printed again.
      for (const payment of recent) {
        const kind = wanted(payment);
        if (kind !== null && kind !== 'qr_slip') autoPrint(payment, kind, true);
      }
    },
    printSlip: printPaymentSlip,
    printTest: async (page) => {
      if (page === 'test_qr') {
        const payload = `QR COUNTER TERMINAL TEST ${new Date(clock.now()).toISOString()}`;
        const setup = `${paper.id}, ${settings.printer.qr} QR, ${description}`;
        return ok(await print(testQrPage({ merchant, payload, setup, at: clock.now(), locale: where }), 'Printer test page', null, null));
      }
      const card = options.counterCard === undefined ? err('Orangepill is not set up on this terminal, so it has no counter card') : await options.counterCard();
      if (!card.ok) return card;
      return ok(await print(staticRequestCard({ merchant, payload: card.value.payload, alias: card.value.alias }), 'Orangepill counter card', null, null));
    },
    printDayReport: async (report) =>
      ok(await print(endOfDayReport({ ...report, merchant, locale: where }), `End of day report ${report.reportNumber}`, null, null)),
    close: async () => {
      closed = true;
      statusTimer?.();
      const deadline = Date.now() + DRAIN_MS;
      const finished = await settlesWithin(Promise.allSettled([...inFlight]), DRAIN_MS);
      const drained = await printer.close(Math.max(0, deadline - Date.now()));
      if (!finished || !drained) log.log('warn', 'printer closed before its last job finished', { printer: description, waitedMs: DRAIN_MS });
      await virtualPrinter?.close();
    },
  };
}

/** The virtual printer's picture of the next slip it draws, as a data: URL; null if it draws none in time. */
function nextRendering(printer: VirtualPrinter, clock: Clock): { readonly image: Promise<string | null>; cancel(): void } {
  let stop = (): void => undefined;
  const image = new Promise<string | null>((resolve) => {
    const cancelTimer = clock.setTimer(() => finish(null), RENDER_WAIT_MS);
    const off = printer.onReceipt((receipt) => finish(`data:image/png;base64,${receipt.png.toString('base64')}`));
    const finish = (value: string | null): void => {
      off();
      cancelTimer();
      resolve(value);
    };
    stop = () => finish(null);
  });
  return { image, cancel: () => stop() };
}

function noPrinter(options: PrinterServiceOptions): PrinterService {
  options.report(NO_PRINTER);
  const none = (): Promise<Result<PrintReport, string>> =>
    Promise.resolve(err('No receipt printer is set up: choose how it is connected in settings (printer.connection)'));
  return {
    virtualPrinter: null,
    lastPrint: () => null,
    follow: () => undefined,
    resume: () => undefined,
    printSlip: none,
    printTest: none,
    printDayReport: none,
    close: () => Promise.resolve(),
  };
}
