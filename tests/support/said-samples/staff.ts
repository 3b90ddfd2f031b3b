import type { StaffSaid } from '../../../app/i18n/said/staff';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const STAFF_SAMPLES: readonly StaffSaid[] = [{ area: 'staff', kind: 'sign_in_first' }];
