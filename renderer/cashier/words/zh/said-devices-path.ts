import type { DevicePathRefused, DevicePathSyntax, DeviceSaid, NotADevice } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';

type PathRefused = Extract<DeviceSaid, { readonly kind: 'device_path_refused' }>;

const SYNTAX: Readonly<Record<Exclude<DevicePathSyntax, 'pathTooLong'>, string>> = {
  pathEmpty: '必须填写设备名称，例如 /dev/ttyUSB0 或 COM3',
  pathControl: '不能包含 NUL 等控制字符',
  pathNotAbsolute: '必须是完整的设备路径（如 /dev/ttyUSB0）或 COM 端口（如 COM3）',
  pathDots: '不能包含“.”或“..”部分',
  pathEmptyPart: '不能包含空的部分，例如“//”或结尾的“/”',
};

const IS: Readonly<Record<NotADevice, string>> = {
  file: '普通文件',
  folder: '文件夹',
  fifo: '命名管道（FIFO）',
  socket: '套接字',
  block: '块设备（磁盘）',
  other: '不是字符设备',
};

const UNREADABLE: Readonly<Record<string, string>> = {
  ENOTDIR: '其中一部分不是文件夹',
  ELOOP: '链接层数过多',
  EACCES: '没有权限',
  ENAMETOOLONG: '路径过长',
};

const PTS = '只有在设置文件将 devices.allowPseudoTerminals 设为 true 时，才接受伪终端（/dev/pts/<n>）。';
const via = (resolved: string | null): string => (resolved === null ? '' : `（它指向 ${resolved}）`);

function why(refused: DevicePathRefused): string {
  switch (refused.why) {
    case 'syntax':
      return `不允许使用：${refused.problem === 'pathTooLong' ? `不能超过 ${refused.max} 个字符` : SYNTAX[refused.problem]}。`;
    case 'usb_lp_not_linux':
      return '无法使用：USB 打印机设备文件只存在于 Linux；请改用串口（COM）或网络连接打印机。';
    case 'system_unsupported':
      return '无法使用：本终端只在 Linux、macOS 和 Windows 上驱动串口和 USB 设备。';
    case 'not_allowed':
      return `不允许使用${via(refused.resolved)}：必须是以下之一：${refused.allowed ?? '本系统上没有'}。${refused.pts ? PTS : ''}`;
    case 'unreadable':
      return `无法使用：${UNREADABLE[refused.code ?? ''] ?? refused.code ?? '无法读取'}。`;
    case 'not_a_device':
      return `不是设备${via(refused.resolved)}：它是${IS[refused.is]}。`;
    case 'changed':
      return '在打开时发生了变化，因此没有发送任何内容。';
    default:
      return assertNever(refused, 'device path refusal');
  }
}

const CHOOSE = { printer: '请在“设备”面板或设置文件中选择打印机设备。', 'pole display': '请在“设备”面板或设置文件中选择其端口。' } as const;

export const devicePathRefused = ({ device, path, refused, choose }: PathRefused): string =>
  `${device === 'printer' ? '打印机路径' : '杆式显示屏端口'} ${path} ${why(refused)}${choose ? CHOOSE[device] : ''}`;
