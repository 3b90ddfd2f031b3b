import type { LookupWords } from '../lookup';

export const en: LookupWords = {
  code: 'Code',
};
