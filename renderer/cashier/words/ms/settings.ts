import type { SettingsWords } from '../settings';

export const ms: SettingsWords = {
  advanced: 'Lanjutan',
};
