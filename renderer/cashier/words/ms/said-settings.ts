import type { SettingsSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `Jualan ${f.money(amount)} sedang berjalan: selesaikan atau batalkannya sebelum menukar tetapan (tiada apa-apa disimpan)`,
};
