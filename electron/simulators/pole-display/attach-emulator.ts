import { SerialPort } from 'serialport';
import type { PoleDriverId } from '../../../app/pole-display/driver';
import { createPoleEmulator, type PoleEmulator } from './pole-emulator';

/** Anything that emits the bytes a display would receive: a serial port, a socket, a duplex stream. */
export interface ByteSource {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  off(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
}

/** Feeds everything `source` emits into the emulator; the returned function detaches it. */
export function attachPoleEmulator(emulator: PoleEmulator, source: ByteSource): () => void {
  const listener = (chunk: Uint8Array): void => emulator.feed(chunk);
  source.on('data', listener);
  return () => {
    source.off('data', listener);
  };
}

export interface EmulatedDisplay {
  readonly emulator: PoleEmulator;
  readonly close: () => Promise<void>;
}

/** Opens the display end of a serial link (e.g. one side of a socat pty pair) with an emulator on it. */
export async function openEmulatedDisplay(path: string, commandSet: PoleDriverId, baudRate = 9600): Promise<EmulatedDisplay> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(error) : resolve()));
  });
  const emulator = createPoleEmulator(commandSet);
  const detach = attachPoleEmulator(emulator, port);
  // A vanished pty (socat killed) is expected in tests; it must not become an unhandled error.
  port.on('error', () => undefined);
  return {
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        detach();
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
