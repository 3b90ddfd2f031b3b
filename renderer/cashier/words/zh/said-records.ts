import type { RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: '磁盘已满', until: '腾出空间', remedy: (f: string) => `请清理存放 ${f} 的磁盘空间` },
  io: { reason: '磁盘报告写入错误', until: '日志可以再次写入', remedy: (f: string) => `请检查存放 ${f} 的磁盘` },
  read_only: { reason: '日志文件或其磁盘已变为只读', until: '可以再次写入', remedy: (f: string) => `请让 ${f} 恢复可写` },
  denied: { reason: '终端已无权写入', until: '终端重新获得写入权限', remedy: (f: string) => `请检查 ${f} 的权限` },
  busy: { reason: '另一个程序锁定了它', until: '该程序释放它', remedy: (f: string) => `请关闭正在打开 ${f} 中日志的程序` },
} as const;

export const zh: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: ({ problem, folder }) => `无法保存到日志：${disk[problem].reason}。在${disk[problem].until}之前，无法开始新的销售（${disk[problem].remedy(folder)}）。`,
};
