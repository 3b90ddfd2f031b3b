import type { DeviceSaid } from '../../../../app/i18n/said/devices';
import type { SaidWordsFor } from '../said';

export const zh: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => '该打印任务已不再保留；请从付款处重新打印',
};
