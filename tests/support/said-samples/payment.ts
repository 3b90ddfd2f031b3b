import type { PaymentSaid, ProviderLinkSaid } from '../../../app/i18n/said/payment';
import { DEMO_FAILURES, type DemoFailureCode } from '../../../app/providers/demo/demo-api';
import { OPN_FAILURE_DESCRIPTIONS, type OpnFailureCode } from '../../../app/providers/opn/opn-api';

const SGD = (minor: number) => ({ minor, currency: 'SGD' }) as const;

/** The link's notes, for each provider name the clients use (the demo's is a description, worded in each language). */
export const LINK_SAMPLES: readonly ProviderLinkSaid[] = [
  { area: 'payment', kind: 'no_answer', provider: 'Opn' },
  { area: 'payment', kind: 'no_answer', provider: 'the demo provider' },
  { area: 'payment', kind: 'no_connection', provider: 'Orangepill' },
  { area: 'payment', kind: 'slow_down', provider: 'the demo provider' },
  { area: 'payment', kind: 'provider_trouble', provider: 'Opn', httpStatus: null },
  { area: 'payment', kind: 'provider_trouble', provider: 'Orangepill', httpStatus: 503 },
  { area: 'payment', kind: 'unreadable_answer', provider: 'Orangepill' },
];

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const PAYMENT_SAMPLES: readonly PaymentSaid[] = [
  ...(Object.keys(OPN_FAILURE_DESCRIPTIONS) as OpnFailureCode[]).map((code): PaymentSaid => ({ area: 'payment', kind: 'opn_failure', code, method: 'paynow' })),
  ...LINK_SAMPLES,
  { area: 'payment', kind: 'unknown_failure_code', code: 'card_stolen', method: 'atome' },
  ...(Object.keys(DEMO_FAILURES) as DemoFailureCode[]).map((code): PaymentSaid => ({ area: 'payment', kind: 'demo_failure', code })),
  { area: 'payment', kind: 'demo_failure_unknown', code: 'unspecified' },
  { area: 'payment', kind: 'orangepill_failure', status: 'CANCELLED', reason: null },
  { area: 'payment', kind: 'orangepill_failure', status: 'FAILED', reason: 'Payer wallet frozen' },
  { area: 'payment', kind: 'orangepill_failure', status: 'ERROR', reason: null },
  { area: 'payment', kind: 'create_stopped' },
  { area: 'payment', kind: 'reach_unchecked', problem: { area: 'payment', kind: 'no_answer', provider: 'Opn' } },
  { area: 'payment', kind: 'marked_not_paid', by: 'Mei', reason: 'Checked the Opn dashboard: no charge' },
  { area: 'payment', kind: 'other_amount', provider: 'Atome', asked: SGD(1234), answered: { minor: 1000, currency: 'SGD' } },
  { area: 'payment', kind: 'other_amount', provider: 'Orangepill', asked: SGD(1234), answered: { minor: null, currency: 'USD' } },
  { area: 'payment', kind: 'other_amount', provider: 'Orangepill', asked: SGD(1234), answered: { minor: null, currency: '' } },
  { area: 'payment', kind: 'other_amount', provider: 'The demo provider', asked: SGD(1234), answered: { minor: 1234, currency: 'XYZ' } },
  { area: 'payment', kind: 'other_amount', provider: 'The demo provider', asked: SGD(1234), answered: { minor: 1234, currency: '' } },
  { area: 'payment', kind: 'closed_after_part' },
  { area: 'payment', kind: 'outcome_hidden', requestId: 'req_42', lastStatus: 'PROCESSING', deleteAnswer: '200', notFound: 'Orangepill has no such payment request (HTTP 404)' },
  { area: 'payment', kind: 'left_open', asked: SGD(1234), received: null, provider: 'Orangepill' },
  { area: 'payment', kind: 'left_open', asked: SGD(1234), received: SGD(600), provider: 'The demo provider' },
];
