import type { DeviceRefusal, PrintReport, SlipKind } from '../../../app/ipc/devices';
import { isUndecidedLate, type Payment } from '../../../app/payment/payment';
import type { Settings } from '../../../app/settings/settings';
import type { Result } from '../../../app/util/result';
import type { AutoPrintKind, PrintLedger } from '../journal/print-ledger';
import type { Logger } from '../logging/logger';

/** How many auto-print claims a run remembers in memory; a terminal open for months must not grow. */
const CLAIMS_REMEMBERED = 1000;

const AUTO_SLIP: Readonly<Record<AutoPrintKind, SlipKind>> = { qr_slip: 'qr_slip', paid_receipt: 'receipt', failed_slip: 'receipt' };

/** The slip the settings ask to print by itself for the payment as it stands, if any. */
export function autoPrintWanted(payment: Payment, rules: Settings['printer'], customerDisplays: () => number): AutoPrintKind | null {
  switch (payment.state.status) {
    case 'awaiting': {
      const printable = payment.qr !== null && payment.qr.payload !== null;
      const noDisplay = customerDisplays() === 0;
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
}

export interface AutoPrinterOptions {
  readonly ledger: PrintLedger;
  readonly log: Logger;
  readonly wanted: (payment: Payment) => AutoPrintKind | null;
  readonly printSlip: (payment: Payment, slip: SlipKind) => Promise<Result<PrintReport, DeviceRefusal>>;
  /** Counts the print and its ledger entry as under way, so a clean stop waits for both. */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
}

/** Prints what settings ask for as payments move, each slip once across repeats and restarts. */
export interface AutoPrinter {
  follow(payment: Payment): void;
  resume(get: (id: string) => Payment | undefined, recent: readonly Payment[]): void;
}

export function createAutoPrinter(options: AutoPrinterOptions): AutoPrinter {
  const { ledger, log, wanted } = options;
  /** The slips this run has claimed, newest last, so a repeated event is dropped without asking the journal. */
  const claimed = new Set<string>();

  /** Claimed in the journal before it prints, so neither a repeat event nor a restart prints it twice. */
  const autoPrint = (payment: Payment, kind: AutoPrintKind, claim: boolean): void => {
    const key = `${kind}:${payment.id}`;
    if (claimed.has(key)) return;
    claimed.add(key);
    // Only recent payments send repeat events; an older one's claim in the journal still stops a second print.
    if (claimed.size > CLAIMS_REMEMBERED) claimed.delete(claimed.values().next().value ?? key);
    if (claim && !ledger.claim(payment.id, kind)) return;
    void options.track(options.printSlip(payment, AUTO_SLIP[kind]).then((result) => {
      // The answer can land after the journal closed; the claim then stays owed, and the next start prints it.
      try {
        if (result.ok && result.value.outcome === 'printed') ledger.printed(payment.id, kind);
        else ledger.failed(payment.id, kind, result.ok ? result.value.message : result.error.message);
      } catch (error) {
        log.log('error', 'print outcome not recorded', { paymentId: payment.id, kind, error: error instanceof Error ? error.message : String(error) });
      }
    }));
  };

  return {
    follow: (payment) => {
      const kind = wanted(payment);
      if (kind !== null) autoPrint(payment, kind, true);
    },
    resume: (get, recent) => {
      for (const record of ledger.outstanding()) {
        const payment = get(record.paymentId);
        // A QR slip is owed only while its QR can still be paid; receipts are owed for good.
        if (payment === undefined || (record.kind === 'qr_slip' && wanted(payment) !== 'qr_slip')) {
          ledger.failed(record.paymentId, record.kind, 'No longer needed after the restart');
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
  };
}
