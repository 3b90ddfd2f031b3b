import { err, ok, type Result } from '../util/result';

/**
 * Which paths may name the printer's or the pole display's port. Pure, with the platform passed in:
 * the schema (app/, which knows no platform) uses only the platform-neutral part; electron/ adds the
 * platform's allow-list and checks what the path resolves to on the filesystem.
 */

/** How the device is driven: a serial line (printer or pole display) or the Linux usblp device file. */
export type DevicePortKind = 'serial' | 'usb-lp';

/** Which device a path is for, so each sentence says "The printer path …" or "The pole display port …". */
export interface DeviceUse {
  readonly device: 'printer' | 'pole display';
  readonly kind: DevicePortKind;
}

export const PRINTER_SERIAL: DeviceUse = { device: 'printer', kind: 'serial' };
export const PRINTER_USB_LP: DeviceUse = { device: 'printer', kind: 'usb-lp' };
export const POLE_SERIAL: DeviceUse = { device: 'pole display', kind: 'serial' };

export interface DevicePathRules {
  /** process.platform of the machine the terminal runs on: linux, darwin, win32, … */
  readonly platform: string;
  /** Settings-file-only switch: also accept a resolved /dev/pts/<n> (socat, ser2net). */
  readonly allowPseudoTerminals: boolean;
}

const DEVICE_PATH_MAX = 200;

const WINDOWS_COM = /^COM[1-9]\d{0,2}$/i;
const LINUX_SERIAL = /^\/dev\/tty(S|USB|ACM)\d+$/;
/** udev's stable names for USB-serial adapters; always links, so only ever accepted as typed, then resolved. */
const LINUX_SERIAL_LINK = /^\/dev\/serial\/by-(id|path)\/[^/]+$/;
const LINUX_USB_LP = /^\/dev\/usb\/lp\d+$/;
const LINUX_PTS = /^\/dev\/pts\/\d+$/;
const MAC_SERIAL = /^\/dev\/(cu|tty)\.[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The path as a sentence shows it: cut short, and quoted with escapes when it holds a NUL or other control character. */
export function showPath(path: string): string {
  if (path === '') return '""';
  const cut = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  // eslint-disable-next-line no-control-regex -- control characters are what must not reach a log line or a screen raw
  const escaped = cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped === cut ? cut : `"${escaped}"`;
}

export function pathLabel(use: DeviceUse): string {
  return use.device === 'printer' ? 'The printer path' : 'The pole display port';
}

/** What can be wrong with a device path's syntax, as the schema says it (the cashier's screen words each in its language). */
export const DEVICE_PATH_PROBLEMS = {
  pathEmpty: 'must name the device, e.g. /dev/ttyUSB0 or COM3',
  pathTooLong: `must be at most ${DEVICE_PATH_MAX} characters long`,
  pathControl: 'must not contain control characters such as NUL',
  pathNotAbsolute: 'must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3',
  pathDots: 'must not contain "." or ".." parts',
  pathEmptyPart: 'must not contain an empty part such as "//" or a trailing "/"',
} as const;

/**
 * The platform-neutral syntax every device path must have, for the schema: null when fine, or what is
 * wrong ("must …"; the caller names the path). An absolute path without "." or ".." parts, or a Windows COM port.
 */
export function devicePathProblem(path: string): string | null {
  if (path.length === 0) return DEVICE_PATH_PROBLEMS.pathEmpty;
  if (path.length > DEVICE_PATH_MAX) return DEVICE_PATH_PROBLEMS.pathTooLong;
  // eslint-disable-next-line no-control-regex -- a NUL or control character is exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(path)) return DEVICE_PATH_PROBLEMS.pathControl;
  if (WINDOWS_COM.test(path)) return null;
  if (!path.startsWith('/')) return DEVICE_PATH_PROBLEMS.pathNotAbsolute;
  const parts = path.split('/').slice(1);
  if (parts.some((part) => part === '..' || part === '.')) return DEVICE_PATH_PROBLEMS.pathDots;
  if (parts.some((part) => part === '')) return DEVICE_PATH_PROBLEMS.pathEmptyPart;
  return null;
}

/** What a shop may use for this kind of device on this platform, for the sentences. */
function allowedDevices(use: DeviceUse, rules: DevicePathRules): string {
  const pts = rules.allowPseudoTerminals && rules.platform === 'linux' ? ', /dev/pts/<n>' : '';
  switch (rules.platform) {
    case 'linux':
      return use.kind === 'usb-lp'
        ? `/dev/usb/lp<n>${pts}`
        : `/dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/…${pts}`;
    case 'darwin':
      return '/dev/cu.* or /dev/tty.*';
    case 'win32':
      return 'COM1, COM2, …';
    default:
      return 'none on this system';
  }
}

/** Whether `path` names a device of this kind by its own name (not a link to one) on this platform. */
function isDeviceName(path: string, use: DeviceUse, rules: DevicePathRules): boolean {
  switch (rules.platform) {
    case 'linux':
      if (rules.allowPseudoTerminals && LINUX_PTS.test(path)) return true;
      return use.kind === 'usb-lp' ? LINUX_USB_LP.test(path) : LINUX_SERIAL.test(path);
    case 'darwin':
      return use.kind === 'serial' && MAC_SERIAL.test(path);
    case 'win32':
      return use.kind === 'serial' && WINDOWS_COM.test(path);
    default:
      return false;
  }
}

function unsupported(path: string, use: DeviceUse, rules: DevicePathRules): string | null {
  if (use.kind === 'usb-lp' && rules.platform !== 'linux') {
    return `${pathLabel(use)} ${showPath(path)} cannot be used: USB printer device files exist only on Linux; connect the printer by serial (COM) port or network instead.`;
  }
  if (!['linux', 'darwin', 'win32'].includes(rules.platform)) {
    return `${pathLabel(use)} ${showPath(path)} cannot be used: this terminal drives serial and USB devices only on Linux, macOS and Windows.`;
  }
  return null;
}

/**
 * The rule on the path as the shop typed it: the neutral syntax, then the platform's allow-list
 * (udev's /dev/serial/by-id links included, since they resolve to a ttyUSB). Used alone on Windows,
 * and on a path that does not exist (yet), where there is nothing to resolve.
 */
export function checkNamedDevicePath(path: string, use: DeviceUse, rules: DevicePathRules): Result<void, string> {
  const problem = devicePathProblem(path);
  if (problem !== null) return err(`${pathLabel(use)} ${showPath(path)} is not allowed: it ${problem}.`);
  const refused = unsupported(path, use, rules);
  if (refused !== null) return err(refused);
  const named = isDeviceName(path, use, rules) || (rules.platform === 'linux' && use.kind === 'serial' && LINUX_SERIAL_LINK.test(path));
  if (named) return ok(undefined);
  const pts = rules.platform === 'linux' && LINUX_PTS.test(path) ? pseudoTerminalNote : '';
  return err(`${pathLabel(use)} ${showPath(path)} is not allowed: it must be one of ${allowedDevices(use, rules)}.${pts}`);
}

const pseudoTerminalNote = ' A pseudo-terminal (/dev/pts/<n>) is accepted only when the settings file sets devices.allowPseudoTerminals to true.';

/**
 * The rule on what the path resolved to on the filesystem (realpath): it must itself be a device of
 * this kind (a link such as /dev/serial/by-id/… has been followed by then), or a pty when allowed.
 */
export function checkResolvedDevicePath(path: string, resolved: string, use: DeviceUse, rules: DevicePathRules): Result<void, string> {
  const refused = unsupported(path, use, rules);
  if (refused !== null) return err(refused);
  if (isDeviceName(resolved, use, rules)) return ok(undefined);
  const where = resolved === path ? '' : ` (it resolves to ${showPath(resolved)})`;
  const pts = rules.platform === 'linux' && LINUX_PTS.test(resolved) ? pseudoTerminalNote : '';
  return err(`${pathLabel(use)} ${showPath(path)} is not allowed${where}: it must be one of ${allowedDevices(use, rules)}.${pts}`);
}
