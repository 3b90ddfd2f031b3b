import type { DeviceSaid, DeviceSummary, NamedPrinter, PrintedPage, PrinterCondition, PrintProblem, StatusUnknown } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { devicePathRefused } from './said-devices-path';

const label = (printed: PrintedPage): string => {
  switch (printed.page) {
    case 'qr_slip':
      return `二维码单 ${printed.paymentId}`;
    case 'receipt':
      return `小票 ${printed.paymentId}`;
    case 'refund_slip':
      return `退款单 ${printed.paymentId}`;
    case 'test_page':
      return '打印机测试页';
    case 'counter_card':
      return 'Orangepill 柜台卡';
    case 'day_report':
      return `日结报告 ${printed.reportNumber}`;
    default:
      return assertNever(printed, 'printed page');
  }
};

const CONDITION: Readonly<Record<PrinterCondition, string>> = {
  out_of_paper: '打印机缺纸',
  cover_open: '打印机盖已打开',
  cutter_jammed: '打印机切刀卡住了',
  fault: '打印机故障：请关闭后重新开启',
  cooling: '打印机正在冷却（打印头过热）',
  error: '打印机报告错误',
  offline: '打印机离线',
  paper_low: '打印机纸快用完了',
};

const problemText = (p: PrintProblem): string => {
  switch (p.problem) {
    case 'unreachable':
      return `无法连接 ${p.where} 的打印机：${p.reason}`;
    case 'connect_timeout':
      return `${p.where} 的打印机在 ${p.ms} 毫秒内没有接受连接`;
    case 'write_timeout':
      return `打印机 ${p.where} 在 ${p.ms} 毫秒内没有接收数据`;
    case 'send_failed':
      return `向打印机 ${p.where} 发送数据失败：${p.reason}`;
    case 'serial_open_failed':
      return `无法打开打印机的串口 ${p.path}：${p.reason}`;
    case 'usb_write_failed':
      return `无法写入打印机 ${p.path}：${p.reason}`;
    case 'not_connected':
      return `${p.device === 'printer path' ? '打印机路径' : '杆式显示屏端口'} ${p.path} 目前未连接：该路径上没有设备。`;
    case 'no_response':
      return `打印机（${p.where}）在 ${p.ms} 毫秒内没有回应`;
    case 'shutting_down':
      return '终端正在关闭';
    case 'condition':
      return CONDITION[p.condition];
    case 'not_prepared':
      return p.reason;
    default:
      return assertNever(p, 'print problem');
  }
};

const failed = (printed: PrintedPage, p: PrintProblem): string =>
  p.problem === 'not_prepared' ? `${label(printed)} 无法准备打印：${p.reason}` : `${label(printed)} 未能打印：${problemText(p)}`;

const nameOf = (printer: NamedPrinter): string => (printer.kind === 'real' ? `${printer.where} 的打印机` : '演示用的虚拟打印机');

const unknownText = (unknown: StatusUnknown): string => {
  switch (unknown.why) {
    case 'not_asked':
      return '尚未询问';
    case 'write_only':
      return `${unknown.link} 打印机无法报告状态`;
    case 'no_answer':
      return unknown.reason;
    default:
      return assertNever(unknown, 'unknown status');
  }
};

const stateAction = (condition: PrinterCondition, printer: NamedPrinter): string => {
  if (condition === 'out_of_paper') return '请装上新纸卷；收款照常进行，单据可以稍后重印。';
  if (condition === 'cover_open') return '请合上机盖，然后重印。';
  if (condition === 'paper_low') return '请准备好新纸卷。';
  return `请检查${nameOf(printer)}。`;
};

const SUMMARY = {
  printer: '打印机',
  printer_not_printing: '打印机未打印',
  printer_offline: '打印机离线',
  printer_path_refused: '打印机路径被拒绝',
  no_printer: '无打印机',
  pole: '杆式显示屏',
  pole_connecting: '杆式显示屏：正在连接',
  pole_disconnected: '杆式显示屏已断开',
  pole_stopped: '杆式显示屏已停止',
  pole_port_refused: '杆式显示屏端口被拒绝',
  no_pole: '无杆式显示屏',
  journal: '交易日志',
  no_journal: '无交易日志',
  no_customer_display: '无顾客显示屏',
  customer_display_one_monitor: '无顾客显示屏（只有一台显示器）',
  customer_display_restarted: '顾客显示屏已重新打开',
  customer_display_stopped: '顾客显示屏已停止',
} as const;

const STATE_SUMMARY = { out_of_paper: '打印机：缺纸', cover_open: '打印机：机盖打开', paper_low: '打印机：纸快用完' } as const;

const JOURNAL_SUMMARY = {
  full: '交易日志：磁盘已满',
  io: '交易日志：磁盘错误',
  read_only: '交易日志：只读',
  denied: '交易日志：无写入权限',
  busy: '交易日志：被锁定',
  write_failed: '交易日志无法保存',
} as const;

const summary = (said: DeviceSummary): string => {
  switch (said.summary) {
    case 'printer_state':
      return STATE_SUMMARY[said.condition];
    case 'journal_problem':
      return JOURNAL_SUMMARY[said.problem];
    case 'customer_displays':
      return said.count === 1 ? '顾客显示屏' : `${said.count} 个顾客显示屏`;
    default:
      return SUMMARY[said.summary];
  }
};

const POLE_STATE = { connecting: '正在连接', connected: '已连接', disconnected: '已断开', stopped: '已停止' } as const;

export const zh: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => '该打印任务已不再保留；请从该笔付款重新打印',
  print_label: ({ printed }) => label(printed),
  print_started: ({ printed }) => `正在打印${label(printed)}…`,
  print_done: ({ warnings }) => (warnings.length === 0 ? '已打印' : `已打印；${warnings.join('；')}`),
  print_failed: ({ printed, problem }) => failed(printed, problem),
  printer_not_set_up: ({ detail }) => `尚未设置小票打印机：请在“设备”的“打印机设置”中选择连接方式${detail ? '。' : ''}`,
  printer_ready: ({ printer }) =>
    printer.kind === 'real'
      ? `${printer.where} 的打印机已就绪。`
      : '尚未设置小票打印机，所以演示模式打印到虚拟打印机：每张单据都显示在此屏幕上。在“打印机设置”中选择连接方式即可打印到纸上。',
  printer_no_status: ({ printer, unknown }) => `${nameOf(printer)}不报告其状态（${unknownText(unknown)}）。`,
  printer_state: ({ printer, condition }) => `${CONDITION[condition]}。${stateAction(condition, printer)}`,
  printer_job_failed: ({ printer, printed, problem, quiet }) =>
    quiet ? `${failed(printed, problem)}。请确认${nameOf(printer)}已开机并已连接，然后重印。` : `${failed(printed, problem)}。问题解决后请重印。`,
  pole_not_set_up: ({ detail }) => `尚未设置杆式显示屏：请在“设备”的“杆式显示屏设置”中选择其串口${detail ? '。' : ''}`,
  pole_line: ({ state, path }) => `杆式显示屏${POLE_STATE[state]}：${path}`,
  pole_connecting: ({ path }) => `杆式显示屏正在连接：${path}。`,
  pole_connected: ({ path }) => `${path} 上的杆式显示屏正在显示本笔交易。`,
  pole_disconnected: ({ path, reason }) => `杆式显示屏已断开：${path}（${reason}）。请检查其连接线和电源；终端会自动重新连接，收款照常进行。`,
  pole_stopped: ({ path }) => `杆式显示屏已停止：${path}。`,
  customer_displays: ({ count }) =>
    count === 0
      ? '没有连接顾客屏幕：除非打印出来，否则顾客看不到二维码。请打开显示屏链接，或接上第二台显示器。'
      : count === 1
        ? '顾客屏幕已连接。'
        : `已连接 ${count} 个顾客屏幕。`,
  customer_display_one_monitor: () =>
    '只连接了一台显示器，所以没有顾客显示屏：顾客扫描二维码单上的二维码（“打印二维码单”；除非打印机设置另有规定，它会自动打印）。接上第二台显示器后，顾客显示屏会在其上打开。',
  customer_display_restarted: () => '顾客显示屏停止工作后已重新打开，照常显示本笔交易。如果反复出现，请重启终端。',
  customer_display_stopped: ({ crashes, seconds }) =>
    `顾客显示屏在 ${seconds} 秒内停止工作 ${crashes} 次，因此不再重新打开：顾客扫描二维码单上的二维码。重启终端即可再次打开。`,
  journal_ok: () => '每笔交易在显示前都已保存到交易日志。',
  no_journal: () => '交易只保存在内存中，终端重启后就会丢失：请用数据文件夹启动终端以保存交易。',
  provider_not_asked: ({ provider }) => `尚未检查：终端在收款时才会检查 ${provider}。`,
  summary: ({ said }) => summary(said),
  method_gone: ({ method }) => `此终端已不再设置付款方式 ${method}`,
  no_counter_card: () => '此终端未设置 Orangepill，因此没有柜台卡',
  ports_not_listed: ({ reason, scanned }) => (scanned ? `无法列出串口（${reason}），且 /dev 中没有串口设备` : `无法列出串口：${reason}`),
  device_path_refused: devicePathRefused,
  displays_full: ({ max }) => `已配对 ${max} 个显示屏：请先取消配对其中一个`,
  pairing_paused: ({ minutes }) => `配对码输错次数过多：配对暂停 ${minutes} 分钟`,
  pairing_code_unknown: ({ code, seconds }) => `没有显示屏显示配对码 ${code}：请核对显示屏上的配对码（每 ${seconds} 秒更换一次）`,
  pairing_code_expired: ({ code }) => `配对码 ${code} 已过期：显示屏上已显示新的配对码，请输入新码`,
  pairing_screen_closed: () => '显示屏在配对完成前关闭了配对画面：请重新打开，并输入新的配对码',
  display_not_paired: () => '该显示屏未配对（可能已被取消配对）',
  pairing_code_shape: ({ digits }) => `必须是显示屏上显示的 ${digits} 位数字代码`,
  display_name_empty: () => '不能为空：请为显示屏命名，例如“柜台平板”',
  display_name_control: () => '不能包含控制字符或格式字符',
  display_not_saved: ({ paired, reason }) => `显示屏${paired ? '配对' : '取消配对'}未能保存：${reason}`,
};
