import type { SaleWords } from '../sale';

export const en: SaleWords = {
  currency: 'Currency',
};
