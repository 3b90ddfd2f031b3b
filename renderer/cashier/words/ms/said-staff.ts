import type { StaffSaid } from '../../../../app/i18n/said/staff';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => 'Log masuk dengan PIN anda dahulu',
};
