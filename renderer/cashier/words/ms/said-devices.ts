import type { DeviceSaid } from '../../../../app/i18n/said/devices';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => 'Kerja cetak itu tidak lagi disimpan; cetak semula dari bayaran',
};
