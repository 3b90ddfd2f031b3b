import type { StaffWords } from '../staff';

export const ms: StaffWords = {
  staff: 'Kakitangan',
};
