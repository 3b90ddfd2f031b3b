import type { RefundWords } from '../refund';

export const zh: RefundWords = {
  paidAfterExpiry: '请求过期后才付款',
};
