import type { RecordsSaid } from '../../../app/i18n/said/records';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const RECORDS_SAMPLES: readonly RecordsSaid[] = (['full', 'io', 'read_only', 'denied', 'busy'] as const).map((problem) => ({
  area: 'records',
  kind: 'journal_cannot_save',
  problem,
  folder: '/var/lib/qr-terminal',
}));
