import { join } from 'node:path';
import { installLastResort, type ProcessEvents } from '../service/logging/last-resort';
import type { Logger } from '../service/logging/logger';

/**
 * Crash reporting that stays on the counter PC: Electron's crashReporter keeps native crash dumps
 * (minidumps) in `<userData>/Crashpad` and uploads nothing, and JavaScript failures of the main
 * process and gone child processes are written to `terminal.log` as JSON lines. A renderer that
 * dies is logged, and its page reloaded, by windows.ts. No Electron import: main.ts passes `app`
 * and `process` in, and the tests pass EventEmitters.
 */

export const CRASH_DUMPS_FOLDER = 'Crashpad';

/** Where native crash dumps go; main.ts sets Electron's `crashDumps` path to it before starting the reporter. */
export const crashDumpsDir = (userDataDir: string): string => join(userDataDir, CRASH_DUMPS_FOLDER);

/** For `crashReporter.start`: dumps are kept locally; there is no server to send them to. */
export interface LocalCrashReporterOptions {
  readonly productName: string;
  readonly uploadToServer: false;
  readonly compress: true;
}

export const crashReporterOptions = (productName: string): LocalCrashReporterOptions => ({ productName, uploadToServer: false, compress: true });

/** Anything with EventEmitter's `on`/`removeListener`: Node's `process`, Electron's `app`. */
export type EventSource = ProcessEvents;

export interface CrashLoggingOptions {
  readonly process: EventSource;
  readonly app: EventSource;
  readonly log: Logger;
  /**
   * After a failure that leaves the main process in an unknown state, it is logged, then this is
   * called (once) to shut down cleanly, closing the journal, so the next start recovers the sale.
   */
  readonly onFatal: (error: unknown) => void;
}

/** Electron's `Details` of 'child-process-gone', as far as the log needs it. */
export interface ChildProcessGoneDetails {
  readonly type: string;
  readonly reason: string;
  readonly exitCode: number;
  readonly name?: string;
  readonly serviceName?: string;
}

/**
 * Attaches the handlers; returns a function that detaches them. JavaScript failures of the main
 * process follow the headless host's rule (electron/service/last-resort.ts): a connection's error or
 * an unhandled rejection is logged and the terminal goes on; a journal error, another uncaught
 * exception, or too many errors in a minute shut it down cleanly, so the next start recovers the sale.
 */
export function installCrashLogging(options: CrashLoggingOptions): () => void {
  const { log } = options;
  const detachLastResort = installLastResort({ process: options.process, log, onFatal: options.onFatal });

  const childProcessGone = (_event: unknown, gone: unknown): void => {
    const details = (typeof gone === 'object' && gone !== null ? gone : {}) as Partial<ChildProcessGoneDetails>;
    const normal = details.reason === 'clean-exit';
    log.log(normal ? 'info' : 'error', 'child process gone', {
      type: details.type ?? 'unknown',
      reason: details.reason ?? 'unknown',
      exitCode: details.exitCode ?? null,
      ...(details.name === undefined ? {} : { name: details.name }),
      ...(details.serviceName === undefined ? {} : { serviceName: details.serviceName }),
    });
  };

  options.app.on('child-process-gone', childProcessGone);
  return () => {
    detachLastResort();
    options.app.removeListener('child-process-gone', childProcessGone);
  };
}
