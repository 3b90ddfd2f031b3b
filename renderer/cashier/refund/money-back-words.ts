import { DISPLAY_CATALOGS, type Language } from '../../../app/i18n';
import type { Money } from '../../../app/money/money';
import type { Decision, Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { formatAmount } from '../../shared/format-amount';
import { clockTime } from '../parked/parked-words';
import type { RefundWords } from '../words/refund';

/*
 * The words around money that goes back by hand: where it goes back for each provider, the question
 * before a late payment is given back, and the one before it is marked returned. Pure, so each sentence
 * is tested as the cashier reads it.
 */

/** What a late payment gives back: what the provider reported, else the amount asked. */
export function lateWhole(payment: Payment): Money {
  return payment.state.status === 'paid' && payment.state.received !== undefined ? payment.state.received : payment.amount;
}

/** What the customer display will say once the sale ends with money to return, in its first language. */
export function moneyBackOnDisplay(received: Money | null, language: Language, locale: string | undefined): string {
  const words = DISPLAY_CATALOGS[language];
  return `${words.saleCancelled}. ${received === null ? words.moneyWillBeReturned : words.amountWillBeReturned(formatAmount(received, locale))}`;
}

/**
 * How the money goes back for this method, in the cashier's words: where, and what to look for. None
 * of these providers refunds such a request through its API, so a person does it and marks it here.
 */
export function howMoneyGoesBack(
  payment: Pick<Payment, 'method' | 'id' | 'providerRef'>,
  received: Money | null,
  locale: string | undefined,
  words: RefundWords,
): string {
  const how = words.moneyBack.how;
  const amount = received === null ? how.amountUnknown : formatAmount(received, locale);
  switch (payment.method) {
    case 'orangepill':
      return how.orangepill(payment.providerRef ?? how.noRequestId, payment.id, amount);
    case 'atome':
      return how.atome(payment.providerRef ?? how.unknownCharge, amount);
    case 'demo':
      return how.demo(amount);
    default:
      return assertNever(payment.method, 'payment method');
  }
}

/** "Marked returned by Mei at 14:05", or without the name when nobody was signed in. */
export const markedReturnedText = (returned: Decision, locale: string | undefined, words: RefundWords): string =>
  words.moneyBack.markedReturnedBy(returned.by?.name ?? null, clockTime(returned.at, locale));

/**
 * The question before a late payment is refunded where the provider takes no refunds through the
 * terminal: where the money goes back, what the sale will read, and what the customer will see.
 */
export function lateRefundQuestion(payment: Payment, language: Language, locale: string | undefined, words: RefundWords): string {
  const whole = lateWhole(payment);
  return words.moneyBack.lateQuestion(formatAmount(whole, locale), howMoneyGoesBack(payment, whole, locale, words), moneyBackOnDisplay(whole, language, locale));
}

/** The question before money is marked given back: the claim is the cashier's, with their name and the time. */
export function markReturnedQuestion(received: Money | null, locale: string | undefined, words: RefundWords): string {
  return words.moneyBack.markReturnedQuestion(received === null ? words.moneyBack.moneyReceived : formatAmount(received, locale));
}
