import type { StateCreator } from 'zustand';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { DeviceStatus, PrintReport } from '../../../app/ipc/devices';
import type { ConnectionStatus } from '../../api/connection-status';

/**
 * A problem with the host itself: a message it could not read (`said`, its own sentence), or the
 * snapshot it could not give (`snapshot`, with the terminal's reason), which each screen words.
 */
export interface HostError {
  readonly kind: 'said' | 'snapshot';
  readonly message: string;
}

/** What the screen knows about the terminal itself and the link to it. */
export interface TerminalSlice {
  readonly terminal: TerminalInfo | null;
  /** The printer, pole display, customer display and providers, as main last reported them. */
  readonly devices: DeviceStatus | null;
  /** The last slip sent to the printer, with its preview. */
  readonly lastPrint: PrintReport | null;
  readonly connection: ConnectionStatus;
  /** serverTime - Date.now(): added to the local clock so countdowns match the host's. */
  readonly clockOffsetMs: number;
  /** The last message the host could not read, or a snapshot it could not give. */
  readonly hostError: HostError | null;
  readonly setTerminal: (terminal: TerminalInfo) => void;
  readonly setDevices: (devices: DeviceStatus | null) => void;
  readonly setLastPrint: (print: PrintReport | null) => void;
  readonly setConnection: (connection: ConnectionStatus) => void;
  readonly setServerTime: (serverTime: number) => void;
  readonly setHostError: (error: HostError | null) => void;
}

export const createTerminalSlice: StateCreator<TerminalSlice> = (set) => ({
  terminal: null,
  devices: null,
  lastPrint: null,
  connection: 'connecting',
  clockOffsetMs: 0,
  hostError: null,
  setTerminal: (terminal) => set({ terminal }),
  setDevices: (devices) => set({ devices }),
  setLastPrint: (lastPrint) => set({ lastPrint }),
  setConnection: (connection) => set({ connection }),
  setServerTime: (serverTime) => set({ clockOffsetMs: serverTime - Date.now() }),
  setHostError: (hostError) => set({ hostError }),
});
