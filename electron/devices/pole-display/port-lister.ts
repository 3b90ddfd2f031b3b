import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
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
}

const DEFAULT_DEPS: PortListerDeps = {
  listSystem: () => SerialPort.list(),
  readDir: (dir) => readdir(dir),
  platform: process.platform,
};

const DEV_PATTERN = /^tty(S|USB|ACM)\d+$/;

function byNaturalPath(a: PoleSerialPortInfo, b: PoleSerialPortInfo): number {
  return a.path.localeCompare(b.path, 'en', { numeric: true });
}

async function scanDev(deps: PortListerDeps): Promise<readonly PoleSerialPortInfo[]> {
  const found: PoleSerialPortInfo[] = [];
  const entry = (path: string): PoleSerialPortInfo => ({ path, manufacturer: null, serialNumber: null, source: 'device_scan' });
  const dev = await deps.readDir('/dev').catch(() => [] as readonly string[]);
  for (const name of dev) if (DEV_PATTERN.test(name)) found.push(entry(`/dev/${name}`));
  // Pseudo-terminals, so a socat pair or a serial-over-network bridge can be picked too.
  const pts = await deps.readDir('/dev/pts').catch(() => [] as readonly string[]);
  for (const name of pts) if (/^\d+$/.test(name)) found.push(entry(`/dev/pts/${name}`));
  return found.sort(byNaturalPath);
}

/**
 * The ports a pole display could be on. serialport asks udev on Linux, which containers and some
 * minimal systems lack ("spawn udevadm ENOENT"); there the /dev scan stands in, with no USB details.
 */
export async function listPolePorts(deps: PortListerDeps = DEFAULT_DEPS): Promise<Result<readonly PoleSerialPortInfo[], string>> {
  try {
    const ports = await deps.listSystem();
    return ok(
      ports
        .map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null, serialNumber: p.serialNumber ?? null, source: 'system' as const }))
        .sort(byNaturalPath),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (deps.platform !== 'linux') return err(`Could not list serial ports: ${reason}`);
    const scanned = await scanDev(deps);
    if (scanned.length === 0) return err(`Could not list serial ports (${reason}), and /dev has no serial devices`);
    return ok(scanned);
  }
}
