import { DISPLAY_CATALOGS, type Language } from '../../../app/i18n';
import type { Money } from '../../../app/money/money';
import type { Decision, Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';
import { decisionText, howMoneyGoesBackText } from '../payment/money-back-text';
import type { CashierWords } from '../words/cashier-words';
import type { RefundWords } from '../words/refund';

/*
 * The words around money that goes back by hand: the question before a late payment is given back, and
 * the one before it is marked returned. Where the money goes back and who marked it are the sale
 * screen's sentences (payment/money-back-text.ts), so both screens say them alike. Pure, so each
 * sentence is tested as the cashier reads it.
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

/** "Marked returned by Mei at 14:05", or without the name when nobody was signed in: the sale screen's words. */
export const markedReturnedText = (returned: Decision, locale: string | undefined, words: CashierWords): string =>
  words.payment.moneyBack.markedReturned(decisionText(returned, words.payment, locale));

/**
 * The question before a late payment is refunded where the provider takes no refunds through the
 * terminal: where the money goes back, what the sale will read, and what the customer will see.
 */
export function lateRefundQuestion(payment: Payment, language: Language, locale: string | undefined, words: CashierWords): string {
  const whole = lateWhole(payment);
  const amount = formatAmount(whole, locale);
  return words.refund.moneyBack.lateQuestion(
    amount,
    howMoneyGoesBackText(payment, whole, words.payment, locale),
    words.payment.moneyBack.title(amount, false),
    moneyBackOnDisplay(whole, language, locale),
  );
}

/** The question before money is marked given back: the claim is the cashier's, with their name and the time. */
export function markReturnedQuestion(received: Money | null, locale: string | undefined, words: RefundWords): string {
  return words.moneyBack.markReturnedQuestion(received === null ? words.moneyBack.moneyReceived : formatAmount(received, locale));
}
