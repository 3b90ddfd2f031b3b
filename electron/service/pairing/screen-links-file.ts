import { join } from 'node:path';
import { z } from 'zod';
import type { SettingsProblem } from '../../../app/ipc/settings-schemas';
import { err, ok, type Result } from '../../../app/util/result';
import { readSavedFile } from '../files/private-file';
import { writeJsonFile } from '../files/json-file';

/** The paired displays and the kiosk cashier link, beside the journal: 0600, written whole, tokens only as hashes. */
export const SCREEN_LINKS_FILE = 'screen-links.json';

export const MAX_PAIRED_DISPLAYS = 32;

const hash = z.string().regex(/^[0-9a-f]{64}$/);

const storedDisplay = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  name: z.string().min(1).max(40),
  tokenHash: hash,
  pairedAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative().nullable(),
});
export type StoredDisplay = z.infer<typeof storedDisplay>;

const fileSchema = z.strictObject({
  version: z.literal(1),
  cashier: z.strictObject({ tokenHash: hash, createdAt: z.number().int().nonnegative() }).nullable(),
  displays: z.array(storedDisplay).max(MAX_PAIRED_DISPLAYS),
});
export type ScreenLinks = Omit<z.infer<typeof fileSchema>, 'version'>;

export const EMPTY_SCREEN_LINKS: ScreenLinks = { cashier: null, displays: [] };

export const screenLinksPath = (dataDir: string): string => join(dataDir, SCREEN_LINKS_FILE);

/**
 * The saved links, or none when there is no file yet. A damaged file is an error: the caller starts
 * with no paired displays and says so, rather than guessing which tokens were valid.
 */
export function loadScreenLinks(file: string): Result<ScreenLinks, SettingsProblem> {
  const damaged = (problem: 'not_json' | 'unexpected'): Result<ScreenLinks, SettingsProblem> =>
    err({
      message: `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}): paired displays must pair again, and the kiosk cashier link is replaced`,
      said: { area: 'settings', kind: 'paired_displays_damaged', file, problem },
    });
  const read = readSavedFile(file);
  if (!read.ok) return read;
  if (read.value === null) return ok(EMPTY_SCREEN_LINKS);
  let json: unknown;
  try {
    json = JSON.parse(read.value.toString('utf8'));
  } catch {
    return damaged('not_json');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return damaged('unexpected');
  return ok({ cashier: parsed.data.cashier, displays: parsed.data.displays });
}

export const saveScreenLinks = (file: string, links: ScreenLinks): Result<void, string> =>
  writeJsonFile(file, { version: 1, ...links }, 'list of paired displays');
