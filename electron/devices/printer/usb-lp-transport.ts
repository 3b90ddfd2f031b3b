import type { FileHandle } from 'node:fs/promises';
import { PRINTER_USB_LP } from '../../../app/settings/device-path';
import { devicePathPolicy, openDeviceForWrite, type DevicePathPolicy } from '../device-path';
import { DeviceFault } from '../device-fault';
import type { PrinterTransport } from './transport';

export const DEFAULT_USB_LP_PATH = '/dev/usb/lp0';

export interface UsbLpTransportOptions {
  readonly path?: string;
  /** Which device paths may be opened; without it, the platform's devices and no pseudo-terminals. */
  readonly policy?: DevicePathPolicy;
}

/**
 * The Linux usblp device file. Write-only as far as we are concerned: reading status back through it
 * is unreliable across kernels and models, so this transport has no queryStatus and reports unknown.
 */
export class UsbLpTransport implements PrinterTransport {
  readonly kind = 'usb-lp' as const;
  readonly description: string;
  private readonly path: string;
  private readonly policy: DevicePathPolicy;

  constructor(options: UsbLpTransportOptions = {}) {
    this.path = options.path ?? DEFAULT_USB_LP_PATH;
    this.policy = options.policy ?? devicePathPolicy();
    this.description = this.path;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    let handle: FileHandle | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = (async () => {
        // Checked again before every job: the path is resolved, must be an allowed character device,
        // and is opened without ever creating, appending to or truncating a file.
        handle = await openDeviceForWrite(this.path, PRINTER_USB_LP, this.policy);
        await handle.write(bytes);
      })();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DeviceFault(`Printer ${this.path} did not take the data within ${timeoutMs} ms`, { problem: 'write_timeout', link: 'usb-lp', where: this.path, ms: timeoutMs })),
          timeoutMs,
        );
      });
      await Promise.race([work, deadline]);
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof Error && /^(Printer|The printer path) /.test(message)) throw error;
      throw new DeviceFault(`Cannot write to the printer ${this.path}: ${message}`, { problem: 'usb_write_failed', path: this.path, reason: message });
    } finally {
      clearTimeout(timer);
      await (handle as FileHandle | null)?.close().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
