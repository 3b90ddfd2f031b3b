import type { HistoryWords } from '../history';

export const en: HistoryWords = {
  status: 'Status',
};
