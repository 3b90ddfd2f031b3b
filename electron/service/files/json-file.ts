import type { z } from 'zod';
import { describeSettingsError } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import { readSavedFile, writePrivateFile, type SavedFileProblem } from './private-file';

/** Why a JSON file was not used, in English; with a `Said` where the file could not be read at all. */
export type JsonFileProblem = Pick<SavedFileProblem, 'message'> & Partial<Pick<SavedFileProblem, 'said'>>;

/**
 * A settings file the terminal keeps beside its journal (screen settings, device choices): read whole
 * and checked, never half-read; `notUsed` ends each complaint with what the terminal does instead.
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, notUsed?: string): Result<T | null, JsonFileProblem> {
  const read = readSavedFile(file);
  if (!read.ok) return read;
  if (read.value === null) return ok(null);
  let json: unknown;
  try {
    json = JSON.parse(read.value.toString('utf8'));
  } catch {
    return err({ message: `${file} is not valid JSON${notUsed === undefined ? '' : `, so ${notUsed}`}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return err({ message: `${file}: ${describeSettingsError(parsed.error).join('; ')}${notUsed === undefined ? '' : `; ${notUsed}`}` });
  return ok(parsed.data);
}

/** Written whole and renamed into place, so a power cut leaves the old file or the new one, never half. */
export function writeJsonFile(file: string, value: unknown, what: string): Result<void, string> {
  try {
    writePrivateFile(file, `${JSON.stringify(value, null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    return err(`The ${what} could not be saved in ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
