import type { ParkedWords } from '../parked';

export const en: ParkedWords = {
  needsAttention: 'Needs attention',
};
