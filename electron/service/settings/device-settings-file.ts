import { join } from 'node:path';
import { z } from 'zod';
import { poleDisplaySettings, printerSettings } from '../../../app/settings/device-settings';
import { err, ok, type Result } from '../../../app/util/result';
import type { DeviceSettings } from '../devices/counter-devices';
import { readJsonFile, writeJsonFile } from '../files/json-file';

/** Device choices made on the cashier screen, kept beside the journal; they win over the config file's. */
export const DEVICE_SETTINGS_FILE = 'devices.json';

const fileSchema = z.strictObject({ printer: printerSettings.optional(), poleDisplay: poleDisplaySettings.optional() });

export const deviceSettingsPath = (dataDir: string): string => join(dataDir, DEVICE_SETTINGS_FILE);

/** The saved device settings, if any; a damaged file is reported, never half-read. */
export function loadDeviceSettings(file: string): Result<Partial<DeviceSettings>, string> {
  const read = readJsonFile(file, fileSchema);
  if (!read.ok) return err(read.error.message);
  if (read.value === null) return ok({});
  const { printer, poleDisplay } = read.value;
  return ok({ ...(printer === undefined ? {} : { printer }), ...(poleDisplay === undefined ? {} : { poleDisplay }) });
}

export const saveDeviceSettings = (file: string, settings: DeviceSettings): Result<void, string> => writeJsonFile(file, settings, 'device settings');
