import type { Settings } from '../../../app/settings/settings';
import type { CustomerWindowNote } from '../devices/device-status';
import type { Counter, Emit } from './counter';
import type { CommandHandlers } from './dispatcher';
import type { ClientRole } from './terminal-api';

export interface CounterSlotOptions {
  /** Starts a counter from these settings; its events go to `emit` given here. */
  readonly start: (settings: Settings, emit: Emit) => Promise<Counter>;
  /** The terminal's event bus. */
  readonly emit: Emit;
  /** Every command, answered by this counter (and by what outlives it: settings, staff). */
  readonly commands: (counter: Counter) => CommandHandlers;
}

/** The counter in force, and the screens attached to it; replaced whole when settings are saved. */
export interface CounterSlot {
  readonly current: () => Counter;
  readonly handlers: () => CommandHandlers;
  /** A screen came up: the device bar counts customer displays. The returned function says it went away. */
  readonly attach: (role: ClientRole) => () => void;
  /** The Electron shell's word on its customer window; a new counter is told it too. */
  readonly noteCustomerWindow: (note: CustomerWindowNote) => void;
  /**
   * Stops the counter and starts one with `next`; if that cannot start, one with `fallback` instead, and
   * the error is thrown for the caller to report. Either way a counter is running afterwards.
   */
  restart(next: Settings, fallback: Settings): Promise<void>;
  close(): Promise<void>;
}

export async function startCounterSlot(options: CounterSlotOptions, settings: Settings): Promise<CounterSlot> {
  /** Silences the counter in force: its shutdown tells the screens nothing. */
  let silence: () => void = () => undefined;
  const start = (next: Settings): Promise<Counter> => {
    let live = true;
    silence = () => (live = false);
    return options.start(next, (event, payload) => {
      if (live) options.emit(event, payload);
    });
  };
  let counter = await start(settings);
  let handlers = options.commands(counter);
  const screens = new Map<number, { readonly role: ClientRole; detach: () => void }>();
  let nextScreen = 0;
  let windowNote: CustomerWindowNote = { kind: 'none' };
  const attachTo = (role: ClientRole): (() => void) => (role === 'display' ? counter.board.attachCustomerDisplay() : () => undefined);

  return {
    current: () => counter,
    handlers: () => handlers,
    attach: (role) => {
      const id = nextScreen++;
      screens.set(id, { role, detach: attachTo(role) });
      return () => {
        screens.get(id)?.detach();
        screens.delete(id);
      };
    },
    noteCustomerWindow: (note) => {
      windowNote = note;
      counter.board.noteCustomerWindow(note);
    },
    restart: async (next, fallback) => {
      for (const screen of screens.values()) screen.detach();
      silence();
      await counter.close();
      let failure: Error | null = null;
      try {
        counter = await start(next);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        counter = await start(fallback);
      }
      handlers = options.commands(counter);
      counter.board.noteCustomerWindow(windowNote);
      for (const screen of screens.values()) screen.detach = attachTo(screen.role);
      // Every screen learns the new terminal (methods, merchant, languages) without reloading.
      const now = counter.snapshot();
      options.emit('terminal', now.terminal);
      if (now.devices !== null) options.emit('devices', now.devices);
      options.emit('payment', { payment: now.payment, serverTime: now.serverTime });
      if (failure !== null) throw failure;
    },
    close: async () => {
      silence();
      await counter.close();
    },
  };
}
