import type { PaymentSaid } from '../../../app/i18n/said/payment';
import { OPN_FAILURE_DESCRIPTIONS, type OpnFailureCode } from '../../../app/providers/opn/opn-api';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const PAYMENT_SAMPLES: readonly PaymentSaid[] = (Object.keys(OPN_FAILURE_DESCRIPTIONS) as OpnFailureCode[]).map((code) => ({
  area: 'payment',
  kind: 'opn_failure',
  code,
  method: 'paynow',
}));
