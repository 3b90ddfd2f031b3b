import { z } from 'zod';
import { describeSettingsError, settingsSchema, type Settings } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import { applyEnvOverrides } from './env-settings';
import { parseJsonSafely } from '../files/json-syntax';
import { MAX_SETTINGS_BYTES, readRegularFile } from '../files/regular-file';

type Env = Readonly<Record<string, string | undefined>>;

export interface SettingsFileOptions {
  /**
   * Follow a symbolic link to the file (default): an admin may link /etc/qr-terminal.json. The
   * Electron app's settings.json lives in its data folder, where links are refused.
   */
  readonly followLinks?: boolean;
  /** `process.platform`; Windows has no POSIX modes, so the permission checks are skipped there. */
  readonly platform?: NodeJS.Platform;
}

/** Settings from the environment alone, for a host started without a settings file. */
export function settingsFromEnv(env: Env): Result<Settings, readonly string[]> {
  const parsed = settingsSchema.safeParse(applyEnvOverrides({}, env));
  return parsed.success ? ok(parsed.data) : err(describeSafely(parsed.error).map((line) => `environment: ${line}`));
}

// A setting's name: short and plain. Anything else in a key position is file text that is not shown.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const looksLikeProviderKey = (name: string): boolean => /^(skey|pkey)_/i.test(name);

/**
 * The schema's problems, one line each. Zod's messages name the expected type, never the value, but
 * an unknown setting's name is the file's own text: it is shown only when it looks like a setting
 * name, so a key pasted in the wrong place is never echoed.
 */
export function describeSafely(error: z.ZodError): string[] {
  const issues = error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? { ...issue, keys: issue.keys.map((key) => (SETTING_NAME.test(key) && !looksLikeProviderKey(key) ? key : '(a name not shown)')) }
      : issue,
  );
  return describeSettingsError(new z.ZodError(issues));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** True when the file itself sets a provider key (not the environment). */
export function holdsProviderKey(json: unknown): boolean {
  if (!isObject(json) || !isObject(json.providers)) return false;
  const { opn, orangepill } = json.providers;
  return (isObject(opn) && isSet(opn.secretKey)) || (isObject(orangepill) && isSet(orangepill.apiKey));
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/** ssh's rule for private keys: a file holding one is refused while any other account can read or change it. */
function permissionProblem(path: string, mode: number, json: unknown): string | null {
  if (holdsProviderKey(json) && (mode & 0o077) !== 0) {
    return `${path} holds a provider key but other user accounts can read it (mode ${octal(mode)}): run \`chmod 600 ${path}\` and start again`;
  }
  // Whoever can change the file can point the terminal at another provider address.
  if ((mode & 0o002) !== 0) {
    return `${path} can be changed by every user account on this computer (mode ${octal(mode)}): run \`chmod 644 ${path}\` (or 600) and start again`;
  }
  return null;
}

/**
 * Reads a settings file. A missing file means "all defaults" only when `optional` is set; anything
 * unreadable or invalid is a list of specific problems, each naming the file and the setting, never
 * the file's contents.
 */
export function loadSettingsFile(path: string, optional = false, env: Env = {}, options: SettingsFileOptions = {}): Promise<Result<Settings, readonly string[]>> {
  return Promise.resolve(loadSettingsFileSync(path, optional, env, options));
}

function loadSettingsFileSync(path: string, optional: boolean, env: Env, options: SettingsFileOptions): Result<Settings, readonly string[]> {
  const read = readRegularFile(path, { maxBytes: MAX_SETTINGS_BYTES, followLinks: options.followLinks ?? true, what: 'The settings file' });
  if (!read.ok) {
    if (read.error.kind === 'missing') return optional ? settingsFromEnv(env) : err([`${path}: cannot read the settings file (it does not exist)`]);
    return err([read.error.message]);
  }
  const json = parseJsonSafely(read.value.bytes.toString('utf8'));
  if (!json.ok) return err([`${path}: ${json.error}`]);
  if ((options.platform ?? process.platform) !== 'win32') {
    const problem = permissionProblem(path, read.value.mode, json.value);
    if (problem !== null) return err([problem]);
  }
  const parsed = settingsSchema.safeParse(applyEnvOverrides(json.value, env));
  if (!parsed.success) return err(describeSafely(parsed.error).map((line) => `${path}: ${line}`));
  return ok(parsed.data);
}
