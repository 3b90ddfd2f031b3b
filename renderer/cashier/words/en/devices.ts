import type { DeviceWords } from '../devices';

export const en: DeviceWords = {
  receiptPreview: 'Receipt preview',
};
