import type { JournalProblemSaid, RecordsSaid } from '../../../app/i18n/said/records';

const FOLDER = '/var/lib/qr-terminal';
const PROBLEMS = ['full', 'io', 'read_only', 'denied', 'busy'] as const;

const DISK_FULL: JournalProblemSaid = { area: 'records', kind: 'journal_cannot_save', problem: 'full', folder: FOLDER };
const WRITE_FAILED: JournalProblemSaid = { area: 'records', kind: 'journal_write_failed', detail: 'database disk image is malformed' };

/** One example of each kind (each disk problem, each count that words differently), with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const RECORDS_SAMPLES: readonly RecordsSaid[] = [
  ...PROBLEMS.map((problem): RecordsSaid => ({ area: 'records', kind: 'journal_cannot_save', problem, folder: FOLDER })),
  WRITE_FAILED,
  { area: 'records', kind: 'kept_until_saved', journal: DISK_FULL, kept: 'sale' },
  { area: 'records', kind: 'kept_until_saved', journal: WRITE_FAILED, kept: 'decision' },
  { area: 'records', kind: 'refund_kept_until_saved', journal: DISK_FULL, provider: 'Opn Payments' },
  ...PROBLEMS.map((problem): RecordsSaid => ({ area: 'records', kind: 'day_report_not_saved', problem, folder: FOLDER })),
  { area: 'records', kind: 'day_sales_open', count: 1 },
  { area: 'records', kind: 'day_sales_open', count: 3 },
  { area: 'records', kind: 'no_journal' },
  { area: 'records', kind: 'day_report_not_found', number: 4, last: null },
  { area: 'records', kind: 'day_report_not_found', number: 9, last: 7 },
  { area: 'records', kind: 'payment_not_in_journal', paymentId: 'T20261207-0001' },
  { area: 'records', kind: 'payment_unreadable', paymentId: 'T20261207-0002', detail: 'its amount is not a whole number' },
  { area: 'records', kind: 'csv_too_many', count: 120_000, max: 100_000 },
  { area: 'records', kind: 'lookup_not_set_up' },
  { area: 'records', kind: 'lookup_no_qr' },
  { area: 'records', kind: 'lookup_image_unreadable' },
  { area: 'records', kind: 'lookup_image_too_detailed' },
  { area: 'records', kind: 'lookup_image_too_many_pixels', width: 6000, height: 4000, maxSide: 2048, maxPixels: 2048 * 2048 },
  { area: 'records', kind: 'lookup_image_too_many_bytes', bytes: 3_355_443, maxBytes: 1024 * 1024 },
  { area: 'records', kind: 'lookup_not_a_request' },
  { area: 'records', kind: 'lookup_no_such_request', code: 'req_8f2a91' },
  ...['CREATED', 'PENDING', 'PROCESSING', 'ACCEPTED', 'DONE', 'COMPLETED', 'OVERPAID', 'LATE', 'INCOMPLETE', 'CANCELLED', 'FAILED', 'ERROR', 'REFUND', 'REFUNDED'].map(
    (status) => ({ area: 'records', kind: 'lookup_status', status, reason: null }) as const,
  ),
  { area: 'records', kind: 'lookup_status', status: 'FAILED', reason: 'insufficient funds' },
  { area: 'records', kind: 'lookup_status', status: 'SETTLED_SOMEHOW', reason: null },
];
