import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SavedFileReadSaid } from '../../../app/i18n/said/settings';
import { err, ok, type Result } from '../../../app/util/result';
import { MAX_SETTINGS_BYTES, readRegularFile } from './regular-file';

/*
 * The files the terminal keeps beside its journal (saved settings, device choices, keys): readable
 * by this user account only, never half-written, and never written or read through a link someone
 * planted in the folder.
 */

// O_NOFOLLOW does not exist on Windows; O_EXCL alone already refuses any existing name there.
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** A name nobody can guess in advance, so nothing can be planted at it; hidden so listings stay tidy. */
const temporaryName = (file: string): string => join(dirname(file), `.${basename(file)}.${randomBytes(12).toString('hex')}.tmp`);

/** Makes a rename durable; some systems (Windows) cannot open or sync a folder, and then the rename alone must do. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Not supported here: the rename is still atomic, only its durability across a power cut is the OS's.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes bytes whole and renames them into place with mode 0600, so a power cut leaves one file or
 * the other. The temporary file is created exclusively under a random name with O_NOFOLLOW: a
 * symlink or file planted at any name makes the write fail instead of going through it.
 */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = temporaryName(file);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Only a file this call created is ever removed: a failed open created nothing.
  const fd = openSync(temporary, CREATE_EXCLUSIVE, 0o600);
  let renamed = false;
  try {
    try {
      // The umask can only take bits away; this makes it exactly owner read/write whatever it is.
      fchmodSync(fd, 0o600);
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone; nothing is left behind either way.
      }
    }
  }
  syncFolder(dirname(file));
}

/** A saved file that could not be read: the English sentence, and the same as a `Said` for the settings screen. */
export interface SavedFileProblem {
  readonly message: string;
  readonly said: SavedFileReadSaid;
}

/**
 * The file's bytes, or null when there is none yet. A link, a FIFO, a device or a file over 1 MiB
 * is refused with a sentence and its `Said`, since nothing the terminal saves there is ever any of those.
 */
export function readSavedFile(file: string, maxBytes: number = MAX_SETTINGS_BYTES): Result<Buffer | null, SavedFileProblem> {
  const read = readRegularFile(file, { maxBytes, followLinks: false, what: 'The saved file' });
  if (read.ok) return ok(read.value.bytes);
  if (read.error.kind === 'missing') return ok(null);
  const { message, refusal } = read.error;
  const said: SavedFileReadSaid =
    refusal.reason === 'too_large'
      ? { area: 'settings', kind: 'saved_file_too_large', file, size: refusal.size, max: refusal.max, grew: refusal.grew }
      : { area: 'settings', kind: 'saved_file_unreadable', file, reason: refusal.reason, code: refusal.code };
  return err({ message, said });
}

/** As `readSavedFile`, with the problem in English only (for the log and the API). */
export function readOptionalFile(file: string, maxBytes: number = MAX_SETTINGS_BYTES): Result<Buffer | null, string> {
  const read = readSavedFile(file, maxBytes);
  return read.ok ? read : err(read.error.message);
}
