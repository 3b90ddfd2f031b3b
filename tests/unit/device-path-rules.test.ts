import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandSchemas, describeInvalidArgs } from '../../app/ipc/contract';
import {
  checkNamedDevicePath,
  checkResolvedDevicePath,
  devicePathProblem,
  POLE_SERIAL,
  PRINTER_SERIAL,
  PRINTER_USB_LP,
  type DevicePathRules,
} from '../../app/settings/device-path';
import { printerSettings } from '../../app/settings/device-settings';
import { describeSettingsError, settingsSchema } from '../../app/settings/settings';
import { checkDevicePath, confirmOpened } from '../../electron/devices/device-path';

const linux: DevicePathRules = { platform: 'linux', allowPseudoTerminals: false };
const linuxPts: DevicePathRules = { platform: 'linux', allowPseudoTerminals: true };
const mac: DevicePathRules = { platform: 'darwin', allowPseudoTerminals: false };
const windows: DevicePathRules = { platform: 'win32', allowPseudoTerminals: true };

const refusal = (result: { ok: boolean; error?: { readonly message: string } }): string => (result.ok ? 'accepted' : (result.error?.message ?? ''));

describe('the platform-neutral syntax (what the schema checks, renderer included)', () => {
  it('accepts absolute device paths and COM ports', () => {
    for (const path of ['/dev/ttyUSB0', '/dev/usb/lp0', '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0', '/dev/cu.usbserial-1410', 'COM3', 'com12']) {
      expect(devicePathProblem(path)).toBeNull();
    }
  });

  it('refuses relative paths, "." and ".." parts, empty parts, control characters and overlong paths', () => {
    expect(devicePathProblem('')).toBe('must name the device, e.g. /dev/ttyUSB0 or COM3');
    expect(devicePathProblem('lp0')).toBe('must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3');
    expect(devicePathProblem('C:\\Users\\shop\\.bashrc')).toBe('must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3');
    expect(devicePathProblem('/dev/../home/shop/.bashrc')).toBe('must not contain "." or ".." parts');
    expect(devicePathProblem('/dev/./ttyUSB0')).toBe('must not contain "." or ".." parts');
    expect(devicePathProblem('/dev/usb/..')).toBe('must not contain "." or ".." parts');
    expect(devicePathProblem('/dev//ttyUSB0')).toBe('must not contain an empty part such as "//" or a trailing "/"');
    expect(devicePathProblem('/dev/ttyUSB0/')).toBe('must not contain an empty part such as "//" or a trailing "/"');
    expect(devicePathProblem('/dev/ttyUSB0\u0000/../../etc/passwd')).toBe('must not contain control characters such as NUL');
    expect(devicePathProblem('/dev/ttyUSB0\n')).toBe('must not contain control characters such as NUL');
    expect(devicePathProblem(`/dev/${'x'.repeat(196)}`)).toBe('must be at most 200 characters long');
    expect(devicePathProblem(`/dev/${'x'.repeat(195)}`)).toBeNull();
  });

  it('is in the settings schema for every device path, naming the path (escaped, and cut short when long)', () => {
    const wrong = settingsSchema.safeParse({
      printer: { connection: { kind: 'usb-lp', path: '/dev/../home/shop/.bashrc' } },
      poleDisplay: { port: { path: '/dev/ttyUSB0\u0000x' } },
    });
    expect(wrong.success).toBe(false);
    if (!wrong.success) {
      expect(describeSettingsError(wrong.error)).toEqual([
        'printer.connection.path must not contain "." or ".." parts, got /dev/../home/shop/.bashrc',
        'poleDisplay.port.path must not contain control characters such as NUL, got "/dev/ttyUSB0\\u0000x"',
      ]);
    }
    const serial = printerSettings.safeParse({ connection: { kind: 'serial', path: 'ttyUSB0' } });
    expect(serial.success ? 'accepted' : serial.error.issues[0]?.message).toBe(
      'must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3, got ttyUSB0',
    );
    const long = printerSettings.safeParse({ connection: { kind: 'usb-lp', path: `/${'a'.repeat(100_000)}` } });
    const message = long.success ? 'accepted' : (long.error.issues[0]?.message ?? '');
    expect(message).toBe(`must be at most 200 characters long, got /${'a'.repeat(79)}…`);
  });

  it('answers saveDeviceSettings with the field and the path', () => {
    const parsed = commandSchemas.saveDeviceSettings.safeParse({ printer: { connection: { kind: 'usb-lp', path: '/dev/../tmp/x/.bashrc' } } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(describeInvalidArgs('saveDeviceSettings', parsed.error)).toBe(
        'saveDeviceSettings: printer.connection.path must not contain "." or ".." parts, got /dev/../tmp/x/.bashrc',
      );
    }
  });
});

describe('the pseudo-terminal switch is the settings file’s alone', () => {
  it('defaults to off, and the file can turn it on', () => {
    expect(settingsSchema.parse({}).devices).toEqual({ allowPseudoTerminals: false });
    expect(settingsSchema.parse({ devices: { allowPseudoTerminals: true } }).devices.allowPseudoTerminals).toBe(true);
    const wrong = settingsSchema.safeParse({ devices: { allowPseudoTerminals: 'yes' } });
    expect(wrong.success ? [] : describeSettingsError(wrong.error)).toEqual(['devices.allowPseudoTerminals must be true or false']);
  });

  it('cannot be sent from a screen: neither the Devices panel nor the Settings panel has it', () => {
    expect(commandSchemas.saveDeviceSettings.safeParse({ devices: { allowPseudoTerminals: true } }).success).toBe(false);
    expect(commandSchemas.saveDeviceSettings.safeParse({ printer: { allowPseudoTerminals: true } }).success).toBe(false);
    expect(commandSchemas.saveDeviceSettings.safeParse({ poleDisplay: { allowPseudoTerminals: true } }).success).toBe(false);
    expect(commandSchemas.saveSettings.safeParse({ devices: { allowPseudoTerminals: true } }).success).toBe(false);
  });
});

describe('Linux names', () => {
  it('accepts the serial devices, udev’s links to them, and the usblp devices, each for its kind', () => {
    for (const path of ['/dev/ttyS0', '/dev/ttyUSB12', '/dev/ttyACM1', '/dev/serial/by-id/usb-Prolific_2303-if00-port0', '/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0']) {
      expect(refusal(checkNamedDevicePath(path, POLE_SERIAL, linux))).toBe('accepted');
    }
    expect(refusal(checkNamedDevicePath('/dev/usb/lp0', PRINTER_USB_LP, linux))).toBe('accepted');
    expect(refusal(checkNamedDevicePath('/dev/usb/lp0', PRINTER_SERIAL, linux))).toBe(
      'The printer path /dev/usb/lp0 is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….',
    );
    expect(refusal(checkNamedDevicePath('/dev/ttyUSB0', PRINTER_USB_LP, linux))).toBe('The printer path /dev/ttyUSB0 is not allowed: it must be one of /dev/usb/lp<n>.');
  });

  it('refuses consoles, memory and other devices by name', () => {
    for (const path of ['/dev/null', '/dev/tty', '/dev/tty1', '/dev/console', '/dev/mem', '/dev/sda', '/dev/ttyUSB', '/dev/ttyUSB0x', '/home/shop/.bashrc']) {
      expect(refusal(checkNamedDevicePath(path, POLE_SERIAL, linux))).toBe(
        `The pole display port ${path} is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….`,
      );
    }
  });

  it('accepts a pseudo-terminal only with the switch, and says so', () => {
    expect(refusal(checkNamedDevicePath('/dev/pts/3', PRINTER_USB_LP, linux))).toBe(
      'The printer path /dev/pts/3 is not allowed: it must be one of /dev/usb/lp<n>. A pseudo-terminal (/dev/pts/<n>) is accepted only when the settings file sets devices.allowPseudoTerminals to true.',
    );
    expect(refusal(checkNamedDevicePath('/dev/pts/3', PRINTER_USB_LP, linuxPts))).toBe('accepted');
    expect(refusal(checkNamedDevicePath('/dev/pts/ptmx', POLE_SERIAL, linuxPts))).not.toBe('accepted');
  });

  it('judges the resolved path by the device it is, never by a link name', () => {
    expect(refusal(checkResolvedDevicePath('/dev/serial/by-id/usb-x', '/dev/ttyUSB0', POLE_SERIAL, linux))).toBe('accepted');
    expect(refusal(checkResolvedDevicePath('/dev/serial/by-id/usb-x', '/dev/serial/by-id/usb-x', POLE_SERIAL, linux))).not.toBe('accepted');
    expect(refusal(checkResolvedDevicePath('/dev/usb/lp0', '/dev/null', PRINTER_USB_LP, linux))).toBe(
      'The printer path /dev/usb/lp0 is not allowed (it resolves to /dev/null): it must be one of /dev/usb/lp<n>.',
    );
    expect(refusal(checkResolvedDevicePath('/tmp/pole', '/dev/pts/7', POLE_SERIAL, linuxPts))).toBe('accepted');
  });
});

describe('macOS names (platform injected)', () => {
  it('accepts /dev/cu.* and /dev/tty.* for serial devices', () => {
    for (const path of ['/dev/cu.usbserial-1410', '/dev/tty.usbmodem14201', '/dev/cu.Bluetooth-Incoming-Port']) {
      expect(refusal(checkNamedDevicePath(path, PRINTER_SERIAL, mac))).toBe('accepted');
    }
    expect(refusal(checkResolvedDevicePath('/Users/shop/printer', '/dev/cu.usbserial-1', PRINTER_SERIAL, mac))).toBe('accepted');
  });

  it('refuses Linux names, bare prefixes, pseudo-terminals and the usblp kind', () => {
    for (const path of ['/dev/ttyUSB0', '/dev/cu.', '/dev/tty.', '/dev/ttys003', '/dev/pts/1', '/dev/cu.x/y']) {
      expect(refusal(checkNamedDevicePath(path, POLE_SERIAL, { ...mac, allowPseudoTerminals: true }))).toBe(
        `The pole display port ${path} is not allowed: it must be one of /dev/cu.*, /dev/tty.*.`,
      );
    }
    expect(refusal(checkNamedDevicePath('/dev/usb/lp0', PRINTER_USB_LP, mac))).toBe(
      'The printer path /dev/usb/lp0 cannot be used: USB printer device files exist only on Linux; connect the printer by serial (COM) port or network instead.',
    );
  });
});

describe('Windows names (platform injected)', () => {
  it('accepts COM1 to COM999 in any case, and nothing else', () => {
    for (const path of ['COM1', 'COM3', 'com10', 'COM256']) expect(refusal(checkNamedDevicePath(path, POLE_SERIAL, windows))).toBe('accepted');
    for (const path of ['COM0', 'COM1000', 'LPT1', 'NUL', '/dev/ttyUSB0']) {
      expect(refusal(checkNamedDevicePath(path, POLE_SERIAL, windows))).not.toBe('accepted');
    }
    expect(refusal(checkNamedDevicePath('/dev/ttyUSB0', POLE_SERIAL, windows))).toBe('The pole display port /dev/ttyUSB0 is not allowed: it must be one of COM1, COM2, ….');
    expect(refusal(checkNamedDevicePath('\\\\.\\COM3', POLE_SERIAL, windows))).toBe(
      'The pole display port \\\\.\\COM3 is not allowed: it must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3.',
    );
    expect(refusal(checkNamedDevicePath('COM3', PRINTER_USB_LP, windows))).toMatch(/^The printer path COM3 cannot be used: USB printer device files exist only on Linux/);
  });

  it('checks a COM port by its name alone, with nothing on the filesystem to resolve', async () => {
    expect(await checkDevicePath('com4', PRINTER_SERIAL, windows)).toEqual({ ok: true, value: { present: true, resolved: 'COM4', rdev: null } });
    expect(refusal(await checkDevicePath('/etc/passwd', PRINTER_SERIAL, windows))).toBe('The printer path /etc/passwd is not allowed: it must be one of COM1, COM2, ….');
  });
});

describe('other systems', () => {
  it('refuses every device path, saying why', () => {
    expect(refusal(checkNamedDevicePath('/dev/cuaU0', POLE_SERIAL, { platform: 'freebsd', allowPseudoTerminals: true }))).toBe(
      'The pole display port /dev/cuaU0 cannot be used: this terminal drives serial and USB devices only on Linux, macOS and Windows.',
    );
  });
});

describe('the check after opening', () => {
  const stats = (character: boolean, rdev: number) => ({ isCharacterDevice: () => character, rdev }) as unknown as Stats;

  it('accepts the very device that was checked, and refuses anything that took its place', () => {
    expect(confirmOpened(stats(true, 1025), 1025, '/dev/usb/lp0', PRINTER_USB_LP)).toEqual({ ok: true, value: undefined });
    const swapped = { ok: false, error: 'The printer path /dev/usb/lp0 changed while it was being opened, so nothing was sent to it.' };
    expect(confirmOpened(stats(true, 259), 1025, '/dev/usb/lp0', PRINTER_USB_LP)).toEqual(swapped);
    expect(confirmOpened(stats(false, 1025), 1025, '/dev/usb/lp0', PRINTER_USB_LP)).toEqual(swapped);
  });
});
