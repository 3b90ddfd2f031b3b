import type { EndOfDayWords } from '../end-of-day';

export const ms: EndOfDayWords = {
  noPayments: 'Tiada bayaran dalam tempoh ini',
};
