import type { Clock } from '../../../app/engine/clock';
import type { ReceiptDocument } from '../../../app/receipt/document';
import { encodeReceipt, type EncodedReceipt, type QrMode } from '../../../app/receipt/escpos/encoder';
import { err, ok, type Result } from '../../../app/util/result';
import type { PaperProfile } from '../../../app/receipt/paper';
import { PrintQueue, type JobOutcome, type JobRecord, type PrintQueueOptions, type QueueEvent } from './print-queue';
import type { PrinterStatus } from './printer-status';
import { qrcodeMatrix } from './qr-matrix';
import type { PrinterTransport } from './transport';

export interface ReceiptPrinterOptions {
  /** `createTransport(connection)` from settings, or a TcpTransport to the virtual printer in demo mode. */
  readonly transport: PrinterTransport;
  readonly paper: PaperProfile;
  readonly qr: QrMode;
  readonly clock: Clock;
  readonly queue?: Omit<PrintQueueOptions, 'transport' | 'clock'>;
}

export type PrintOutcome = JobOutcome & { readonly warnings: readonly string[] };

/** Documents in, outcomes out: the one object the terminal service needs to hold for the printer. */
export interface ReceiptPrinter {
  print(id: string, label: string, doc: ReceiptDocument): Promise<PrintOutcome>;
  reprint(id: string): Promise<JobOutcome>;
  status(): PrinterStatus;
  refreshStatus(): Promise<PrinterStatus>;
  jobs(): readonly JobRecord[];
  on(listener: (event: QueueEvent) => void): () => void;
  /**
   * Lets the jobs already queued finish, for at most `withinMs` (default DRAIN_MS), then closes the
   * connection. Resolves true when every job finished in time.
   */
  close(withinMs?: number): Promise<boolean>;
}

/** How long a shutdown waits for the print queue: a receipt on a slow serial line, not a dead printer's timeouts. */
export const DRAIN_MS = 8_000;

// e.g. a payload too long for any QR code: an outcome, like every other failure.
function safeEncode(doc: ReceiptDocument, options: ReceiptPrinterOptions): Result<EncodedReceipt, string> {
  try {
    return ok(encodeReceipt(doc, { paper: options.paper, qr: options.qr, qrMatrix: qrcodeMatrix }));
  } catch (error: unknown) {
    return err(error instanceof Error ? error.message : String(error));
  }
}

export function createReceiptPrinter(options: ReceiptPrinterOptions): ReceiptPrinter {
  const { transport } = options;
  const queue = new PrintQueue({ ...options.queue, transport, clock: options.clock });
  return {
    async print(id, label, doc) {
      const encoded = safeEncode(doc, options);
      if (!encoded.ok) {
        return { ok: false, id, attempts: 0, message: `${label} could not be prepared: ${encoded.error}`, problem: { problem: 'not_prepared', reason: encoded.error }, warnings: [] };
      }
      const outcome = await queue.print({ id, label, bytes: encoded.value.bytes });
      return { ...outcome, warnings: encoded.value.warnings };
    },
    reprint: (id) => queue.reprint(id),
    status: () => queue.status(),
    refreshStatus: () => queue.refreshStatus(),
    jobs: () => queue.jobs(),
    on: (listener) => queue.on(listener),
    close: async (withinMs = DRAIN_MS) => {
      const drained = await queue.close(withinMs);
      await transport.close();
      return drained;
    },
  };
}
