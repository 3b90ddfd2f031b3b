import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { UnreadableReason } from '../../../app/i18n/said/settings';
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

/** Why a file was refused, as values a sentence in any language can be built from. */
export type ReadRefusal =
  | { readonly reason: UnreadableReason; readonly code: string | null }
  | { readonly reason: 'too_large'; readonly size: number; readonly max: number; readonly grew: boolean };

export type ReadProblem =
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string; readonly refusal: ReadRefusal };

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there a FIFO or device cannot sit at a file path anyway.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** What a non-regular file is, or null for a regular file. */
export function notAFile(stats: Stats): UnreadableReason | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'not_regular';
}

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** The refusal in English, after the file's name (cashier words: renderer/cashier/words/en/said-settings.ts). */
export function refusalSentence(refusal: ReadRefusal): string {
  if (refusal.reason === 'too_large') {
    return refusal.grew
      ? `is larger than ${mib(refusal.max)}, so it was not read`
      : `is ${mib(refusal.size)}; at most ${mib(refusal.max)} is read, so it was not read (is it the right file?)`;
  }
  const sentences: Record<UnreadableReason, string> = {
    folder: 'is a folder, not a file',
    pipe: 'is a named pipe (FIFO), not a regular file, so it was not read (reading it could wait forever)',
    device: 'is a device, not a regular file, so it was not read',
    socket: 'is a socket, not a regular file, so it was not read',
    not_regular: 'is not a regular file, so it was not read',
    link: 'is a symbolic link; files in the data folder must be regular files, so it was not read (remove the link)',
    link_loop: 'is a loop of symbolic links',
    permission: 'cannot be read: permission denied for this user account',
    other: `cannot be read (${refusal.code ?? 'unknown error'})`,
  };
  return sentences[refusal.reason];
}

const refused = (path: string, what: string, refusal: ReadRefusal): ReadProblem => ({ kind: 'refused', message: `${what} ${path} ${refusalSentence(refusal)}`, refusal });

function openReason(code: string | undefined, followLinks: boolean): UnreadableReason {
  switch (code) {
    case 'ELOOP':
    case 'EMLINK': // FreeBSD's answer to O_NOFOLLOW on a link
      return followLinks ? 'link_loop' : 'link';
    case 'EISDIR':
      return 'folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'ENXIO': // a socket or a device with nothing behind it
      return 'not_regular';
    default:
      return 'other';
  }
}

function openProblem(path: string, what: string, code: string | undefined, followLinks: boolean): ReadProblem {
  if (code === 'ENOENT') return { kind: 'missing', message: `${what} ${path} does not exist` };
  const reason = openReason(code, followLinks);
  return refused(path, what, { reason, code: reason === 'other' ? (code ?? null) : null });
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
    if (kind !== null) return err(refused(path, what, { reason: kind, code: null }));
    if (stats.size > options.maxBytes) return err(refused(path, what, { reason: 'too_large', size: stats.size, max: options.maxBytes, grew: false }));
    // One byte past the bound tells a file that grew since fstat from one that did not.
    const buffer = Buffer.alloc(options.maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > options.maxBytes) return err(refused(path, what, { reason: 'too_large', size: length, max: options.maxBytes, grew: true }));
    }
    return ok({ bytes: Buffer.from(buffer.subarray(0, length)), mode: stats.mode & 0o7777, uid: stats.uid });
  } catch (error) {
    return err(openProblem(path, what, (error as NodeJS.ErrnoException).code, options.followLinks));
  } finally {
    closeSync(fd);
  }
}
