import type { PaymentWords } from '../payment';

export const ms: PaymentWords = {
  providerHistory: 'Sejarah penyedia',
};
