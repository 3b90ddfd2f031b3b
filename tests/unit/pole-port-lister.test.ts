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

  it('falls back to scanning /dev on Linux without udev', async () => {
    const dirs: Record<string, string[]> = {
      '/dev': ['ttyS10', 'ttyS2', 'ttyUSB0', 'ttyACM0', 'tty0', 'null', 'ttyUSB'],
      '/dev/pts': ['0', '12', 'ptmx'],
    };
    const result = await listPolePorts({ listSystem: noUdev, readDir: (d) => Promise.resolve(dirs[d] ?? []), platform: 'linux' });
    expect(result.ok && result.value.map((p) => [p.path, p.source])).toEqual([
      ['/dev/pts/0', 'device_scan'],
      ['/dev/pts/12', 'device_scan'],
      ['/dev/ttyACM0', 'device_scan'],
      ['/dev/ttyS2', 'device_scan'],
      ['/dev/ttyS10', 'device_scan'],
      ['/dev/ttyUSB0', 'device_scan'],
    ]);
  });

  it('says why when there is nothing to offer', async () => {
    expect(await listPolePorts({ listSystem: noUdev, readDir: () => Promise.resolve([]), platform: 'linux' })).toEqual({
      ok: false,
      error: 'Could not list serial ports (spawn udevadm ENOENT), and /dev has no serial devices',
    });
    expect(await listPolePorts({ listSystem: noUdev, readDir: () => Promise.resolve(['ttyS0']), platform: 'win32' })).toEqual({
      ok: false,
      error: 'Could not list serial ports: spawn udevadm ENOENT',
    });
  });

  it('lists this machine\'s ports for real without throwing', async () => {
    const result = await listPolePorts();
    expect(typeof result.ok).toBe('boolean');
  });
});
