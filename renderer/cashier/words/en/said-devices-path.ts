import type { DevicePathRefused, DevicePathSyntax, DeviceSaid, NotADevice } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';

/** A refused printer path or pole display port, as the device path rule says it (app/settings/device-path.ts). */
type PathRefused = Extract<DeviceSaid, { readonly kind: 'device_path_refused' }>;

const SYNTAX: Readonly<Record<Exclude<DevicePathSyntax, 'pathTooLong'>, string>> = {
  pathEmpty: 'must name the device, e.g. /dev/ttyUSB0 or COM3',
  pathControl: 'must not contain control characters such as NUL',
  pathNotAbsolute: 'must be an absolute device path such as /dev/ttyUSB0, or a COM port such as COM3',
  pathDots: 'must not contain "." or ".." parts',
  pathEmptyPart: 'must not contain an empty part such as "//" or a trailing "/"',
};

const IS: Readonly<Record<NotADevice, string>> = {
  file: 'a regular file',
  folder: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  block: 'a block device (a disk)',
  other: 'not a character device',
};

const UNREADABLE: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of it is not a folder',
  ELOOP: 'it has too many links',
  EACCES: 'permission denied',
  ENAMETOOLONG: 'it is too long',
};

const PTS = ' A pseudo-terminal (/dev/pts/<n>) is accepted only when the settings file sets devices.allowPseudoTerminals to true.';
const via = (resolved: string | null): string => (resolved === null ? '' : ` (it resolves to ${resolved})`);

function why(refused: DevicePathRefused): string {
  switch (refused.why) {
    case 'syntax':
      return `is not allowed: it ${refused.problem === 'pathTooLong' ? `must be at most ${refused.max} characters long` : SYNTAX[refused.problem]}.`;
    case 'usb_lp_not_linux':
      return 'cannot be used: USB printer device files exist only on Linux; connect the printer by serial (COM) port or network instead.';
    case 'system_unsupported':
      return 'cannot be used: this terminal drives serial and USB devices only on Linux, macOS and Windows.';
    case 'not_allowed':
      return `is not allowed${via(refused.resolved)}: it must be one of ${refused.allowed ?? 'none on this system'}.${refused.pts ? PTS : ''}`;
    case 'unreadable':
      return `cannot be used: ${UNREADABLE[refused.code ?? ''] ?? refused.code ?? 'it cannot be read'}.`;
    case 'not_a_device':
      return `is not a device${via(refused.resolved)}: it is ${IS[refused.is]}.`;
    case 'changed':
      return 'changed while it was being opened, so nothing was sent to it.';
    default:
      return assertNever(refused, 'device path refusal');
  }
}

const CHOOSE = { printer: " Choose the printer's device in the Devices panel or the settings file.", 'pole display': ' Choose its port in the Devices panel or the settings file.' } as const;

export const devicePathRefused = ({ device, path, refused, choose }: PathRefused): string =>
  `${device === 'printer' ? 'The printer path' : 'The pole display port'} ${path} ${why(refused)}${choose ? CHOOSE[device] : ''}`;
