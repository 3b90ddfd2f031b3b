import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../app/util/result';

/*
 * The files the terminal keeps beside its journal (saved settings, device choices, keys): readable
 * by this user account only, and never half-written.
 */

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Writes bytes whole and renames them into place with mode 0600, so a power cut leaves one file or the other. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, file);
}

/** The file's bytes, or null when there is none yet. */
export function readOptionalFile(file: string): Result<Buffer | null, string> {
  try {
    return ok(readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err(`${file} cannot be read: ${message(error)}`);
  }
}
