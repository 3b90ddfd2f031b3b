import type { Logger } from './logger';

/**
 * The headless host's last-resort handler for errors nothing caught. Each is logged with its stack
 * (through the logger, so registered secrets are redacted), then the rule below decides whether the
 * terminal keeps serving or shuts down cleanly (releasing its lock, closing the journal) so that a
 * restart recovers every sale from the journal:
 *
 * - A journal (SQLite) error: exit. What reached the disk is unknown; the journal on disk is the truth.
 * - A connection-level error (a reset socket, a malformed request line or URL, a stream written after
 *   its end): keep serving. It concerns one browser or webhook connection, not the sales.
 * - Anything else: an unhandled rejection keeps serving (it unwound only its own async chain, as the
 *   Electron shell's crash log also decides); an uncaught exception exits, since Node cannot promise
 *   a consistent process after one (the Electron shell exits too).
 * - More than `maxErrors` kept-serving errors within `windowMs`: exit. Something is failing in a loop,
 *   and a restart (by systemd or whoever started the host) is better than limping on.
 */

export type FailureOrigin = 'uncaughtException' | 'unhandledRejection';
export type FailureKind = 'journal' | 'connection' | 'other';
export type Decision = 'keep-serving' | 'exit';

/** Anything with EventEmitter's `on`/`removeListener`, such as Node's `process`. */
export interface ProcessEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface LastResortOptions {
  readonly process: ProcessEvents;
  readonly log: Logger;
  /** Called once, on the first error that decides 'exit'; it shuts down and exits the process. */
  readonly onFatal: (error: unknown) => void;
  /** Milliseconds, for the error budget; `Date.now` by default. */
  readonly now?: () => number;
  readonly maxErrors?: number;
  readonly windowMs?: number;
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPROTO', 'ERR_INVALID_URL']);
const CONNECTION_PREFIXES = ['HPE_', 'ERR_HTTP_', 'ERR_STREAM_', 'ERR_SOCKET_', 'ERR_TLS_'];

const codeOf = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' ? code : null;
};

export function classifyFailure(error: unknown): FailureKind {
  const code = codeOf(error);
  if ((code?.startsWith('SQLITE_') ?? false) || (error instanceof Error && error.name === 'SqliteError')) return 'journal';
  if (code !== null && (CONNECTION_CODES.has(code) || CONNECTION_PREFIXES.some((prefix) => code.startsWith(prefix)))) return 'connection';
  return 'other';
}

/** The rule above, without the budget. */
export function decide(kind: FailureKind, origin: FailureOrigin): Decision {
  if (kind === 'journal') return 'exit';
  if (kind === 'connection') return 'keep-serving';
  return origin === 'unhandledRejection' ? 'keep-serving' : 'exit';
}

/** The error as log fields: its message, code and stack (the logger redacts secrets in all of them). */
export function failureFields(error: unknown): Record<string, string> {
  const code = codeOf(error);
  const base = code === null ? {} : { code };
  if (error instanceof Error) return { ...base, error: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  try {
    return { ...base, error: typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error)) };
  } catch {
    return { ...base, error: String(error) };
  }
}

/** Attaches the handlers; returns a function that detaches them. */
export function installLastResort(options: LastResortOptions): () => void {
  const { log } = options;
  const now = options.now ?? Date.now;
  const maxErrors = options.maxErrors ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  let recent: number[] = [];
  let fatal = false;

  const handle = (origin: FailureOrigin, error: unknown): void => {
    const kind = classifyFailure(error);
    if (fatal) {
      log.log('error', `${origin} while shutting down`, { ...failureFields(error), origin, kind });
      return;
    }
    let decision = decide(kind, origin);
    let reason: string = kind;
    if (decision === 'keep-serving') {
      const at = now();
      recent = [...recent.filter((time) => at - time < windowMs), at];
      if (recent.length > maxErrors) {
        decision = 'exit';
        reason = `more than ${String(maxErrors)} errors within ${String(windowMs / 1000)} s`;
      }
    }
    log.log('error', decision === 'exit' ? `${origin}; shutting down` : `${origin}; still serving`, { ...failureFields(error), origin, kind, reason });
    if (decision === 'keep-serving') return;
    fatal = true;
    try {
      options.onFatal(error);
    } catch (shutdownError) {
      log.log('error', 'shutdown after an unexpected error failed', failureFields(shutdownError));
    }
  };

  const uncaught = (error: unknown): void => handle('uncaughtException', error);
  const rejected = (reason: unknown): void => handle('unhandledRejection', reason);
  options.process.on('uncaughtException', uncaught);
  options.process.on('unhandledRejection', rejected);
  return () => {
    options.process.removeListener('uncaughtException', uncaught);
    options.process.removeListener('unhandledRejection', rejected);
  };
}
