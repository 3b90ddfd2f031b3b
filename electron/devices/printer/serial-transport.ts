import { SerialPort } from 'serialport';
import type { PrinterStatus } from './printer-status';
import { queryStatusOver } from './query-status';
import { ReplyReader } from './reply-reader';
import type { PrinterTransport } from './transport';

export interface SerialTransportOptions {
  readonly path: string;
  readonly baudRate?: number;
}

/** An RS-232 or USB-serial printer. 8N1: ten bits on the wire per byte, which sets the slow-link timeout. */
export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial' as const;
  readonly description: string;
  readonly bytesPerSecond: number;
  private port: SerialPort | null = null;
  private readonly reader = new ReplyReader();
  private readonly path: string;
  private readonly baudRate: number;

  constructor(options: SerialTransportOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate ?? 9600;
    this.bytesPerSecond = this.baudRate / 10;
    this.description = `${this.path} at ${this.baudRate} baud`;
  }

  private open(): Promise<SerialPort> {
    const existing = this.port;
    if (existing?.isOpen) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      port.open((error) => {
        if (error) {
          reject(new Error(`Cannot open the printer's serial port ${this.path}: ${error.message}`));
          return;
        }
        port.on('data', (chunk: Buffer) => this.reader.push(chunk));
        port.on('error', () => undefined);
        port.on('close', () => {
          if (this.port === port) this.port = null;
        });
        this.port = port;
        resolve(port);
      });
    });
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const port = await this.open();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        port.close(() => undefined);
        reject(new Error(`Printer on ${this.description} did not take the data within ${timeoutMs} ms`));
      }, timeoutMs);
      port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      // drain: resolved only once the OS has sent the bytes, so the timeout covers the slow line.
      port.drain((error) => {
        clearTimeout(timer);
        if (error) reject(new Error(`Sending to the printer on ${this.description} failed: ${error.message}`));
        else resolve();
      });
    });
  }

  queryStatus(timeoutMs: number): Promise<PrinterStatus> {
    return queryStatusOver((b, t) => this.write(b, t), this.reader, timeoutMs);
  }

  close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
