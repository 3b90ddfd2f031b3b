import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

export const IPC_MAIN_SURFACE = [
  'handle',
  'handleOnce',
  'removeHandler',
] as const;

type Surface = Pick<IpcMain, (typeof IPC_MAIN_SURFACE)[number]>;
type InvokeHandler = Parameters<IpcMain['handle']>[1];

const handlersOf = new WeakMap<StandinIpcMain, Map<string, InvokeHandler>>();

/** Electron's ipcMain: `handle` answers `ipcRenderer.invoke`, `on` hears `ipcRenderer.send`. */
export class StandinIpcMain extends EventEmitter implements Surface {
  constructor() {
    super();
    handlersOf.set(this, new Map());
  }

  handle(channel: string, listener: InvokeHandler): void {
    const handlers = handlersOf.get(this)!;
    // Electron's own words for a second handler on one channel.
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args: unknown[]): unknown => {
      this.removeHandler(channel);
      return Reflect.apply(listener, undefined, [event, ...args]);
    });
  }

  removeHandler(channel: string): void {
    handlersOf.get(this)!.delete(channel);
  }
}

/** The channels with an invoke handler, for tests. */
export const handledChannels = (ipcMain: StandinIpcMain): string[] => [...handlersOf.get(ipcMain)!.keys()];

/**
 * One `ipcRenderer.invoke`, answered as Electron answers it: the handler's value, or a rejection whose
 * message is "Error invoking remote method '<channel>': <the error>" (also when no handler is registered).
 */
export async function invokeMain(ipcMain: StandinIpcMain, channel: string, event: unknown, args: readonly unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const handler = handlersOf.get(ipcMain)!.get(channel);
  if (handler === undefined) return { ok: false, error: `Error: No handler registered for '${channel}'` };
  try {
    // The event is the stand-in's own object with the fields main reads (sender, senderFrame, ...).
    return { ok: true, value: (await handler(event as IpcMainInvokeEvent, ...args)) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
