import type { ParkedWords } from '../parked';

export const zh: ParkedWords = {
  needsAttention: '需要处理',
};
