import type { StaffSaid } from '../../../../app/i18n/said/staff';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => '请先用您的 PIN 登录',
};
