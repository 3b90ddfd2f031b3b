import type { PrinterStatus } from './printer-status';

export type TransportKind = 'tcp' | 'serial' | 'usb-lp';

/** One way to reach a printer. Adapters own their connection; the queue owns retries. */
export interface PrinterTransport {
  readonly kind: TransportKind;
  /** A short name for messages, e.g. "192.168.1.50:9100". */
  readonly description: string;
  /** Line speed where it is slow enough to matter (serial), so timeouts grow with the job's size. */
  readonly bytesPerSecond?: number;
  /** Resolves when the bytes are handed to the OS; rejects with a plain-language Error. */
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  /** Present only where the printer can answer (TCP, serial); USB lp is write-only. */
  queryStatus?(timeoutMs: number): Promise<PrinterStatus>;
  close(): Promise<void>;
}
