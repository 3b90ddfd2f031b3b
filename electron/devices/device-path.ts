import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import type { NotADevice } from '../../app/i18n/said/devices';
import {
  checkNamedDevicePath,
  checkResolvedDevicePath,
  devicePathRefusal,
  devicePathSyntax,
  pathLabel,
  showPath,
  syntaxRefused,
  type DevicePathRefusal,
  type DevicePathRules,
  type DeviceUse,
} from '../../app/settings/device-path';
import { err, ok, type Result } from '../../app/util/result';
import { DeviceFault } from './device-fault';

/** The platform and the settings file's devices.allowPseudoTerminals switch. */
export type DevicePathPolicy = DevicePathRules;

export function devicePathPolicy(allowPseudoTerminals = false, platform: string = process.platform): DevicePathPolicy {
  return { platform, allowPseudoTerminals };
}

/** A path that passed: the device to open (resolved, with its device number), or an allowed name with nothing there now. */
export type DevicePathCheck =
  | { readonly present: true; readonly resolved: string; readonly rdev: number | null }
  | { readonly present: false; readonly message: string };

const errorCode = (error: unknown): string | undefined => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined);

function whatItIs(stats: Stats): NotADevice {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isBlockDevice()) return 'block';
  return 'other';
}

/**
 * The filesystem check: the path is resolved (so /dev/serial/by-id/… becomes /dev/ttyUSB0), and what
 * it resolves to must be a character device on the platform's allow-list. A path with nothing there
 * passes only if its name is itself an allowed device name: an unplugged USB adapter is normal, and
 * since no open ever creates a file, saving it cannot make one. Anything else is refused, in a sentence.
 */
export async function checkDevicePath(path: string, use: DeviceUse, policy: DevicePathPolicy): Promise<Result<DevicePathCheck, DevicePathRefusal>> {
  const problem = devicePathSyntax(path);
  if (problem !== null) return err(devicePathRefusal(use, path, syntaxRefused(problem)));
  // Windows COM ports have no file to resolve; the name is the whole rule there.
  if (policy.platform === 'win32') {
    const named = checkNamedDevicePath(path, use, policy);
    return named.ok ? ok({ present: true, resolved: path.toUpperCase(), rdev: null }) : named;
  }
  const absent = (): Result<DevicePathCheck, DevicePathRefusal> => {
    const named = checkNamedDevicePath(path, use, policy);
    return named.ok ? ok({ present: false, message: `${pathLabel(use)} ${showPath(path)} is not connected now: nothing is at that path.` }) : named;
  };
  let resolved: string;
  let stats: Stats;
  try {
    resolved = await realpath(path);
    stats = await lstat(resolved);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return absent();
    return err(devicePathRefusal(use, path, { why: 'unreadable', code: code ?? null }));
  }
  if (!stats.isCharacterDevice()) {
    return err(devicePathRefusal(use, path, { why: 'not_a_device', resolved: resolved === path ? null : showPath(resolved), is: whatItIs(stats) }));
  }
  const allowed = checkResolvedDevicePath(path, resolved, use, policy);
  return allowed.ok ? ok({ present: true, resolved, rdev: stats.rdev }) : allowed;
}

/** The check, as a thrown sentence for the transports: the device to open, or why not. */
export async function deviceToOpen(path: string, use: DeviceUse, policy: DevicePathPolicy): Promise<{ readonly resolved: string; readonly rdev: number | null }> {
  const checked = await checkDevicePath(path, use, policy);
  if (!checked.ok) throw new Error(checked.error.message);
  if (!checked.value.present) {
    throw new DeviceFault(checked.value.message, { problem: 'not_connected', device: use.device === 'printer' ? 'printer path' : 'pole display port', path: showPath(path) });
  }
  return checked.value;
}

/** After opening: the handle must still be the character device that was checked (closes the check-then-open race). */
export function confirmOpened(stats: Stats, rdev: number | null, path: string, use: DeviceUse): Result<void, string> {
  if (rdev === null || (stats.isCharacterDevice() && stats.rdev === rdev)) return ok(undefined);
  return err(devicePathRefusal(use, path, { why: 'changed' }).message);
}

// No O_CREAT, O_APPEND or O_TRUNC: a path with nothing there stays so. O_NOFOLLOW: the resolved name
// must not have become a link since the check. O_NOCTTY: a tty never becomes our controlling terminal.
const WRITE_FLAGS = constants.O_WRONLY | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Opens a device file for writing, only after the check, and only if it is still that device once open. */
export async function openDeviceForWrite(path: string, use: DeviceUse, policy: DevicePathPolicy): Promise<FileHandle> {
  const { resolved, rdev } = await deviceToOpen(path, use, policy);
  const handle = await open(resolved, WRITE_FLAGS);
  try {
    const same = confirmOpened(await handle.stat(), rdev, path, use);
    if (!same.ok) throw new Error(same.error);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
