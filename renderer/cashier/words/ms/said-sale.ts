import type { SaleSaid } from '../../../../app/i18n/said/sale';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<SaleSaid> = {
  payment_in_progress: () => 'Satu bayaran sedang berjalan: tunggu sehingga selesai, atau batalkannya dahulu',
  payment_not_found: ({ paymentId }) => `Tiada bayaran ${paymentId} di terminal ini`,
};
