import type { StaffWords } from '../staff';

export const zh: StaffWords = {
  staff: '员工',
};
