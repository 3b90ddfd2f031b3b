import type { SettingsWords } from '../settings';

export const zh: SettingsWords = {
  advanced: '高级',
};
