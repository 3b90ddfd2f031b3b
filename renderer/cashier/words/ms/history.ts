import type { HistoryWords } from '../history';

export const ms: HistoryWords = {
  status: 'Status',
};
