import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `此笔付款最多还可退款 ${f.money(left)}`,
};
