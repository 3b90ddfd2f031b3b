import type { PaymentWords } from '../payment';

export const en: PaymentWords = {
  providerHistory: 'Provider history',
};
