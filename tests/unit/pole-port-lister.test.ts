import { describe, expect, it } from 'vitest';
import { listPolePorts, type PortListerDeps } from '../../electron/devices/pole-display/port-lister';

const noUdev = () => Promise.reject(new Error('spawn udevadm ENOENT'));

describe('pole display port list', () => {
  it('uses the system list when it works', async () => {
    const deps: PortListerDeps = {
      listSystem: () => Promise.resolve([{ path: '/dev/ttyUSB1', manufacturer: 'FTDI' }, { path: '/dev/ttyUSB0' }]),
      readDir: () => Promise.reject(new Error('not used')),
      platform: 'linux',
    };
    expect(await listPolePorts(deps)).toEqual({
      ok: true,
      value: [
        { path: '/dev/ttyUSB0', manufacturer: null, serialNumber: null, source: 'system' },
        { path: '/dev/ttyUSB1', manufacturer: 'FTDI', serialNumber: null, source: 'system' },
      ],
    });
  });

  it('falls back to scanning /dev on Linux without udev, offering ptys only where settings allow them', async () => {
    const dirs: Record<string, string[]> = {
      '/dev': ['ttyS10', 'ttyS2', 'ttyUSB0', 'ttyACM0', 'tty0', 'null', 'ttyUSB'],
      '/dev/pts': ['0', '12', 'ptmx'],
    };
    const scan = { listSystem: noUdev, readDir: (d: string) => Promise.resolve(dirs[d] ?? []), platform: 'linux' };
    const devices = [
      ['/dev/ttyACM0', 'device_scan'],
      ['/dev/ttyS2', 'device_scan'],
      ['/dev/ttyS10', 'device_scan'],
      ['/dev/ttyUSB0', 'device_scan'],
    ];
    const withPts = await listPolePorts({ ...scan, allowPseudoTerminals: true });
    expect(withPts.ok && withPts.value.map((p) => [p.path, p.source])).toEqual([['/dev/pts/0', 'device_scan'], ['/dev/pts/12', 'device_scan'], ...devices]);
    const byDefault = await listPolePorts(scan);
    expect(byDefault.ok && byDefault.value.map((p) => [p.path, p.source])).toEqual(devices);
  });

  it('offers only the ports the device path rule accepts, so a listed port can be saved', async () => {
    const listSystem = () => Promise.resolve([{ path: '/dev/ttyUSB0' }, { path: '/dev/ttyAMA0' }, { path: '/dev/pts/3' }, { path: 'COM3' }]);
    const linux = await listPolePorts({ listSystem, readDir: () => Promise.reject(new Error('not used')), platform: 'linux' });
    expect(linux.ok && linux.value.map((p) => p.path)).toEqual(['/dev/ttyUSB0']);
    const windows = await listPolePorts({ listSystem, readDir: () => Promise.reject(new Error('not used')), platform: 'win32' });
    expect(windows.ok && windows.value.map((p) => p.path)).toEqual(['COM3']);
  });

  it('says why when there is nothing to offer', async () => {
    expect(await listPolePorts({ listSystem: noUdev, readDir: () => Promise.resolve([]), platform: 'linux' })).toMatchObject({
      ok: false,
      error: { message: 'Could not list serial ports (spawn udevadm ENOENT), and /dev has no serial devices' },
    });
    expect(await listPolePorts({ listSystem: noUdev, readDir: () => Promise.resolve(['ttyS0']), platform: 'win32' })).toMatchObject({
      ok: false,
      error: { message: 'Could not list serial ports: spawn udevadm ENOENT' },
    });
  });

  it('lists this machine\'s ports for real without throwing', async () => {
    const result = await listPolePorts();
    expect(typeof result.ok).toBe('boolean');
  });
});
