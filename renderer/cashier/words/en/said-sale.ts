import type { SaleSaid } from '../../../../app/i18n/said/sale';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => 'A payment is already in progress: wait for it, or cancel it first',
  payment_not_found: ({ paymentId }) => `No payment ${paymentId} on this terminal`,
};
