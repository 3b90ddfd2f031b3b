import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { checkNamedDevicePath, POLE_SERIAL } from '../../../app/settings/device-path';
import type { DeviceRefusal } from '../../../app/ipc/devices';
import { err, ok, type Result } from '../../../app/util/result';

export interface PoleSerialPortInfo {
  readonly path: string;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  /** Where the entry came from: the system's port list, or a scan of /dev when that list is unavailable. */
  readonly source: 'system' | 'device_scan';
}

export interface PortListerDeps {
  readonly listSystem: () => Promise<readonly { path: string; manufacturer?: string | undefined; serialNumber?: string | undefined }[]>;
  readonly readDir: (dir: string) => Promise<readonly string[]>;
  readonly platform: string;
  /** The settings file's devices.allowPseudoTerminals: only then are /dev/pts entries offered. */
  readonly allowPseudoTerminals?: boolean;
}

/** This machine's lister; `allowPseudoTerminals` as the terminal's settings file says. */
export function systemPortLister(allowPseudoTerminals = false): PortListerDeps {
  return { listSystem: () => SerialPort.list(), readDir: (dir) => readdir(dir), platform: process.platform, allowPseudoTerminals };
}

/** Only what the device path rule would accept is offered, so a listed port can always be saved. */
const acceptable = (deps: PortListerDeps) => (port: PoleSerialPortInfo): boolean =>
  checkNamedDevicePath(port.path, POLE_SERIAL, { platform: deps.platform, allowPseudoTerminals: deps.allowPseudoTerminals ?? false }).ok;

const DEV_PATTERN = /^tty(S|USB|ACM)\d+$/;

function byNaturalPath(a: PoleSerialPortInfo, b: PoleSerialPortInfo): number {
  return a.path.localeCompare(b.path, 'en', { numeric: true });
}

async function scanDev(deps: PortListerDeps): Promise<readonly PoleSerialPortInfo[]> {
  const found: PoleSerialPortInfo[] = [];
  const entry = (path: string): PoleSerialPortInfo => ({ path, manufacturer: null, serialNumber: null, source: 'device_scan' });
  const dev = await deps.readDir('/dev').catch(() => [] as readonly string[]);
  for (const name of dev) if (DEV_PATTERN.test(name)) found.push(entry(`/dev/${name}`));
  // Pseudo-terminals, so a socat pair or a serial-over-network bridge can be picked, where settings allow.
  if (deps.allowPseudoTerminals !== true) return found.sort(byNaturalPath);
  const pts = await deps.readDir('/dev/pts').catch(() => [] as readonly string[]);
  for (const name of pts) if (/^\d+$/.test(name)) found.push(entry(`/dev/pts/${name}`));
  return found.sort(byNaturalPath);
}

/**
 * The ports a pole display could be on. serialport asks udev on Linux, which containers and some
 * minimal systems lack ("spawn udevadm ENOENT"); there the /dev scan stands in, with no USB details.
 */
export async function listPolePorts(deps: PortListerDeps = systemPortLister()): Promise<Result<readonly PoleSerialPortInfo[], DeviceRefusal>> {
  try {
    const ports = await deps.listSystem();
    return ok(
      ports
        .map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null, serialNumber: p.serialNumber ?? null, source: 'system' as const }))
        .filter(acceptable(deps))
        .sort(byNaturalPath),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (deps.platform !== 'linux') return err({ message: `Could not list serial ports: ${reason}`, said: { area: 'devices', kind: 'ports_not_listed', reason, scanned: false } });
    const scanned = (await scanDev(deps)).filter(acceptable(deps));
    if (scanned.length === 0) {
      return err({ message: `Could not list serial ports (${reason}), and /dev has no serial devices`, said: { area: 'devices', kind: 'ports_not_listed', reason, scanned: true } });
    }
    return ok(scanned);
  }
}
