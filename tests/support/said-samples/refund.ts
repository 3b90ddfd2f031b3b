import type { RefundSaid } from '../../../app/i18n/said/refund';
import type { RefundRuleSaid } from '../../../app/i18n/said/refund-rule';

const sgd = (minor: number) => ({ minor, currency: 'SGD' as const });
const AT = Date.UTC(2026, 11, 7, 6, 5);

/** Every refund rule a method has (app/i18n/said/refund-rule.ts). */
export const REFUND_RULE_SAMPLES: readonly RefundRuleSaid[] = [
  { rule: 'demo_none' },
  { rule: 'orangepill_console' },
  { rule: 'opn_none', provider: 'PromptPay' },
  { rule: 'within_days', days: 60 },
  { rule: 'opn_generic', days: 365, max: 15, provider: 'PayNow' },
];

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const REFUND_SAMPLES: readonly RefundSaid[] = [
  { area: 'refund', kind: 'at_most_left', left: sgd(550) },
  { area: 'refund', kind: 'only_paid', status: 'needs_attention' },
  { area: 'refund', kind: 'refund_currency', currency: 'SGD' },
  ...REFUND_RULE_SAMPLES.map((rule): RefundSaid => ({ area: 'refund', kind: 'no_refunds_here', method: 'demo', rule })),
  ...REFUND_RULE_SAMPLES.map((rule): RefundSaid => ({ area: 'refund', kind: 'method_rule', rule })),
  { area: 'refund', kind: 'provider_says_no', provider: 'PromptPay' },
  { area: 'refund', kind: 'late_whole', whole: sgd(1234) },
  { area: 'refund', kind: 'window_passed', provider: 'Atome', days: 60, paidAt: AT },
  { area: 'refund', kind: 'refund_limit', provider: 'PayNow', max: 15, count: 15 },
  { area: 'refund', kind: 'more_than_zero' },
  { area: 'refund', kind: 'opn_not_paid', provider: 'Atome', status: 'pending' },
  { area: 'refund', kind: 'opn_not_refundable', provider: 'WeChat Pay' },
  { area: 'refund', kind: 'whole_left_only', provider: 'TrueMoney' },
  { area: 'refund', kind: 'opn_refund_mismatch' },
  { area: 'refund', kind: 'cancel_with_money', asked: sgd(1234), received: sgd(1000), provider: 'Orangepill' },
  { area: 'refund', kind: 'cancel_with_money', asked: sgd(1234), received: null, provider: 'Orangepill' },
  { area: 'refund', kind: 'no_money_arrived', paymentId: 'T20261207-0001', status: 'awaiting' },
  { area: 'refund', kind: 'rest_arrived', amount: sgd(1234) },
  { area: 'refund', kind: 'changed_meanwhile', paymentId: 'T20261207-0001', status: 'paid' },
  { area: 'refund', kind: 'only_cancelled_with_money', paymentId: 'T20261207-0001', status: 'partially_paid' },
  { area: 'refund', kind: 'already_returned', received: sgd(1000), by: 'Mei', at: AT },
  { area: 'refund', kind: 'already_returned', received: null, by: null, at: AT },
  { area: 'refund', kind: 'already_kept', by: 'Mei', at: AT },
  { area: 'refund', kind: 'already_kept', by: null, at: AT },
  { area: 'refund', kind: 'only_late_kept', paymentId: 'T20261207-0001', status: 'paid' },
  { area: 'refund', kind: 'park_ended' },
  { area: 'refund', kind: 'park_already' },
  { area: 'refund', kind: 'park_creating' },
  { area: 'refund', kind: 'park_still_payable' },
  { area: 'refund', kind: 'resolve_not_parked' },
  { area: 'refund', kind: 'resolve_ended' },
  { area: 'refund', kind: 'acknowledge_unknown', paymentId: 'T20261207-0001' },
];
