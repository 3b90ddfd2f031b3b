import type { LookupWords } from '../lookup';

export const ms: LookupWords = {
  code: 'Kod',
};
