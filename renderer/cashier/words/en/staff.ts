import type { StaffWords } from '../staff';

export const en: StaffWords = {
  staff: 'Staff',
};
