import * as nodeFs from 'node:fs';
import { openLogFile, type RotatingLogFs } from './rotating-log-file';

export type { RotatingLogFs } from './rotating-log-file';

export interface RotatingLogOptions {
  readonly file: string;
  /** The file is rotated before it would pass this size. */
  readonly maxBytes?: number;
  /** Rotated files kept beside it: `file.1` (newest) to `file.K`. */
  readonly keep?: number;
  /** A longer line is cut, with a marker saying how long it was. */
  readonly maxLineBytes?: number;
  /** Where to say that the file cannot be written, and that it can again (e.g. stderr). */
  readonly report?: (message: string) => void;
  readonly fs?: RotatingLogFs;
  readonly now?: () => number;
}

export interface RotatingLog {
  readonly file: string;
  /** Appends one line; never throws: a line that cannot be written is dropped and counted. */
  write(line: string): void;
  /** Lines dropped since the file was opened. */
  readonly dropped: number;
  close(): void;
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 3;
export const LOG_MAX_LINE_BYTES = 8 * 1024;

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** The line on one line, at most `maxBytes` bytes of UTF-8 with its marker. */
export function capLine(line: string, maxBytes: number): string {
  const flat = line.replace(/[\r\n]+/g, ' ');
  const bytes = Buffer.byteLength(flat);
  if (bytes <= maxBytes) return flat;
  const marker = ` …[line cut: ${String(bytes)} bytes]`;
  const room = Math.max(0, maxBytes - Buffer.byteLength(marker));
  // A cut inside a multi-byte character decodes to U+FFFD; drop that half character.
  return `${Buffer.from(flat).subarray(0, room).toString('utf8').replace(/\uFFFD+$/, '')}${marker}`;
}

/**
 * A log file that cannot grow without bound: past `maxBytes` it becomes `file.1` (older ones shift up,
 * the oldest past `keep` is replaced), and a new file starts. Files are 0600. Writes are synchronous,
 * so the last line before a crash is on disk; lines are small and the listener's logging is sampled.
 * A full or missing disk never ends the process: lines are dropped, counted, and reported once.
 */
export function openRotatingLog(options: RotatingLogOptions): RotatingLog {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? LOG_KEEP);
  const maxLineBytes = options.maxLineBytes ?? LOG_MAX_LINE_BYTES;
  const report = options.report ?? (() => undefined);
  const now = options.now ?? Date.now;
  const { file } = options;
  const logFile = openLogFile(fs, file, maxBytes, keep);
  let dropped = 0;
  let droppedInOutage = 0;
  let closed = false;

  return {
    file,
    get dropped() {
      return dropped;
    },
    write: (line) => {
      if (closed) return;
      const bytes = Buffer.from(`${capLine(line, maxLineBytes)}\n`);
      try {
        if (droppedInOutage > 0) {
          const notice = { time: new Date(now()).toISOString(), level: 'warn', message: 'Log lines were dropped while the log file could not be written', dropped: droppedInOutage };
          logFile.append(Buffer.from(`${JSON.stringify(notice)}\n`));
          report(`The log file ${file} can be written again; ${String(droppedInOutage)} lines were dropped meanwhile.`);
          droppedInOutage = 0;
        }
        logFile.append(bytes);
      } catch (error) {
        logFile.close();
        dropped += 1;
        droppedInOutage += 1;
        if (droppedInOutage === 1) report(`The log file ${file} cannot be written (${errorCode(error)}); log lines are dropped until it can.`);
      }
    },
    close: () => {
      closed = true;
      logFile.close();
    },
  };
}
