import { DISPLAY_CATALOGS, type Language } from '../../../app/i18n';
import type { Money } from '../../../app/money/money';
import { howMoneyGoesBack, moneyBackTitle } from '../../../app/payment/money-back';
import type { Payment } from '../../../app/payment/payment';
import { formatAmount } from '../../shared/format-amount';

/*
 * The words around money that goes back by hand: the question before a late payment is given back, and
 * the one before it is marked returned. Pure, so each sentence is tested as the cashier reads it.
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
 * The question before a late payment is refunded where the provider takes no refunds through the
 * terminal: where the money goes back, what the sale will read, and what the customer will see.
 */
export function lateRefundQuestion(payment: Payment, language: Language, locale: string | undefined): string {
  const whole = lateWhole(payment);
  const outcome = moneyBackTitle({ status: 'cancelled_with_money', received: whole }, locale);
  return (
    `Refund ${formatAmount(whole, locale)} to the customer? ${howMoneyGoesBack(payment, whole, locale)} ` +
    `Until then the sale reads "${outcome}", and counts in End of day as money to return, not as paid. ` +
    // The display's words end with their own full stop.
    `The customer display will show '${moneyBackOnDisplay(whole, language, locale)}'`
  );
}

/** The question before money is marked given back: the claim is the cashier's, with their name and the time. */
export function markReturnedQuestion(received: Money | null, locale: string | undefined): string {
  const what = received === null ? 'the money received' : formatAmount(received, locale);
  return `Has ${what} been given back to the customer? The journal records that you marked it returned, and when. This cannot be undone.`;
}
