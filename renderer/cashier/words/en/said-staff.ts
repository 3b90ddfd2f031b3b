import type { StaffSaid } from '../../../../app/i18n/said/staff';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => 'Sign in with your PIN first',
};
