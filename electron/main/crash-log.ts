import { join } from 'node:path';
import type { Logger } from '../service/logger';

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
export interface EventSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface CrashLoggingOptions {
  readonly process: EventSource;
  readonly app: EventSource;
  readonly log: Logger;
  /**
   * After an uncaught exception the main process is in an unknown state: it is logged, then this is
   * called (once) to shut down cleanly, closing the journal, so the next start recovers the sale.
   */
  readonly onFatal: (error: unknown) => void;
}

/** The error as log fields: its message and, where there is one, its stack (the logger redacts secrets in both). */
export function errorFields(error: unknown): Record<string, string> {
  if (error instanceof Error) return { error: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  try {
    return { error: typeof error === 'string' ? error : JSON.stringify(error) ?? String(error) };
  } catch {
    return { error: String(error) };
  }
}

/** Electron's `Details` of 'child-process-gone', as far as the log needs it. */
export interface ChildProcessGoneDetails {
  readonly type: string;
  readonly reason: string;
  readonly exitCode: number;
  readonly name?: string;
  readonly serviceName?: string;
}

/** Attaches the handlers; returns a function that detaches them. */
export function installCrashLogging(options: CrashLoggingOptions): () => void {
  const { log } = options;
  let fatal = false;

  const uncaughtException = (error: unknown, origin: unknown): void => {
    log.log('error', fatal ? 'uncaught exception while shutting down' : 'uncaught exception; shutting down', {
      ...errorFields(error),
      origin: typeof origin === 'string' ? origin : 'uncaughtException',
    });
    if (fatal) return;
    fatal = true;
    try {
      options.onFatal(error);
    } catch (shutdownError) {
      log.log('error', 'shutdown after an uncaught exception failed', errorFields(shutdownError));
    }
  };

  // A rejected promise nobody awaited is a bug, but not a corrupted process: it is logged, and the terminal goes on.
  const unhandledRejection = (reason: unknown): void => {
    log.log('error', 'unhandled rejection', errorFields(reason));
  };

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

  options.process.on('uncaughtException', uncaughtException);
  options.process.on('unhandledRejection', unhandledRejection);
  options.app.on('child-process-gone', childProcessGone);
  return () => {
    options.process.removeListener('uncaughtException', uncaughtException);
    options.process.removeListener('unhandledRejection', unhandledRejection);
    options.app.removeListener('child-process-gone', childProcessGone);
  };
}
