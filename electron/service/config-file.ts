import { readFile } from 'node:fs/promises';
import { describeSettingsError, settingsSchema, type Settings } from '../../app/settings/settings';
import { err, ok, type Result } from '../../app/util/result';
import { applyEnvOverrides } from './env-settings';

type Env = Readonly<Record<string, string | undefined>>;

/** Settings from the environment alone, for a host started without a settings file. */
export function settingsFromEnv(env: Env): Result<Settings, readonly string[]> {
  const parsed = settingsSchema.safeParse(applyEnvOverrides({}, env));
  return parsed.success ? ok(parsed.data) : err(describeSettingsError(parsed.error).map((line) => `environment: ${line}`));
}

/**
 * Reads a settings file. A missing file means "all defaults" only when `optional` is set; anything
 * unreadable or invalid is a list of specific problems, each naming the file and the setting.
 */
export async function loadSettingsFile(path: string, optional = false, env: Env = {}): Promise<Result<Settings, readonly string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && optional) return settingsFromEnv(env);
    return err([`${path}: cannot read the settings file (${code === 'ENOENT' ? 'it does not exist' : String(code)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err([`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const parsed = settingsSchema.safeParse(applyEnvOverrides(json, env));
  if (!parsed.success) return err(describeSettingsError(parsed.error).map((line) => `${path}: ${line}`));
  return ok(parsed.data);
}
