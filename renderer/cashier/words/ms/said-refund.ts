import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `Paling banyak ${f.money(left)} masih boleh dibayar balik untuk bayaran ini`,
};
