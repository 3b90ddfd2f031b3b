import type { SettingsSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `一笔 ${f.money(amount)} 的销售正在进行：请先完成或取消，再更改设置（未保存任何内容）`,
};
