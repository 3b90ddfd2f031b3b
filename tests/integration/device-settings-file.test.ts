import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import { deviceSettingsPath, loadDeviceSettings, saveDeviceSettings } from '../../electron/service/settings/device-settings-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devices-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the device settings saved from the screen', () => {
  it('are none until saved, then read back as saved, in a file only the terminal may read', () => {
    const file = deviceSettingsPath(dir);
    expect(loadDeviceSettings(file)).toEqual({ ok: true, value: {} });
    const next = {
      printer: { ...DEFAULT_SETTINGS.printer, connection: { kind: 'tcp' as const, host: '192.0.2.9', port: 9100 } },
      poleDisplay: { ...DEFAULT_SETTINGS.poleDisplay, commandSet: 'cd5220' as const },
    };
    expect(saveDeviceSettings(file, next)).toEqual({ ok: true, value: undefined });
    expect(loadDeviceSettings(file)).toEqual({ ok: true, value: next });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Written beside and renamed: no temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['devices.json']);
  });

  it('a damaged or wrong file is reported with the setting named, never half-read', () => {
    const file = deviceSettingsPath(dir);
    writeFileSync(file, '{"printer": {"paper": "57mm"}}');
    expect(loadDeviceSettings(file)).toEqual({ ok: false, error: `${file}: printer.paper must be "58mm" or "80mm"` });
    writeFileSync(file, '{"printer":');
    expect(loadDeviceSettings(file)).toEqual({ ok: false, error: `${file} is not valid JSON` });
    writeFileSync(file, '{"web": {}}');
    expect(loadDeviceSettings(file).ok).toBe(false);
  });

  it('says so when the folder cannot be written', () => {
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, '');
    const result = saveDeviceSettings(join(blocked, 'devices.json'), { printer: DEFAULT_SETTINGS.printer, poleDisplay: DEFAULT_SETTINGS.poleDisplay });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The device settings could not be saved in .*devices\.json: /);
  });
});
