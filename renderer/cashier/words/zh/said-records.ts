import type { JournalDiskProblem, JournalProblemSaid, RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: '磁盘已满', until: '腾出空间', remedy: (f: string) => `请清理存放 ${f} 的磁盘空间` },
  io: { reason: '磁盘报告写入错误', until: '日志可以再次写入', remedy: (f: string) => `请检查存放 ${f} 的磁盘` },
  read_only: { reason: '日志文件或其磁盘已变为只读', until: '可以再次写入', remedy: (f: string) => `请让 ${f} 恢复可写` },
  denied: { reason: '终端已无权写入', until: '终端重新获得写入权限', remedy: (f: string) => `请检查 ${f} 的权限` },
  busy: { reason: '另一个程序锁定了它', until: '该程序释放它', remedy: (f: string) => `请关闭正在打开 ${f} 中日志的程序` },
} as const satisfies Record<JournalDiskProblem, unknown>;

const journal = (said: JournalProblemSaid): string =>
  said.kind === 'journal_cannot_save'
    ? `无法保存到日志：${disk[said.problem].reason}。在${disk[said.problem].until}之前，无法开始新的销售（${disk[said.problem].remedy(said.folder)}）。`
    : `无法保存到日志（${said.detail}）。在日志恢复保存之前，无法开始新的销售；柜台上的这笔销售会暂时保留，一旦可以就会保存。`;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const SMALLER = '请将图片裁剪到只剩二维码，或拍一张更小的照片。';


const STATUS: Readonly<Record<string, string>> = {
  CREATED: '等待付款',
  PENDING: '等待付款',
  PROCESSING: '付款处理中',
  ACCEPTED: '付款处理中',
  DONE: '已付款',
  COMPLETED: '已付款',
  OVERPAID: '已付款，超出所要求的金额',
  LATE: '逾期付款，请求已过期后才付款',
  INCOMPLETE: '已部分付款',
  REFUND: '正在退款',
  REFUNDED: '已退款',
};
const WITH_REASON: Readonly<Record<string, string>> = { CANCELLED: '已取消', FAILED: '付款失败', ERROR: 'Orangepill 报告了错误' };

const lookupStatus = ({ status, reason }: { readonly status: string; readonly reason: string | null }): string => {
  const failed = WITH_REASON[status];
  if (failed !== undefined) return reason === null ? failed : `${failed}：${reason}`;
  return STATUS[status] ?? `Orangepill 状态 ${status}，终端无法识别`;
};

export const zh: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: journal,
  journal_write_failed: journal,
  kept_until_saved: (said) =>
    `${journal(said.journal)}${said.kept === 'sale' ? '这笔销售的最新状态已暂时保留，保存后即会显示。' : '这项决定已暂时保留，保存后即会显示。'}`,
  refund_kept_until_saved: (said) => `${journal(said.journal)}退款已在 ${said.provider} 完成；日志恢复写入后即会保存。`,
  day_report_not_saved: ({ problem, folder }) =>
    `日结报告未保存：${disk[problem].reason}（${disk[problem].remedy(folder)}）。当前营业日仍未结束；问题解决后请再次日结。`,
  day_sales_open: ({ count }) =>
    count === 1 ? '还有一笔销售正在进行：请先完成或取消，再进行日结，以便计入报告' : `还有 ${count} 笔销售正在进行：请先完成或取消，再进行日结，以便全部计入报告`,
  no_journal: () => '交易记录和日结需要日志，但本终端只在内存中保存付款：请使用数据文件夹（--data）启动终端以保存付款',
  day_report_not_found: ({ number, last }) =>
    last === null ? `没有第 ${number} 号日结报告：尚未进行过日结` : `没有第 ${number} 号日结报告：现有报告为第 1 至 ${last} 号`,
  payment_not_in_journal: ({ paymentId }) => `日志中没有付款 ${paymentId}`,
  payment_unreadable: ({ paymentId, detail }) => `无法读取日志中的付款 ${paymentId}：${detail}`,
  csv_too_many: ({ count, max }) => `有 ${count} 笔付款符合条件，超过一个文件最多可容纳的 ${max} 笔；请缩短日期范围`,
  lookup_not_set_up: () => '本终端尚未设置 Orangepill',
  lookup_no_qr: () => '无法从该图片中读取二维码',
  lookup_image_unreadable: () => '无法读取该图片：请使用二维码的 PNG 或 JPEG 图片',
  lookup_image_too_detailed: () => '该图片过于精细，无法发送给 Orangepill：请裁剪到只剩二维码后重试',
  lookup_image_too_many_pixels: ({ width, height, maxSide, maxPixels }) =>
    `该图片为 ${width} × ${height} 像素；终端最多可读取 ${maxSide} × ${maxSide} 像素（${(maxPixels / 1e6).toFixed(1)} 百万像素）。${SMALLER}`,
  lookup_image_too_many_bytes: ({ bytes, maxBytes }) => `该图片大小为 ${megabytes(bytes)}；终端最多可读取 ${megabytes(maxBytes)}。${SMALLER}`,
  lookup_not_a_request: () => '该二维码不是 Orangepill 付款请求',
  lookup_no_such_request: ({ code }) => `Orangepill 没有代码为 ${code} 的付款请求`,
  lookup_status: lookupStatus,
};
