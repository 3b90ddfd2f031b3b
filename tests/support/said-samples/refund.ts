import type { RefundSaid } from '../../../app/i18n/said/refund';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const REFUND_SAMPLES: readonly RefundSaid[] = [{ area: 'refund', kind: 'at_most_left', left: { minor: 550, currency: 'SGD' } }];
