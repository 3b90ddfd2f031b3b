import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `At most ${f.money(left)} can still be refunded on this payment`,
};
