import type { SaleSaid } from '../../../../app/i18n/said/sale';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => '已有一笔付款正在进行：请等待其完成，或先取消',
  payment_not_found: ({ paymentId }) => `本终端没有付款 ${paymentId}`,
};
