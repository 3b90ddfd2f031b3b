import type { SerialPort } from 'serialport';
import { PRINTER_SERIAL } from '../../../app/settings/device-path';
import { openCheckedSerialPort } from '../checked-serial-port';
import { devicePathPolicy, type DevicePathPolicy } from '../device-path';
import { DeviceFault } from '../device-fault';
import type { PrinterStatus } from './printer-status';
import { queryStatusOver } from './query-status';
import { ReplyReader } from './reply-reader';
import type { PrinterTransport } from './transport';

export interface SerialTransportOptions {
  readonly path: string;
  readonly baudRate?: number;
  /** Which device paths may be opened; without it, the platform's serial devices and no pseudo-terminals. */
  readonly policy?: DevicePathPolicy;
}

/** An RS-232 or USB-serial printer. 8N1: ten bits on the wire per byte, which sets the slow-link timeout. */
export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial' as const;
  readonly description: string;
  readonly bytesPerSecond: number;
  private port: SerialPort | null = null;
  private opening: Promise<SerialPort> | null = null;
  private readonly reader = new ReplyReader();
  private readonly path: string;
  private readonly baudRate: number;
  private readonly policy: DevicePathPolicy;

  constructor(options: SerialTransportOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate ?? 9600;
    this.policy = options.policy ?? devicePathPolicy();
    this.bytesPerSecond = this.baudRate / 10;
    this.description = `${this.path} at ${this.baudRate} baud`;
  }

  /** One open at a time: the path check makes opening take a moment, and a status query may ask meanwhile. */
  private open(): Promise<SerialPort> {
    const existing = this.port;
    if (existing?.isOpen) return Promise.resolve(existing);
    this.opening ??= this.openNow().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async openNow(): Promise<SerialPort> {
    let port: SerialPort;
    try {
      // Checked before every open: resolved, an allowed character device, and still that device once open.
      port = await openCheckedSerialPort({ path: this.path, baudRate: this.baudRate }, PRINTER_SERIAL, this.policy);
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      // The path check's own sentence is kept whole (and what it says with it).
      if (error instanceof Error && message.startsWith('The printer path ')) throw error;
      throw new DeviceFault(`Cannot open the printer's serial port ${this.path}: ${message}`, { problem: 'serial_open_failed', path: this.path, reason: message });
    }
    port.on('data', (chunk: Buffer) => this.reader.push(chunk));
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    this.port = port;
    return port;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const port = await this.open();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        port.close(() => undefined);
        reject(new DeviceFault(`Printer on ${this.description} did not take the data within ${timeoutMs} ms`, { problem: 'write_timeout', link: 'serial', where: this.description, ms: timeoutMs }));
      }, timeoutMs);
      port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      // drain: resolved only once the OS has sent the bytes, so the timeout covers the slow line.
      port.drain((error) => {
        clearTimeout(timer);
        if (error) reject(new DeviceFault(`Sending to the printer on ${this.description} failed: ${error.message}`, { problem: 'send_failed', link: 'serial', where: this.description, reason: error.message }));
        else resolve();
      });
    });
  }

  queryStatus(timeoutMs: number): Promise<PrinterStatus> {
    return queryStatusOver((b, t) => this.write(b, t), this.reader, timeoutMs);
  }

  async close(): Promise<void> {
    // A port still being opened is let finish, so it is closed here rather than left open.
    await this.opening?.catch(() => undefined);
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
