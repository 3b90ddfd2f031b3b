import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../app/i18n/said';
import type { DeviceReport } from '../../app/ipc/devices';
import {
  checkNamedDevicePath,
  checkResolvedDevicePath,
  choosingAnother,
  POLE_SERIAL,
  PRINTER_SERIAL,
  PRINTER_USB_LP,
  type DevicePathRefusal,
  type DevicePathRules,
} from '../../app/settings/device-path';
import { settingsSchema } from '../../app/settings/settings';
import { checkDevicePath, devicePathPolicy } from '../../electron/devices/device-path';
import { checkDeviceSettingsPaths } from '../../electron/devices/device-settings-paths';
import { refusedPoleDisplay, refusedPrinter } from '../../electron/service/devices/refused-devices';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/*
 * A refused printer path or pole display port, through the rule that refuses it (by name, by what it
 * resolves to, on the filesystem), worded back in English by the cashier's catalog: the same text as
 * the rule's own sentence, for every reason it gives, so the Malay and Chinese say what the English does.
 */

const english = (said: Said | undefined): string | null => (said === undefined ? null : wordSaid(said, CASHIER_WORDS.en.said, saidFormat(null)));
const same = (refusal: DevicePathRefusal): void => {
  expect(english(refusal.said)).toBe(refusal.message);
  const bar = choosingAnother(refusal);
  expect(bar.message.startsWith(refusal.message)).toBe(true);
  expect(english(bar.said)).toBe(bar.message);
};
const refused = <T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DevicePathRefusal }): DevicePathRefusal => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
};

const linux: DevicePathRules = { platform: 'linux', allowPseudoTerminals: false };
const RULES: readonly DevicePathRules[] = [linux, { ...linux, allowPseudoTerminals: true }, { platform: 'darwin', allowPseudoTerminals: false }, { platform: 'win32', allowPseudoTerminals: false }, { platform: 'freebsd', allowPseudoTerminals: false }];
const HOSTILE = ['', 'lp0', '/dev/../etc/passwd', '/dev/./ttyUSB0', '/dev//ttyUSB0', '/dev/ttyUSB0/', '/dev/ttyUSB0\u0000/../../etc/passwd', `/dev/usb/${'l'.repeat(300)}`, '/etc/passwd', '/dev/null', '/dev/pts/3', '\\\\.\\COM3', 'COM3', '/dev/usb/lp0', '/dev/ttyUSB0', '/home/shop/.bashrc\u001b[31m', '/dev/cu.usbserial-1'];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'said-device-paths-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('a refused device path, worded in English exactly as the rule says it', () => {
  it('by its name and by what it resolves to, for each platform, device and hostile path', () => {
    let count = 0;
    for (const rules of RULES) {
      for (const use of [PRINTER_SERIAL, PRINTER_USB_LP, POLE_SERIAL]) {
        for (const path of HOSTILE) {
          const named = checkNamedDevicePath(path, use, rules);
          if (!named.ok) {
            same(named.error);
            count += 1;
          }
          const resolved = checkResolvedDevicePath('/dev/serial/by-id/usb-x', path, use, rules);
          if (!resolved.ok) same(resolved.error);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('on the filesystem: a file, a folder, a FIFO, a path through a file, a link to /dev/null, a missing path', async () => {
    const file = join(dir, '.bashrc');
    writeFileSync(file, 'export PS1=shop\n');
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    symlinkSync('/dev/null', join(dir, 'to-null'));
    symlinkSync(file, join(dir, 'to-file'));
    const plain = devicePathPolicy(false, 'linux');
    const refusals = await Promise.all(
      [file, dir, fifo, join(file, 'lp0'), join(dir, 'to-null'), join(dir, 'to-file'), join(dir, 'missing')].map(async (path) => refused(await checkDevicePath(path, PRINTER_USB_LP, plain))),
    );
    expect(refusals.map((r) => r.said.refused.why)).toEqual(['not_a_device', 'not_a_device', 'not_a_device', 'unreadable', 'not_allowed', 'not_a_device', 'not_allowed']);
    for (const refusal of refusals) same(refusal);
  });

  it('as the device settings check gives it, and as the device bar and every request of a refused device say it', async () => {
    const file = join(dir, 'printer.txt');
    writeFileSync(file, '');
    const settings = settingsSchema.parse({
      merchant: { name: 'Kopi Corner' },
      printer: { connection: { kind: 'usb-lp', path: file } },
      poleDisplay: { port: { path: '/etc/passwd', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } },
    });
    const checked = await checkDeviceSettingsPaths(settings, devicePathPolicy(false, 'linux'));
    const printer = checked.refused['printer.connection.path'];
    const pole = checked.refused['poleDisplay.port.path'];
    if (printer === undefined || pole === undefined) throw new Error('both paths should be refused');
    const reports: DeviceReport[] = [];
    const printerService = refusedPrinter(printer, (r) => reports.push(r));
    const poleService = refusedPoleDisplay(pole, (r) => reports.push(r));
    for (const report of reports) {
      expect(english(report.said)).toBe(report.detail);
      expect(english(report.summarySaid)).toBe(report.summary);
    }
    expect(reports.map((r) => r.said?.kind)).toEqual(['device_path_refused', 'device_path_refused']);
    for (const answer of [await printerService.printTest('test_qr'), await poleService.test()]) {
      if (answer.ok) throw new Error('a refused device should refuse');
      expect(english(answer.error.said)).toBe(answer.error.message);
    }
  });
});
