import { join } from 'node:path';
import { z } from 'zod';
import { poleDisplaySettings, printerSettings } from '../../../app/settings/device-settings';
import { describeSettingsError } from '../../../app/settings/settings';
import { err, ok, type Result } from '../../../app/util/result';
import type { DeviceSettings } from '../devices/counter-devices';
import { readOptionalFile, writePrivateFile } from '../files/private-file';

/** Device choices made on the cashier screen, kept beside the journal; they win over the config file's. */
export const DEVICE_SETTINGS_FILE = 'devices.json';

const fileSchema = z.strictObject({ printer: printerSettings.optional(), poleDisplay: poleDisplaySettings.optional() });

export const deviceSettingsPath = (dataDir: string): string => join(dataDir, DEVICE_SETTINGS_FILE);

/** The saved device settings, if any; a damaged file is reported, never half-read. */
export function loadDeviceSettings(file: string): Result<Partial<DeviceSettings>, string> {
  const read = readOptionalFile(file);
  if (!read.ok) return read;
  if (read.value === null) return ok({});
  let json: unknown;
  try {
    json = JSON.parse(read.value.toString('utf8'));
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
    writePrivateFile(file, `${JSON.stringify(settings, null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    return err(`The device settings could not be saved in ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
