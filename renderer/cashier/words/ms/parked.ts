import type { ParkedWords } from '../parked';

export const ms: ParkedWords = {
  needsAttention: 'Perlu perhatian',
};
