import type { SaleWords } from '../sale';

export const zh: SaleWords = {
  currency: '币种',
};
