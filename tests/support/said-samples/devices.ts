import { PRINTER_CONDITIONS, type DevicePathRefused, type DeviceSaid, type DeviceSummary, type PrintedPage, type PrintProblem } from '../../../app/i18n/said/devices';

const PAGES: readonly PrintedPage[] = [
  { page: 'qr_slip', paymentId: 'T20261207-0001' },
  { page: 'receipt', paymentId: 'T20261207-0001' },
  { page: 'refund_slip', paymentId: 'T20261207-0001' },
  { page: 'test_page' },
  { page: 'counter_card' },
  { page: 'day_report', reportNumber: 12 },
];

const PROBLEMS: readonly PrintProblem[] = [
  { problem: 'unreachable', where: '192.168.1.50:9100', reason: 'connect ECONNREFUSED 192.168.1.50:9100' },
  { problem: 'connect_timeout', where: '192.168.1.50:9100', ms: 15000 },
  { problem: 'write_timeout', link: 'tcp', where: '192.168.1.50:9100', ms: 15000 },
  { problem: 'write_timeout', link: 'serial', where: '/dev/ttyUSB0 at 9600 baud', ms: 15000 },
  { problem: 'write_timeout', link: 'usb-lp', where: '/dev/usb/lp0', ms: 15000 },
  { problem: 'send_failed', link: 'serial', where: '/dev/ttyUSB0 at 9600 baud', reason: 'EIO' },
  { problem: 'serial_open_failed', path: '/dev/ttyUSB0', reason: 'Permission denied' },
  { problem: 'usb_write_failed', path: '/dev/usb/lp0', reason: 'EBUSY' },
  { problem: 'not_connected', device: 'printer path', path: '/dev/ttyUSB0' },
  { problem: 'no_response', where: '192.168.1.50:9100', ms: 15000 },
  { problem: 'shutting_down' },
  ...PRINTER_CONDITIONS.map((condition) => ({ problem: 'condition', condition }) as const),
  { problem: 'not_prepared', reason: 'QR payload too long' },
];

const SUMMARIES: readonly DeviceSummary[] = [
  ...(['printer', 'printer_not_printing', 'printer_offline', 'printer_path_refused', 'no_printer'] as const).map((summary) => ({ summary })),
  ...(['out_of_paper', 'cover_open', 'paper_low'] as const).map((condition) => ({ summary: 'printer_state', condition }) as const),
  ...(['pole', 'pole_connecting', 'pole_disconnected', 'pole_stopped', 'pole_port_refused', 'no_pole'] as const).map((summary) => ({ summary })),
  ...(['journal', 'no_journal', 'no_customer_display'] as const).map((summary) => ({ summary })),
  ...(['full', 'io', 'read_only', 'denied', 'busy', 'write_failed'] as const).map((problem) => ({ summary: 'journal_problem', problem }) as const),
  { summary: 'customer_displays', count: 1 },
  { summary: 'customer_displays', count: 2 },
  ...(['customer_display_one_monitor', 'customer_display_restarted', 'customer_display_stopped'] as const).map((summary) => ({ summary })),
];

const PATH_REFUSALS: readonly DevicePathRefused[] = [
  ...(['pathEmpty', 'pathControl', 'pathNotAbsolute', 'pathDots', 'pathEmptyPart'] as const).map((problem) => ({ why: 'syntax', problem }) as const),
  { why: 'syntax', problem: 'pathTooLong', max: 200 },
  { why: 'usb_lp_not_linux' },
  { why: 'system_unsupported' },
  { why: 'not_allowed', resolved: null, allowed: '/dev/usb/lp<n>', pts: false },
  { why: 'not_allowed', resolved: '/dev/pts/4', allowed: '/dev/ttyS<n>, /dev/ttyUSB<n>', pts: true },
  { why: 'not_allowed', resolved: null, allowed: null, pts: false },
  { why: 'unreadable', code: 'ENOTDIR' },
  { why: 'unreadable', code: 'EIO' },
  { why: 'unreadable', code: null },
  ...(['file', 'folder', 'fifo', 'socket', 'block', 'other'] as const).map((is) => ({ why: 'not_a_device', resolved: '/home/shop/.bashrc', is }) as const),
  { why: 'changed' },
];

const real = { kind: 'real', where: '192.168.1.50:9100' } as const;
const virtual = { kind: 'virtual' } as const;
const on = (kind: DeviceSaid['kind']) => ({ area: 'devices', kind }) as DeviceSaid;

/** One example of each kind, more where a kind has cases, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const DEVICE_SAMPLES: readonly DeviceSaid[] = [
  on('print_job_gone'),
  ...PAGES.map((printed) => ({ area: 'devices', kind: 'print_label', printed }) as const),
  ...PAGES.map((printed) => ({ area: 'devices', kind: 'print_started', printed }) as const),
  { area: 'devices', kind: 'print_done', warnings: [] },
  ...PROBLEMS.map((problem) => ({ area: 'devices', kind: 'print_failed', printed: PAGES[1] ?? { page: 'test_page' }, problem }) as const),
  { area: 'devices', kind: 'printer_not_set_up', detail: true },
  { area: 'devices', kind: 'printer_not_set_up', detail: false },
  { area: 'devices', kind: 'printer_ready', printer: real },
  { area: 'devices', kind: 'printer_ready', printer: virtual },
  { area: 'devices', kind: 'printer_no_status', printer: real, unknown: { why: 'not_asked' } },
  { area: 'devices', kind: 'printer_no_status', printer: { kind: 'real', where: '/dev/usb/lp0' }, unknown: { why: 'write_only', link: 'usb-lp' } },
  { area: 'devices', kind: 'printer_no_status', printer: virtual, unknown: { why: 'no_answer', reason: 'printer did not answer (no status reply within 2000 ms)' } },
  ...PRINTER_CONDITIONS.map((condition) => ({ area: 'devices', kind: 'printer_state', printer: real, condition }) as const),
  { area: 'devices', kind: 'printer_job_failed', printer: real, printed: { page: 'test_page' }, problem: { problem: 'unreachable', where: '192.168.1.50:9100', reason: 'ECONNREFUSED' }, quiet: true },
  { area: 'devices', kind: 'printer_job_failed', printer: virtual, printed: { page: 'receipt', paymentId: 'T1' }, problem: { problem: 'shutting_down' }, quiet: false },
  { area: 'devices', kind: 'pole_not_set_up', detail: true },
  { area: 'devices', kind: 'pole_not_set_up', detail: false },
  ...(['connecting', 'connected', 'disconnected', 'stopped'] as const).map((state) => ({ area: 'devices', kind: 'pole_line', state, path: '/dev/ttyUSB0' }) as const),
  { area: 'devices', kind: 'pole_connecting', path: '/dev/ttyUSB0' },
  { area: 'devices', kind: 'pole_connected', path: '/dev/ttyUSB0' },
  { area: 'devices', kind: 'pole_disconnected', path: '/dev/ttyUSB0', reason: 'No such file or directory' },
  { area: 'devices', kind: 'pole_stopped', path: '/dev/ttyUSB0' },
  ...[0, 1, 3].map((count) => ({ area: 'devices', kind: 'customer_displays', count }) as const),
  on('customer_display_one_monitor'),
  on('customer_display_restarted'),
  { area: 'devices', kind: 'customer_display_stopped', crashes: 3, seconds: 60 },
  on('journal_ok'),
  on('no_journal'),
  { area: 'devices', kind: 'provider_not_asked', provider: 'Opn Payments' },
  ...SUMMARIES.map((said) => ({ area: 'devices', kind: 'summary', said }) as const),
  { area: 'devices', kind: 'method_gone', method: 'atome' },
  on('no_counter_card'),
  { area: 'devices', kind: 'ports_not_listed', reason: 'spawn udevadm ENOENT', scanned: true },
  { area: 'devices', kind: 'ports_not_listed', reason: 'access denied', scanned: false },
  ...PATH_REFUSALS.map((refused) => ({ area: 'devices', kind: 'device_path_refused', device: 'printer', path: '/home/shop/.bashrc', refused, choose: false }) as const),
  { area: 'devices', kind: 'device_path_refused', device: 'printer', path: '/etc/passwd', refused: { why: 'changed' }, choose: true },
  { area: 'devices', kind: 'device_path_refused', device: 'pole display', path: '/etc/passwd', refused: { why: 'not_a_device', resolved: null, is: 'file' }, choose: true },
  { area: 'devices', kind: 'displays_full', max: 8 },
  { area: 'devices', kind: 'pairing_paused', minutes: 1 },
  { area: 'devices', kind: 'pairing_paused', minutes: 7 },
  { area: 'devices', kind: 'pairing_code_unknown', code: '123456', seconds: 120 },
  { area: 'devices', kind: 'pairing_code_expired', code: '123456' },
  on('pairing_screen_closed'),
  on('display_not_paired'),
  { area: 'devices', kind: 'pairing_code_shape', digits: 6 },
  on('display_name_empty'),
  on('display_name_control'),
  { area: 'devices', kind: 'display_not_saved', paired: true, reason: 'EACCES: permission denied, open /var/lib/qr-terminal/screen-links.json' },
  { area: 'devices', kind: 'display_not_saved', paired: false, reason: 'ENOSPC: no space left on device' },
];
