import { MANAGER_ACTIONS, type StaffSaid } from '../../../app/i18n/said/staff';

const T = 'staff' as const;
const REFUND = { action: 'refund', amount: { minor: 1200, currency: 'SGD' } } as const;

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const STAFF_SAMPLES: readonly StaffSaid[] = [
  { area: T, kind: 'sign_in_first' },
  { area: T, kind: 'choose_who' },
  { area: T, kind: 'wrong_pin', name: 'Ali', waitMs: 0 },
  { area: T, kind: 'wrong_pin', name: 'Ali', waitMs: 8000 },
  { area: T, kind: 'too_many_wrong', waitMs: 120_000 },
  ...MANAGER_ACTIONS.map((action) => ({ area: T, kind: 'manager_needed', action, amount: null }) as const),
  { area: T, kind: 'manager_needed', ...REFUND },
  { area: T, kind: 'manager_pin_refused', action: 'closeDay', amount: null, refusal: { area: T, kind: 'wrong_pin', name: 'Mei', waitMs: 1000 } },
  { area: T, kind: 'manager_pin_refused', ...REFUND, refusal: { area: T, kind: 'too_many_wrong', waitMs: 4000 } },
  { area: T, kind: 'not_a_manager', ...REFUND, name: 'Ali' },
  { area: T, kind: 'staff_file_damaged', file: '/var/lib/qr-terminal/staff.json', problem: 'not_json' },
  { area: T, kind: 'staff_file_damaged', file: '/var/lib/qr-terminal/staff.json', problem: 'unexpected' },
  { area: T, kind: 'staff_not_written', file: '/var/lib/qr-terminal/staff.json', reason: 'ENOSPC: no space left on device' },
  { area: T, kind: 'field_pin_format' },
  { area: T, kind: 'field_staff_id' },
  { area: T, kind: 'field_plain_text' },
  { area: T, kind: 'field_id_twice', id: 'mei' },
  { area: T, kind: 'field_pin_for_new' },
  { area: T, kind: 'field_one_manager' },
];
