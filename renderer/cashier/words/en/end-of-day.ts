import type { EndOfDayWords } from '../end-of-day';

export const en: EndOfDayWords = {
  noPayments: 'No payments in this period',
};
