import type { RefundSaid } from '../../../../app/i18n/said/refund';
import type { RefundRuleSaid } from '../../../../app/i18n/said/refund-rule';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { clockTime, longDate } from '../said-dates';

/** A method's refund rule, exactly as the method table writes it (`MethodInfo.refunds.rule`). */
export function refundRule(said: RefundRuleSaid): string {
  switch (said.rule) {
    case 'demo_none':
      return 'the demo provider takes no refunds';
    case 'orangepill_console':
      return 'Orangepill refunds are made in the Orangepill console; the terminal shows a refund once Orangepill reports it';
    case 'opn_none':
      return `${said.provider} payments cannot be refunded through Opn: give the money back by bank transfer`;
    case 'within_days':
      return `Full or partial refunds within ${said.days} days of the payment`;
    case 'opn_generic':
      return `Refunds through Opn within ${said.days} days of the payment, at most ${said.max} per payment, while Opn says the ${said.provider} payment can be refunded`;
    default:
      return assertNever(said, 'refund rule');
  }
}

const status = (id: string): string => id.replace(/_/g, ' ');
const decided = (by: string | null, at: number): string => `${by === null ? '' : `by ${by} `}at ${clockTime(at)}`;

export const en: SaidWordsFor<RefundSaid> = {
  at_most_left: ({ left }, f) => `At most ${f.money(left)} can still be refunded on this payment`,
  only_paid: (s) => `Only a paid payment can be refunded; this one is ${status(s.status)}`,
  refund_currency: ({ currency }) => `Refund in ${currency}, the currency of the payment`,
  no_refunds_here: ({ method, rule }, f) => `${f.label(method)} does not take refunds through the terminal: ${refundRule(rule)}`,
  method_rule: ({ rule }) => refundRule(rule),
  provider_says_no: ({ provider }) =>
    `${provider} says this payment cannot be refunded, so the terminal does not offer a refund: give the money back another way, such as a bank transfer`,
  late_whole: ({ whole }, f) => `A late payment is given back whole: refund ${f.money(whole)}`,

  window_passed: ({ provider, days, paidAt }) => `${provider} refunds are possible only within ${days} days of the payment; this one was paid on ${longDate(paidAt, 'en-SG')}`,
  refund_limit: ({ provider, max, count }) =>
    `Opn takes at most ${max} refunds on one payment, and this ${provider} payment has had ${count}: refund the rest in the Opn dashboard or by bank transfer`,
  more_than_zero: () => 'A refund must be more than zero',
  opn_not_paid: ({ provider, status: said }) => `Only a paid ${provider} payment can be refunded; Opn says this one is ${said}`,
  opn_not_refundable: ({ provider }) =>
    `Opn says this ${provider} payment cannot be refunded now, so the terminal did not ask: give the money back another way, such as a bank transfer`,
  whole_left_only: ({ provider }) => `${provider} takes only a refund of the whole amount left`,
  opn_refund_mismatch: () => 'Opn answered the refund with a different charge or amount; check the Opn dashboard',

  cancel_with_money: ({ asked, received, provider }, f) =>
    received === null
      ? `Part of ${f.money(asked)} has arrived (amount not reported by ${provider}). Cancel the sale? The money received must be given back to the customer.`
      : `${f.money(received)} of ${f.money(asked)} has arrived. Cancel the sale? The ${f.money(received)} must be given back to the customer.`,
  no_money_arrived: (s) => `No money has arrived on payment ${s.paymentId}: it is ${status(s.status)}`,
  rest_arrived: ({ amount }, f) => `The rest arrived meanwhile: ${f.money(amount)} is paid in full, so the sale was not cancelled.`,
  changed_meanwhile: (s) => `Payment ${s.paymentId} changed meanwhile: it is ${status(s.status)}`,
  only_cancelled_with_money: (s) => `Only a sale cancelled after money arrived can be marked returned; payment ${s.paymentId} is ${status(s.status)}`,
  already_returned: ({ received, by, at }, f) =>
    `The ${received === null ? 'money received (amount not reported)' : `${f.money(received)} received`} was already marked returned ${decided(by, at)}`,
  already_kept: ({ by, at }) => `This late payment was already kept ${decided(by, at)}`,
  only_late_kept: (s) => `Only a payment that arrived after its request expired can be kept this way; payment ${s.paymentId} is ${status(s.status)}`,

  park_ended: () => 'This sale has already ended, so there is nothing to park: start the next sale',
  park_already: () => 'This sale is already parked: it is in the Needs attention list',
  park_creating: () => 'The sale is still being created: wait for its QR or for the provider to answer',
  park_still_payable: () => 'The customer can still pay this QR and the provider is answering: wait for the outcome, or cancel the payment',
  resolve_not_parked: () => 'Only a parked sale can be marked resolved; park it first',
  resolve_ended: () => 'This parked sale has already ended: its outcome is in History',
  acknowledge_unknown: ({ paymentId }) => `Sale ${paymentId} is not among the parked sales that ended`,
};
