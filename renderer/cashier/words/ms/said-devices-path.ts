import type { DevicePathRefused, DevicePathSyntax, DeviceSaid, NotADevice } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';

type PathRefused = Extract<DeviceSaid, { readonly kind: 'device_path_refused' }>;

const SYNTAX: Readonly<Record<Exclude<DevicePathSyntax, 'pathTooLong'>, string>> = {
  pathEmpty: 'mesti menamakan peranti, contohnya /dev/ttyUSB0 atau COM3',
  pathControl: 'tidak boleh mengandungi aksara kawalan seperti NUL',
  pathNotAbsolute: 'mesti laluan peranti penuh seperti /dev/ttyUSB0, atau port COM seperti COM3',
  pathDots: 'tidak boleh mengandungi bahagian "." atau ".."',
  pathEmptyPart: 'tidak boleh mengandungi bahagian kosong seperti "//" atau "/" di hujung',
};

const IS: Readonly<Record<NotADevice, string>> = {
  file: 'fail biasa',
  folder: 'folder',
  fifo: 'paip bernama (FIFO)',
  socket: 'soket',
  block: 'peranti blok (cakera)',
  other: 'bukan peranti aksara',
};

const UNREADABLE: Readonly<Record<string, string>> = {
  ENOTDIR: 'sebahagian daripadanya bukan folder',
  ELOOP: 'ia mempunyai terlalu banyak pautan',
  EACCES: 'kebenaran ditolak',
  ENAMETOOLONG: 'ia terlalu panjang',
};

const PTS = ' Terminal pseudo (/dev/pts/<n>) hanya diterima apabila fail tetapan menetapkan devices.allowPseudoTerminals kepada true.';
const via = (resolved: string | null): string => (resolved === null ? '' : ` (ia merujuk kepada ${resolved})`);

function why(refused: DevicePathRefused): string {
  switch (refused.why) {
    case 'syntax':
      return `tidak dibenarkan: ia ${refused.problem === 'pathTooLong' ? `mesti tidak melebihi ${refused.max} aksara` : SYNTAX[refused.problem]}.`;
    case 'usb_lp_not_linux':
      return 'tidak boleh digunakan: fail peranti pencetak USB hanya wujud pada Linux; sambungkan pencetak melalui port bersiri (COM) atau rangkaian.';
    case 'system_unsupported':
      return 'tidak boleh digunakan: terminal ini memacu peranti bersiri dan USB hanya pada Linux, macOS dan Windows.';
    case 'not_allowed':
      return `tidak dibenarkan${via(refused.resolved)}: ia mesti salah satu daripada ${refused.allowed ?? 'tiada pada sistem ini'}.${refused.pts ? PTS : ''}`;
    case 'unreadable':
      return `tidak boleh digunakan: ${UNREADABLE[refused.code ?? ''] ?? refused.code ?? 'ia tidak dapat dibaca'}.`;
    case 'not_a_device':
      return `bukan peranti${via(refused.resolved)}: ia ialah ${IS[refused.is]}.`;
    case 'changed':
      return 'berubah semasa ia dibuka, jadi tiada apa-apa dihantar kepadanya.';
    default:
      return assertNever(refused, 'device path refusal');
  }
}

const CHOOSE = {
  printer: ' Pilih peranti pencetak dalam panel Peranti atau fail tetapan.',
  'pole display': ' Pilih portnya dalam panel Peranti atau fail tetapan.',
} as const;

export const devicePathRefused = ({ device, path, refused, choose }: PathRefused): string =>
  `${device === 'printer' ? 'Laluan pencetak' : 'Port paparan tiang'} ${path} ${why(refused)}${choose ? CHOOSE[device] : ''}`;
