import type { Money } from '../../../app/money/money';
import type { Decision, Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';
import type { PaymentWords } from '../words/payment';

/*
 * The cashier's own copy of app/payment/money-back.ts's sentences, in the cashier's language: app/
 * keeps the English ones for the receipt and for main's refusals, which arrive written.
 */

/** An amount received, or null when the provider did not say how much. */
export const receivedAmount = (received: Money | null, locale: string | undefined): string | null =>
  received === null ? null : formatAmount(received, locale);

/** A time of day for a sentence about a decision, in the terminal's locale and the host's time zone. */
function timeOfDay(at: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale ?? 'en-SG', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "by Mei at 14:05", or "at 14:05" when nobody was signed in. */
export function decisionText(decision: Decision, words: PaymentWords, locale: string | undefined): string {
  return words.moneyBack.decision(decision.by === null ? null : decision.by.name, timeOfDay(decision.at, locale));
}

/** How the money goes back for this method: where, and what to look for (see app/payment/money-back.ts). */
export function howMoneyGoesBackText(
  payment: Pick<Payment, 'method' | 'id' | 'providerRef'>,
  received: Money | null,
  words: PaymentWords,
  locale: string | undefined,
): string {
  const amount = receivedAmount(received, locale);
  switch (payment.method) {
    case 'orangepill':
      return words.moneyBack.orangepill(payment.providerRef, payment.id, amount);
    case 'atome':
    case 'paynow':
    case 'promptpay':
    case 'truemoney':
    case 'wechatpay':
    case 'alipayplus':
      // Every Opn QR charge is all-or-nothing, so none reaches "cancelled, money received"; the Opn dashboard sentence stands for all.
      return words.moneyBack.atome(amount, payment.providerRef);
    case 'demo':
      return words.moneyBack.demo(amount);
    default:
      return assertNever(payment.method, 'payment method');
  }
}

/** The question before cancelling a sale that has money: what arrived, that it must go back, and how. */
export function cancelWithMoneyText(
  payment: Pick<Payment, 'method' | 'id' | 'providerRef' | 'amount'>,
  received: Money | null,
  provider: string,
  words: PaymentWords,
  locale: string | undefined,
): string {
  const question = words.cancelQuestion.question(formatAmount(payment.amount, locale), receivedAmount(received, locale), provider);
  return `${question} ${howMoneyGoesBackText(payment, received, words, locale)}`;
}
