import type { SettingsSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `A sale of ${f.money(amount)} is in progress: finish or cancel it before changing settings (nothing was saved)`,
};
