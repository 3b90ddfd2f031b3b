import type { SaleWords } from '../sale';

export const ms: SaleWords = {
  currency: 'Mata wang',
};
