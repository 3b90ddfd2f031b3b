import { join } from 'node:path';
import { z } from 'zod';
import { fieldProblems } from '../../../app/ipc/contract';
import { SETTINGS_SECTIONS, settingsFormSchema, type SaveSettingsArgs, type SettingsForm, type SettingsProblem } from '../../../app/ipc/settings-schemas';
import { settingsSchema, type Settings } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import type { ProviderCredentials } from './credential-store';
import { readJsonFile } from '../files/json-file';
import { writePrivateFile } from '../files/private-file';
import type { Said } from '../../../app/i18n/said';
import { fieldSaids } from '../../../app/settings/field-problem';
import { applyEnvOverrides, ENV_OVERRIDES } from './env-settings';
import { screenSettingsWrong } from './saved-settings-problems';

/**
 * The settings made on the settings screen, kept beside the journal. Only the sections that differ
 * from the settings file are kept, so a later edit of the file still counts for the rest. They win
 * over the file; the environment wins over both. Keys are kept apart, in the credential store.
 */
export const SCREEN_SETTINGS_FILE = 'screen-settings.json';
export const screenSettingsPath = (dataDir: string): string => join(dataDir, SCREEN_SETTINGS_FILE);

const savedSchema = settingsFormSchema.partial();
export type SavedSections = z.infer<typeof savedSchema>;
type Env = Readonly<Record<string, string | undefined>>;

/** The saved sections, if any; a damaged file is reported, never half-read. */
export function loadScreenSettings(file: string): Result<SavedSections, SettingsProblem> {
  const notUsed = 'the settings saved on the screen were not used';
  const read = readJsonFile(file, z.unknown(), notUsed);
  if (read.ok) {
    if (read.value === null) return ok({});
    const parsed = savedSchema.safeParse(read.value);
    return parsed.success ? ok(parsed.data) : err(screenSettingsWrong(file, parsed.error, notUsed));
  }
  if (read.error.said !== undefined) return err({ message: read.error.message, said: read.error.said });
  // The shared reader's sentence for a file that is not JSON.
  const notJson = `${file} is not valid JSON, so ${notUsed}`;
  return err(read.error.message === notJson ? { message: notJson, said: { area: 'settings', kind: 'screen_settings_not_json', file } } : { message: read.error.message });
}

/** A refusal's English sentence with the same as a `Said`, for the screen's language. */
export interface SaidProblem {
  readonly message: string;
  readonly said: Said;
}

/** Written whole (as writeJsonFile does); a failure says the file and the system's reason, in English and as a `Said`. */
export function saveScreenSettings(file: string, sections: SavedSections): Result<void, SaidProblem> {
  try {
    writePrivateFile(file, `${JSON.stringify(sections, null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err({ message: `The settings could not be saved in ${file}: ${reason}`, said: { area: 'settings', kind: 'not_written', file, reason } });
  }
}

/** What the settings screen shows of a whole set of settings. */
export function formOf(settings: Settings): SettingsForm {
  const { opn, orangepill } = settings.providers;
  return {
    merchant: settings.merchant,
    payment: { qrExpirySeconds: settings.payment.qrExpirySeconds, entry: settings.payment.entry },
    language: settings.language,
    sounds: settings.sounds,
    customerDisplay: settings.customerDisplay,
    startup: settings.startup,
    providers: {
      opn: { baseUrl: opn.baseUrl, omiseVersion: opn.omiseVersion },
      orangepill: {
        baseUrl: orangepill.baseUrl,
        merchantAlias: orangepill.merchantAlias,
        store: orangepill.store,
        merchant: orangepill.merchant,
        callbackUrl: orangepill.callbackUrl,
      },
    },
    posApi: { enabled: settings.posApi.enabled, port: settings.posApi.port, bind: settings.posApi.bind, allowRefunds: settings.posApi.allowRefunds },
  };
}

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` laid onto `base`, object by object; lists and other values are replaced whole. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = deepMerge(base[key], value);
  return merged;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Screen paths of the keys, as the settings schema names them. */
const KEY_PATHS: Readonly<Record<string, string>> = {
  'providers.opn.secretKey': 'credentials.opnSecretKey',
  'providers.orangepill.apiKey': 'credentials.orangepillApiKey',
};

/** The fields the environment sets, by the path the screen uses, each with its variable's name. */
export function lockedByEnv(env: Env): Record<string, string> {
  const locked: Record<string, string> = {};
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const dotted = path.join('.');
    locked[KEY_PATHS[dotted] ?? dotted] = name;
  }
  return locked;
}

/**
 * The settings in force: the file's (`base`, already with the environment), then the screen's saved
 * sections and keys, then the environment again so it wins. Checked whole by the settings schema,
 * so a combination no single field shows (an Orangepill key without an alias) is caught too.
 */
export function composeSettings(base: Settings, saved: SavedSections, keys: ProviderCredentials, env: Env): Result<Settings, z.ZodError> {
  const withKeys = {
    providers: {
      opn: keys.opnSecretKey === null ? {} : { secretKey: keys.opnSecretKey },
      orangepill: keys.orangepillApiKey === null ? {} : { apiKey: keys.orangepillApiKey },
    },
  };
  const raw = applyEnvOverrides(deepMerge(deepMerge(base, saved), withKeys), env);
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(parsed.error);
}

/** A schema error's problems by the path the screen uses (keys under `credentials.`). */
export function screenFieldProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldProblems(error))) fields[KEY_PATHS[path] ?? path] = message;
  return fields;
}

/** The same problems as `Said`s, by the same paths. */
export function screenFieldSaids(error: z.ZodError): Record<string, Said> {
  const saids: Record<string, Said> = {};
  for (const [path, said] of Object.entries(fieldSaids(error))) saids[KEY_PATHS[path] ?? path] = said;
  return saids;
}

/**
 * The sections to keep after a save: each section the screen sent replaces the saved one, and is
 * dropped when it is what the settings file says anyway.
 */
export function nextSavedSections(saved: SavedSections, args: SaveSettingsArgs, fileForm: SettingsForm): SavedSections {
  const next: Record<string, unknown> = { ...saved };
  for (const name of SETTINGS_SECTIONS) {
    const section = args[name];
    if (section === undefined) continue;
    if (sameJson(section, fileForm[name])) delete next[name];
    else next[name] = section;
  }
  return next;
}
