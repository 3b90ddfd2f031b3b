import type { SettingsWords } from '../settings';

export const en: SettingsWords = {
  advanced: 'Advanced',
};
