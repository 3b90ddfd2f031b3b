import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { poleDisplaySettings, printerSettings } from '../../app/settings/device-settings';
import { describeSettingsError } from '../../app/settings/settings';
import { err, ok, type Result } from '../../app/util/result';
import type { DeviceSettings } from './counter-devices';

/** Device choices made on the cashier screen, kept beside the journal; they win over the config file's. */
export const DEVICE_SETTINGS_FILE = 'devices.json';

const fileSchema = z.strictObject({ printer: printerSettings.optional(), poleDisplay: poleDisplaySettings.optional() });

export const deviceSettingsPath = (dataDir: string): string => join(dataDir, DEVICE_SETTINGS_FILE);

/** The saved device settings, if any; a damaged file is reported, never half-read. */
export function loadDeviceSettings(file: string): Result<Partial<DeviceSettings>, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({});
    return err(`${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(`${file} is not valid JSON`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return err(`${file}: ${describeSettingsError(parsed.error).join('; ')}`);
  const { printer, poleDisplay } = parsed.data;
  return ok({ ...(printer === undefined ? {} : { printer }), ...(poleDisplay === undefined ? {} : { poleDisplay }) });
}

/** Written whole and renamed into place, so a power cut leaves the old file or the new one, never half. */
export function saveDeviceSettings(file: string, settings: DeviceSettings): Result<void, string> {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
    return ok(undefined);
  } catch (error) {
    return err(`The device settings could not be saved in ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
