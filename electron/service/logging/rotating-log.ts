import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';

/** The file calls the sink makes, so a test can make the disk fail. */
export type RotatingLogFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'fstatSync' | 'fchmodSync' | 'mkdirSync'>;

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

const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW } = nodeFs.constants;
// O_NOFOLLOW does not exist on Windows, where the user-profile ACLs guard the folder instead.
const APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | (O_NOFOLLOW ?? 0);

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
  let fd: number | null = null;
  let size = 0;
  let dropped = 0;
  let droppedInOutage = 0;
  let closed = false;

  const closeFile = (): void => {
    if (fd === null) return;
    try {
      fs.closeSync(fd);
    } catch {
      // The descriptor is gone either way.
    }
    fd = null;
  };
  const open = (): number => {
    fs.mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // No following a link planted where the log goes: the line would land in the link's target.
    const opened = fs.openSync(file, APPEND_FLAGS, 0o600);
    try {
      // An older file may have been created with a wider mode.
      fs.fchmodSync(opened, 0o600);
      size = fs.fstatSync(opened).size;
    } catch (error) {
      fs.closeSync(opened);
      throw error;
    }
    fd = opened;
    return opened;
  };
  const rotate = (): void => {
    closeFile();
    for (let index = keep - 1; index >= 0; index--) {
      const from = index === 0 ? file : `${file}.${String(index)}`;
      try {
        fs.renameSync(from, `${file}.${String(index + 1)}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  const writeAll = (target: number, bytes: Buffer): void => {
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(target, bytes, offset, bytes.length - offset);
    size += bytes.length;
  };
  const append = (bytes: Buffer): void => {
    let target = fd ?? open();
    if (size > 0 && size + bytes.length > maxBytes) {
      rotate();
      target = open();
    }
    writeAll(target, bytes);
  };

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
          append(Buffer.from(`${JSON.stringify(notice)}\n`));
          report(`The log file ${file} can be written again; ${String(droppedInOutage)} lines were dropped meanwhile.`);
          droppedInOutage = 0;
        }
        append(bytes);
      } catch (error) {
        closeFile();
        dropped += 1;
        droppedInOutage += 1;
        if (droppedInOutage === 1) report(`The log file ${file} cannot be written (${errorCode(error)}); log lines are dropped until it can.`);
      }
    },
    close: () => {
      closed = true;
      closeFile();
    },
  };
}
