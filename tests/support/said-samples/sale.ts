import type { SaleSaid } from '../../../app/i18n/said/sale';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const SALE_SAMPLES: readonly SaleSaid[] = [
  { area: 'sale', kind: 'payment_in_progress' },
  { area: 'sale', kind: 'payment_not_found', paymentId: 'T20261207-0001' },
];
