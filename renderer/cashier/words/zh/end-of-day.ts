import type { EndOfDayWords } from '../end-of-day';

export const zh: EndOfDayWords = {
  noPayments: '此期间没有付款',
};
