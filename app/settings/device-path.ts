import type { DevicePathRefused, DevicePathSyntax, DeviceSaid, NotADevice } from '../i18n/said/devices';
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
} as const satisfies Record<DevicePathSyntax, string>;

/** What is wrong with a path's syntax, by name (null when fine); `devicePathProblem` says it. */
export function devicePathSyntax(path: string): DevicePathSyntax | null {
  if (path.length === 0) return 'pathEmpty';
  if (path.length > DEVICE_PATH_MAX) return 'pathTooLong';
  // eslint-disable-next-line no-control-regex -- a NUL or control character is exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'pathControl';
  if (WINDOWS_COM.test(path)) return null;
  if (!path.startsWith('/')) return 'pathNotAbsolute';
  const parts = path.split('/').slice(1);
  if (parts.some((part) => part === '..' || part === '.')) return 'pathDots';
  if (parts.some((part) => part === '')) return 'pathEmptyPart';
  return null;
}

/**
 * The platform-neutral syntax every device path must have, for the schema: null when fine, or what is
 * wrong ("must …"; the caller names the path). An absolute path without "." or ".." parts, or a Windows COM port.
 */
export function devicePathProblem(path: string): string | null {
  const problem = devicePathSyntax(path);
  return problem === null ? null : DEVICE_PATH_PROBLEMS[problem];
}

/** A refused device path: the English sentence, and the same as a `Said` for the cashier's language. */
export interface DevicePathRefusal {
  readonly message: string;
  readonly said: Extract<DeviceSaid, { readonly kind: 'device_path_refused' }>;
}

const NOT_A_DEVICE: Readonly<Record<NotADevice, string>> = {
  file: 'a regular file',
  folder: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  block: 'a block device (a disk)',
  other: 'not a character device',
};

/** The system's errors a path can meet while it is resolved, in words; any other is shown by its code. */
export const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of it is not a folder',
  ELOOP: 'it has too many links',
  EACCES: 'permission denied',
  ENAMETOOLONG: 'it is too long',
};

const pseudoTerminalNote = ' A pseudo-terminal (/dev/pts/<n>) is accepted only when the settings file sets devices.allowPseudoTerminals to true.';
const resolvedTo = (resolved: string | null): string => (resolved === null ? '' : ` (it resolves to ${resolved})`);

function refusedText(refused: DevicePathRefused): string {
  switch (refused.why) {
    case 'syntax':
      return `is not allowed: it ${DEVICE_PATH_PROBLEMS[refused.problem]}.`;
    case 'usb_lp_not_linux':
      return 'cannot be used: USB printer device files exist only on Linux; connect the printer by serial (COM) port or network instead.';
    case 'system_unsupported':
      return 'cannot be used: this terminal drives serial and USB devices only on Linux, macOS and Windows.';
    case 'not_allowed':
      return `is not allowed${resolvedTo(refused.resolved)}: it must be one of ${refused.allowed ?? 'none on this system'}.${refused.pts ? pseudoTerminalNote : ''}`;
    case 'unreadable':
      return `cannot be used: ${UNREADABLE_REASONS[refused.code ?? ''] ?? refused.code ?? 'it cannot be read'}.`;
    case 'not_a_device':
      return `is not a device${resolvedTo(refused.resolved)}: it is ${NOT_A_DEVICE[refused.is]}.`;
    case 'changed':
      return 'changed while it was being opened, so nothing was sent to it.';
  }
}

/** Where the device bar's line sends the shop to choose another path. */
export const CHOOSE_ANOTHER = {
  printer: " Choose the printer's device in the Devices panel or the settings file.",
  'pole display': ' Choose its port in the Devices panel or the settings file.',
} as const;

/** The refusal's sentence, from its `Said` (the one English wording the cashier's catalog is checked against). */
export function devicePathRefusalText(said: DevicePathRefusal['said']): string {
  const label = said.device === 'printer' ? 'The printer path' : 'The pole display port';
  return `${label} ${said.path} ${refusedText(said.refused)}${said.choose ? CHOOSE_ANOTHER[said.device] : ''}`;
}

/** The rule refused `path` for `use`, for this reason: its sentence and `Said`. */
export function devicePathRefusal(use: DeviceUse, path: string, refused: DevicePathRefused): DevicePathRefusal {
  const said = { area: 'devices', kind: 'device_path_refused', device: use.device, path: showPath(path), refused, choose: false } as const;
  return { message: devicePathRefusalText(said), said };
}

/** The same refusal as the device bar says it: then where to choose another path. */
export function choosingAnother(refusal: DevicePathRefusal): DevicePathRefusal {
  const said = { ...refusal.said, choose: true };
  return { message: devicePathRefusalText(said), said };
}

/** A syntax problem as a refusal's reason (the too-long one says the most). */
export const syntaxRefused = (problem: DevicePathSyntax): DevicePathRefused =>
  problem === 'pathTooLong' ? { why: 'syntax', problem, max: DEVICE_PATH_MAX } : { why: 'syntax', problem };

/** What a shop may use for this kind of device on this platform, for the sentences; null when nothing. */
function allowedDevices(use: DeviceUse, rules: DevicePathRules): string | null {
  const pts = rules.allowPseudoTerminals && rules.platform === 'linux' ? ', /dev/pts/<n>' : '';
  switch (rules.platform) {
    case 'linux':
      return use.kind === 'usb-lp'
        ? `/dev/usb/lp<n>${pts}`
        : `/dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/…${pts}`;
    case 'darwin':
      return '/dev/cu.*, /dev/tty.*';
    case 'win32':
      return 'COM1, COM2, …';
    default:
      return null;
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

function unsupported(use: DeviceUse, rules: DevicePathRules): DevicePathRefused | null {
  if (use.kind === 'usb-lp' && rules.platform !== 'linux') return { why: 'usb_lp_not_linux' };
  if (!['linux', 'darwin', 'win32'].includes(rules.platform)) return { why: 'system_unsupported' };
  return null;
}

/** Not one of the platform's device names; `resolved` where a link led elsewhere. */
function notAllowed(path: string, resolved: string, use: DeviceUse, rules: DevicePathRules): DevicePathRefusal {
  const pts = rules.platform === 'linux' && LINUX_PTS.test(resolved);
  return devicePathRefusal(use, path, { why: 'not_allowed', resolved: resolved === path ? null : showPath(resolved), allowed: allowedDevices(use, rules), pts });
}

/**
 * The rule on the path as the shop typed it: the neutral syntax, then the platform's allow-list
 * (udev's /dev/serial/by-id links included, since they resolve to a ttyUSB). Used alone on Windows,
 * and on a path that does not exist (yet), where there is nothing to resolve.
 */
export function checkNamedDevicePath(path: string, use: DeviceUse, rules: DevicePathRules): Result<void, DevicePathRefusal> {
  const problem = devicePathSyntax(path);
  if (problem !== null) return err(devicePathRefusal(use, path, syntaxRefused(problem)));
  const refused = unsupported(use, rules);
  if (refused !== null) return err(devicePathRefusal(use, path, refused));
  const named = isDeviceName(path, use, rules) || (rules.platform === 'linux' && use.kind === 'serial' && LINUX_SERIAL_LINK.test(path));
  return named ? ok(undefined) : err(notAllowed(path, path, use, rules));
}

/**
 * The rule on what the path resolved to on the filesystem (realpath): it must itself be a device of
 * this kind (a link such as /dev/serial/by-id/… has been followed by then), or a pty when allowed.
 */
export function checkResolvedDevicePath(path: string, resolved: string, use: DeviceUse, rules: DevicePathRules): Result<void, DevicePathRefusal> {
  const refused = unsupported(use, rules);
  if (refused !== null) return err(devicePathRefusal(use, path, refused));
  return isDeviceName(resolved, use, rules) ? ok(undefined) : err(notAllowed(path, resolved, use, rules));
}
