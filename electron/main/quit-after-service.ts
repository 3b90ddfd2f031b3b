import type { Logger } from '../service/logging/logger';
import type { RotatingLog } from '../service/logging/rotating-log';
import type { TerminalService } from '../service/terminal/terminal-service';

/** A shutdown that takes longer than this (the devices have their own, shorter bounds) is cut short. */
const SHUTDOWN_LIMIT_MS = 20_000;

/** The part of Electron's `app` that quitting uses; main.ts passes `app` in, so no Electron import here. */
export interface QuittingApp {
  quit(): void;
  exit(exitCode: number): void;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface QuitAfterServiceOptions {
  readonly app: QuittingApp;
  readonly service: TerminalService;
  readonly log: Logger;
  readonly sink: RotatingLog;
  readonly releaseLock: () => void;
  /** Disposes of the windows and undoes the IPC and settings wiring, before the service closes. */
  readonly closeWindows: () => void;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Quitting waits for the service: the engine stops, the devices finish their last receipt and
 * pole display screen (each within a bound), the journal closes, and the log is flushed.
 * Returns how a fatal error or a quit ends the app from now on; Electron's own quit goes through it too.
 */
export function quitAfterService(options: QuitAfterServiceOptions): (exitCode: number) => void {
  const { app, service, log, sink, releaseLock, closeWindows } = options;
  let stopped = false;
  let stopping: Promise<void> | null = null;
  const quitWith = (exitCode: number): void => {
    stopping ??= (async () => {
      const limit = setTimeout(() => {
        log.log('error', 'shutdown took too long; exiting', { limitMs: SHUTDOWN_LIMIT_MS });
        releaseLock();
        app.exit(exitCode);
      }, SHUTDOWN_LIMIT_MS);
      closeWindows();
      try {
        await service.close();
      } catch (error) {
        log.log('error', 'terminal service did not close cleanly', { error: describe(error) });
      }
      releaseLock();
      log.log('info', 'terminal stopped', { exitCode });
      sink.close();
      clearTimeout(limit);
      stopped = true;
      if (exitCode === 0) app.quit();
      else app.exit(exitCode);
    })();
  };
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    quitWith(0);
  });
  return quitWith;
}
