import { describe, expect, it } from 'vitest';
import { UNPROTECTED_WARNING } from '../../app/ipc/staff-warning';
import { staffWarningText } from '../../renderer/cashier/staff/staff-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

describe('the warning of a terminal with nobody listed', () => {
  it('is said in the cashier’s language; any other warning is the terminal’s own sentence', () => {
    expect(staffWarningText(UNPROTECTED_WARNING, CASHIER_WORDS.en.staff)).toBe(UNPROTECTED_WARNING);
    expect(staffWarningText(UNPROTECTED_WARNING, CASHIER_WORDS.ms.staff)).toContain('Tiada sesiapa disenaraikan');
    expect(staffWarningText(UNPROTECTED_WARNING, CASHIER_WORDS['zh-Hans'].staff)).toContain('尚未设置员工');
    expect(staffWarningText('The staff list cannot be read', CASHIER_WORDS.ms.staff)).toBe('The staff list cannot be read');
  });
});
