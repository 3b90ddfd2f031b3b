import { readFile } from 'node:fs/promises';
import { describeSettingsError, settingsSchema, type Settings } from '../../app/settings/settings';
import { err, ok, type Result } from '../../app/util/result';

/**
 * Reads a settings file. A missing file means "all defaults" only when `optional` is set; anything
 * unreadable or invalid is a list of specific problems, each naming the file and the setting.
 */
export async function loadSettingsFile(path: string, optional = false): Promise<Result<Settings, readonly string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && optional) return ok(settingsSchema.parse({}));
    return err([`${path}: cannot read the settings file (${code === 'ENOENT' ? 'it does not exist' : String(code)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err([`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) return err(describeSettingsError(parsed.error).map((line) => `${path}: ${line}`));
  return ok(parsed.data);
}
