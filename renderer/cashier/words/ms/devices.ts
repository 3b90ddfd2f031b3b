import type { DeviceWords } from '../devices';

export const ms: DeviceWords = {
  receiptPreview: 'Pratonton resit',
};
