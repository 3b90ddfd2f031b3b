import type { Said } from '../i18n/said';
import { formatMoney, type Money } from '../money/money';
import { assertNever } from '../util/assert-never';
import type { Decision, Payment, PaymentState } from './payment';
import { CLOSED_AFTER_PART } from './transition';

/**
 * Money that has arrived on a sale that is still open, so a cancel must not hide it: partly paid, or a
 * partly paid request the provider closed since (amount unknown). Null when nothing is known to have arrived.
 */
export function moneyArrived(payment: Pick<Payment, 'state'>): { readonly received: Money | null } | null {
  const state = payment.state;
  if (state.status === 'partially_paid') return { received: state.received };
  if (state.status === 'needs_attention' && state.reason === CLOSED_AFTER_PART) return { received: null };
  return null;
}

/**
 * The question before cancelling a sale that has money, and main's refusal of a cancel that did not
 * carry its answer: the same sentence, naming the amount (or that the provider did not report it).
 */
export function cancelWithMoneyQuestion(payment: Pick<Payment, 'amount'>, received: Money | null, provider: string, locale?: string): string {
  return cancelWithMoneyRefusal(payment, received, provider, locale).message;
}

/** `cancelWithMoneyQuestion`, and the same sentence as a `Said` for the cashier's screen. */
export function cancelWithMoneyRefusal(
  payment: Pick<Payment, 'amount'>,
  received: Money | null,
  provider: string,
  locale?: string,
): { readonly message: string; readonly said: Said } {
  const asked = formatMoney(payment.amount, locale);
  const said: Said = { area: 'refund', kind: 'cancel_with_money', asked: payment.amount, received, provider };
  if (received === null) {
    return { message: `Part of ${asked} has arrived (amount not reported by ${provider}). Cancel the sale? The money received must be given back to the customer.`, said };
  }
  const got = formatMoney(received, locale);
  return { message: `${got} of ${asked} has arrived. Cancel the sale? The ${got} must be given back to the customer.`, said };
}

/** "SGD 10.00 received" or, when the provider did not say how much, "money received (amount not reported)". */
export function receivedWords(received: Money | null, locale?: string): string {
  return received === null ? 'money received (amount not reported)' : `${formatMoney(received, locale)} received`;
}

/** The outcome in one line: "Cancelled — SGD 10.00 received, to be returned" (or "…, returned"). */
export function moneyBackTitle(state: Extract<PaymentState, { status: 'cancelled_with_money' }>, locale?: string): string {
  return `Cancelled \u2014 ${receivedWords(state.received, locale)}, ${state.returned === undefined ? 'to be returned' : 'returned'}`;
}

/** A time of day for a sentence about a decision, in the terminal's locale and the host's time zone. */
function timeOfDay(at: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale ?? 'en-SG', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "by Mei at 14:05", or "at 14:05" when nobody was signed in. */
export function decisionWords(decision: Decision, locale?: string): string {
  return `${decision.by === null ? '' : `by ${decision.by.name} `}at ${timeOfDay(decision.at, locale)}`;
}

/**
 * How the money goes back for this method, in the cashier's words: where, and what to look for. The
 * terminal never asks a provider to close or delete a request that has money (close-outcome.ts), and
 * none of these providers refunds such a request through its API, so a person does it and marks it here.
 */
export function howMoneyGoesBack(payment: Pick<Payment, 'method' | 'id' | 'providerRef' | 'amount'>, received: Money | null, locale?: string): string {
  const amount = received === null ? 'the amount the customer paid (the terminal was not told how much)' : formatMoney(received, locale);
  switch (payment.method) {
    case 'orangepill':
      return (
        `Orangepill refunds are made in the Orangepill console: open the payment request ${payment.providerRef ?? '(no request id)'} ` +
        `(order ${payment.id}), check what arrived, and refund ${amount} to the payer. Then press Mark returned here.`
      );
    case 'atome':
    case 'paynow':
    case 'truemoney':
    case 'wechatpay':
    case 'alipayplus':
      // Opn charges are all-or-nothing: "Other possible values for charge status are successful, failed, and
      // expired" (the Atome QR doc); nothing is partly paid or late, so an Opn sale never reaches this state.
      return `Refund ${amount} to the customer in the Opn dashboard (charge ${payment.providerRef ?? 'unknown'}), then press Mark returned here.`;
    case 'promptpay':
      return `PromptPay payments cannot be refunded through Opn: pay ${amount} back to the customer by bank transfer (the payment is charge ${payment.providerRef ?? 'unknown'} in the Opn dashboard), then press Mark returned here.`;
    case 'demo':
      return `Demo: no real money moved. Give the customer back ${amount} as you would, then press Mark returned here.`;
    default:
      return assertNever(payment.method, 'payment method');
  }
}
