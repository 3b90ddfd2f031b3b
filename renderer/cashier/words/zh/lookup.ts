import type { LookupWords } from '../lookup';

export const zh: LookupWords = {
  code: '代码',
};
