import type { DeviceWords } from '../devices';

export const zh: DeviceWords = {
  receiptPreview: '小票预览',
};
