import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/**
 * The file's bytes, or null when there is none yet. A link, a FIFO, a device or a file over 1 MiB
 * is refused with a sentence, since nothing the terminal saves there is ever any of those.
 */
export function readOptionalFile(file: string, maxBytes: number = MAX_SETTINGS_BYTES): Result<Buffer | null, string> {
  const read = readRegularFile(file, { maxBytes, followLinks: false, what: 'The saved file' });
  if (read.ok) return ok(read.value.bytes);
  return read.error.kind === 'missing' ? ok(null) : err(read.error.message);
}
