import { fstat, type Stats } from 'node:fs';
import { SerialPort } from 'serialport';
import type { DeviceUse } from '../../app/settings/device-path';
import { confirmOpened, deviceToOpen, type DevicePathPolicy } from './device-path';

/** The line settings the printer and the pole display use; the path is as settings name it. */
export interface CheckedSerialOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits?: 5 | 6 | 7 | 8;
  readonly parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  readonly stopBits?: 1 | 1.5 | 2;
}

const fstatOf = (fd: number): Promise<Stats> => new Promise((resolve, reject) => fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats))));

const closed = (port: SerialPort): Promise<void> => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));

/**
 * A serial port opened only after the path check. serialport opens the path itself (no O_CREAT, but
 * it follows links), so it is given the resolved device, and its descriptor is checked once open:
 * still the character device that was checked, or it is closed again before a byte is sent.
 */
export async function openCheckedSerialPort(options: CheckedSerialOptions, use: DeviceUse, policy: DevicePathPolicy): Promise<SerialPort> {
  const { resolved, rdev } = await deviceToOpen(options.path, use, policy);
  const port = new SerialPort({ ...options, path: resolved, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  if (rdev === null) return port;
  // The binding's descriptor is not in serialport's types; without it the port cannot be confirmed.
  const fd = (port.port as { readonly fd?: unknown } | undefined)?.fd;
  const stats = typeof fd === 'number' ? await fstatOf(fd).catch(() => null) : null;
  const same = stats === null ? { ok: false as const, error: `${options.path} could not be confirmed as a device once open` } : confirmOpened(stats, rdev, options.path, use);
  if (same.ok) return port;
  await closed(port);
  throw new Error(same.error);
}
