import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { err, ok, type Result } from '../../../app/util/result';

/**
 * Reads a small file the terminal was told to trust (a settings file, a saved-state file) without
 * ever blocking on it or reading something that is not a file: it is opened non-blocking, checked
 * through its own handle (so nothing can be swapped in between a check and the read), and read
 * from that handle only up to a bound.
 */

/** A settings file is a few kilobytes; 1 MiB bounds memory and parse time, and stops a log, image or device passed by mistake. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface RegularFileOptions {
  /** Largest accepted size in bytes. */
  readonly maxBytes: number;
  /** Follow a symbolic link to its target (the config file an admin may link), or refuse it (files in the data folder). */
  readonly followLinks: boolean;
  /** Names the file in sentences, e.g. "The settings file"; defaults to "The file". */
  readonly what?: string;
}

export interface RegularFile {
  readonly bytes: Buffer;
  /** The target's permission bits and owner, as the handle saw them. */
  readonly mode: number;
  readonly uid: number;
}

export type ReadProblem =
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there a FIFO or device cannot sit at a file path anyway.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** What a non-regular file is, in words, or null for a regular file. */
export function notAFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file, so it was not read (reading it could wait forever)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file, so it was not read';
  if (stats.isSocket()) return 'is a socket, not a regular file, so it was not read';
  return 'is not a regular file, so it was not read';
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

function openProblem(path: string, what: string, code: string | undefined, followLinks: boolean): ReadProblem {
  switch (code) {
    case 'ENOENT':
      return { kind: 'missing', message: `${what} ${path} does not exist` };
    case 'ELOOP':
    case 'EMLINK': // FreeBSD's answer to O_NOFOLLOW on a link
      return followLinks
        ? { kind: 'refused', message: `${what} ${path} is a loop of symbolic links` }
        : { kind: 'refused', message: `${what} ${path} is a symbolic link; files in the data folder must be regular files, so it was not read (remove the link)` };
    case 'EISDIR':
      return { kind: 'refused', message: `${what} ${path} is a folder, not a file` };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'refused', message: `${what} ${path} cannot be read: permission denied for this user account` };
    case 'ENXIO': // a socket or a device with nothing behind it
      return { kind: 'refused', message: `${what} ${path} is not a regular file, so it was not read` };
    default:
      return { kind: 'refused', message: `${what} ${path} cannot be read (${code ?? 'unknown error'})` };
  }
}

/** Opens, checks and reads `path`; every problem is a sentence naming the file, never its contents. */
export function readRegularFile(path: string, options: RegularFileOptions): Result<RegularFile, ReadProblem> {
  const what = options.what ?? 'The file';
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | (options.followLinks ? 0 : NOFOLLOW));
  } catch (error) {
    return err(openProblem(path, what, (error as NodeJS.ErrnoException).code, options.followLinks));
  }
  try {
    const stats = fstatSync(fd);
    const kind = notAFile(stats);
    if (kind !== null) return err({ kind: 'refused', message: `${what} ${path} ${kind}` });
    if (stats.size > options.maxBytes) {
      return err({ kind: 'refused', message: `${what} ${path} is ${mib(stats.size)}; at most ${mib(options.maxBytes)} is read, so it was not read (is it the right file?)` });
    }
    // One byte past the bound tells a file that grew since fstat from one that did not.
    const buffer = Buffer.alloc(options.maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > options.maxBytes) {
        return err({ kind: 'refused', message: `${what} ${path} is larger than ${mib(options.maxBytes)}, so it was not read` });
      }
    }
    return ok({ bytes: Buffer.from(buffer.subarray(0, length)), mode: stats.mode & 0o7777, uid: stats.uid });
  } catch (error) {
    return err(openProblem(path, what, (error as NodeJS.ErrnoException).code, options.followLinks));
  } finally {
    closeSync(fd);
  }
}
