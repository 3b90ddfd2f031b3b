import type { DeviceSaid } from '../../../../app/i18n/said/devices';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => 'That print job is no longer kept; print it again from the payment',
};
