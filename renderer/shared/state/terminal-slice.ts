import type { StateCreator } from 'zustand';
import type { TerminalInfo } from '../../../app/ipc/contract';
import type { ConnectionStatus } from '../../api/connection-status';

/** What the screen knows about the terminal itself and the link to it. */
export interface TerminalSlice {
  readonly terminal: TerminalInfo | null;
  readonly connection: ConnectionStatus;
  /** serverTime - Date.now(): added to the local clock so countdowns match the host's. */
  readonly clockOffsetMs: number;
  /** The last message the host could not read, or a snapshot it could not give. */
  readonly hostError: string | null;
  readonly setTerminal: (terminal: TerminalInfo) => void;
  readonly setConnection: (connection: ConnectionStatus) => void;
  readonly setServerTime: (serverTime: number) => void;
  readonly setHostError: (message: string | null) => void;
}

export const createTerminalSlice: StateCreator<TerminalSlice> = (set) => ({
  terminal: null,
  connection: 'connecting',
  clockOffsetMs: 0,
  hostError: null,
  setTerminal: (terminal) => set({ terminal }),
  setConnection: (connection) => set({ connection }),
  setServerTime: (serverTime) => set({ clockOffsetMs: serverTime - Date.now() }),
  setHostError: (hostError) => set({ hostError }),
});
