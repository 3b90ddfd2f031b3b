import { Socket } from 'node:net';
import { DeviceFault } from '../device-fault';
import type { PrinterStatus } from './printer-status';
import { queryStatusOver } from './query-status';
import { ReplyReader } from './reply-reader';
import type { PrinterTransport } from './transport';

export const DEFAULT_RAW_PORT = 9100;

export interface TcpTransportOptions {
  readonly host: string;
  readonly port?: number;
}

/** Raw TCP ("JetDirect", port 9100). One connection, opened on first use and reopened after any error. */
export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp' as const;
  readonly description: string;
  private socket: Socket | null = null;
  private readonly reader = new ReplyReader();
  private readonly host: string;
  private readonly port: number;

  constructor(options: TcpTransportOptions) {
    this.host = options.host;
    this.port = options.port ?? DEFAULT_RAW_PORT;
    this.description = `${this.host}:${this.port}`;
  }

  private connect(timeoutMs: number): Promise<Socket> {
    const existing = this.socket;
    if (existing && !existing.destroyed) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DeviceFault(`Printer at ${this.description} did not accept a connection within ${timeoutMs} ms`, { problem: 'connect_timeout', where: this.description, ms: timeoutMs }));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new DeviceFault(`Cannot reach the printer at ${this.description}: ${error.message}`, { problem: 'unreachable', where: this.description, reason: error.message }));
      });
      socket.connect(this.port, this.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.on('error', () => socket.destroy());
        socket.on('close', () => {
          if (this.socket === socket) this.socket = null;
        });
        socket.on('data', (chunk: Buffer) => this.reader.push(chunk));
        socket.setNoDelay(true);
        this.socket = socket;
        resolve(socket);
      });
    });
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const socket = await this.connect(timeoutMs);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DeviceFault(`Printer at ${this.description} did not take the data within ${timeoutMs} ms`, { problem: 'write_timeout', link: 'tcp', where: this.description, ms: timeoutMs }));
      }, timeoutMs);
      socket.write(bytes, (error) => {
        clearTimeout(timer);
        if (error) reject(new DeviceFault(`Sending to the printer at ${this.description} failed: ${error.message}`, { problem: 'send_failed', link: 'tcp', where: this.description, reason: error.message }));
        else resolve();
      });
    });
  }

  queryStatus(timeoutMs: number): Promise<PrinterStatus> {
    return queryStatusOver((b, t) => this.write(b, t), this.reader, timeoutMs);
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
