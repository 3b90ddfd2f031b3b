import { POLE_SERIAL } from '../../../app/settings/device-path';
import { openCheckedSerialPort } from '../checked-serial-port';
import { devicePathPolicy, type DevicePathPolicy } from '../device-path';

/** The serial settings of a pole display; most ship at 9600 8N1. */
export interface PoleSerialOptions {
  readonly path: string;
  readonly baudRate?: number;
  readonly dataBits?: 5 | 6 | 7 | 8;
  readonly parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  readonly stopBits?: 1 | 1.5 | 2;
}

export const DEFAULT_POLE_BAUD_RATE = 9600;

/** An open connection to the display: bytes out, and word when it goes away. */
export interface PoleLink {
  /** Resolves once the bytes have left for the wire (written and drained). */
  readonly write: (bytes: Uint8Array) => Promise<void>;
  readonly close: () => Promise<void>;
  /** Called once, when the port errors or closes underneath us (unplugged, pty gone). */
  readonly onLost: (listener: (reason: string) => void) => void;
}

/** How the device loop opens a link; injected so unit tests use a fake and the real thing uses serialport. */
export type PoleLinkOpener = (options: PoleSerialOptions) => Promise<PoleLink>;

/**
 * Opens the display's port through serialport, after the device path check with `policy` (the
 * settings file's devices.allowPseudoTerminals): a refused path rejects with the sentence, unopened.
 */
export const serialLinkOpener = (policy: DevicePathPolicy): PoleLinkOpener => async (options) => {
  const serial = {
    path: options.path,
    baudRate: options.baudRate ?? DEFAULT_POLE_BAUD_RATE,
    dataBits: options.dataBits ?? 8,
    parity: options.parity ?? 'none',
    stopBits: options.stopBits ?? 1,
  } as const;
  const port = await openCheckedSerialPort(serial, POLE_SERIAL, policy);
  let lostListener: ((reason: string) => void) | null = null;
  let lost: string | null = null;
  const markLost = (reason: string): void => {
    if (lost !== null) return;
    lost = reason;
    lostListener?.(reason);
  };
  port.on('error', (error: Error) => markLost(error.message));
  port.on('close', (error: Error | null) => markLost(error ? error.message : 'port closed'));
  // Displays send nothing, but reading is what notices a hang-up (unplugged adapter, closed pty) at once.
  port.on('data', () => undefined);
  let closing = false;
  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (lost !== null) return reject(new Error(lost));
        port.write(Buffer.from(bytes), (error) => {
          if (error) return reject(error);
          port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (closing || !port.isOpen) return resolve();
        closing = true;
        lost ??= 'closed by the terminal';
        port.close(() => resolve());
      }),
    onLost: (listener) => {
      lostListener = listener;
      if (lost !== null) listener(lost);
    },
  };
};

/** The platform's serial devices, no pseudo-terminals: what a terminal uses unless its settings file says more. */
export const openSerialLink: PoleLinkOpener = serialLinkOpener(devicePathPolicy());
