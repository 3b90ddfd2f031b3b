import type { PaymentWords } from '../payment';

export const zh: PaymentWords = {
  providerHistory: '支付服务商记录',
};
