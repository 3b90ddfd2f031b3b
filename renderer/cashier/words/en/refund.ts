import type { RefundWords } from '../refund';

export const en: RefundWords = {
  paidAfterExpiry: 'Paid after the request expired',
};
