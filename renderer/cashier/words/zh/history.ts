import type { HistoryWords } from '../history';

export const zh: HistoryWords = {
  status: '状态',
};
