import { DISPLAY_CATALOGS, type Language } from '../../../app/i18n';
import { parseDecimal, type Money } from '../../../app/money/money';
import type { Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { err, ok, type Result } from '../../../app/util/result';
import { formatAmount } from '../../shared/format-amount';
import { refundableAmount } from '../../shared/payment-figures';
import { stateWords } from '../history/history-timeline';

/*
 * The words around a refund: what is typed, the question asked before any money goes back, and how a
 * partly refunded sale is named on every screen. Pure, so each sentence is tested as the cashier reads it.
 */

const refundedOf = (payment: Payment): Money => ({ minor: payment.refundedMinor, currency: payment.amount.currency });

/** Paid, with part given back: still a sale (counted once as paid), its refunds apart. */
export function isPartlyRefunded(payment: Payment): boolean {
  const { status } = payment.state;
  return payment.refundedMinor > 0 && (status === 'paid' || status === 'paid_after_cancel');
}

/** A payment's status as History lists it: "Paid, partly refunded" where part has gone back. */
export function paymentStatusWords(payment: Payment): string {
  const words = stateWords(payment);
  return isPartlyRefunded(payment) ? `${words}, partly refunded` : words;
}

/** e.g. "Partly refunded: SGD 5.00 of SGD 20.00". */
export function partlyRefundedText(payment: Payment, locale: string | undefined): string {
  return `Partly refunded: ${formatAmount(refundedOf(payment), locale)} of ${formatAmount(payment.amount, locale)}`;
}

/**
 * The amount typed, read exactly: nothing typed is not "everything", and more than is left is refused
 * here, before the question is asked. Every refusal says what to type instead.
 */
export function proposeRefund(text: string, payment: Payment, locale: string | undefined): Result<Money, string> {
  const left = refundableAmount(payment);
  if (text.trim() === '') return err(`Type the amount to refund: up to ${formatAmount(left, locale)}`);
  const amount = parseDecimal(text, payment.amount.currency);
  if (!amount.ok) {
    return err(amount.error.kind === 'zero' ? `Type an amount above ${formatAmount({ minor: 0, currency: left.currency }, locale)}` : amount.error.message);
  }
  if (amount.value.minor > left.minor) return err(`${formatAmount(amount.value, locale)} is more than the ${formatAmount(left, locale)} left to refund`);
  return ok(amount.value);
}

/** What the customer display does when the refund goes through. */
export type RefundOnDisplay =
  /** A refund in full of the sale on the counter: the display says so, in its first language. */
  | { readonly kind: 'shows'; readonly words: string }
  /** Part of the sale on the counter: the display has no words for a partial refund, so it stays as it is. */
  | { readonly kind: 'partial' }
  /** A sale from History: the counter has moved on, so the display shows nothing of it. */
  | { readonly kind: 'not_on_counter' };

export function refundOnDisplay(payment: Payment, amount: Money, onCounter: boolean, displayLanguage: Language): RefundOnDisplay {
  if (!onCounter) return { kind: 'not_on_counter' };
  if (amount.minor < refundableAmount(payment).minor) return { kind: 'partial' };
  return { kind: 'shows', words: DISPLAY_CATALOGS[displayLanguage].paymentRefunded };
}

function displaySentence(display: RefundOnDisplay): string {
  switch (display.kind) {
    case 'shows':
      return `The customer display will show '${display.words}'.`;
    case 'partial':
      return 'The customer display will not change: it shows only a refund in full.';
    case 'not_on_counter':
      return 'The customer display will not change: this sale is no longer on the counter.';
    default:
      return assertNever(display, 'refund on display');
  }
}

export interface RefundQuestion {
  readonly payment: Payment;
  readonly amount: Money;
  /** The payment's method as the cashier knows it, e.g. "Atome". */
  readonly methodLabel: string;
  readonly display: RefundOnDisplay;
  readonly locale: string | undefined;
}

/**
 * The question before money goes back, naming the amount, the currency, where it goes and what the
 * customer will see, e.g. "Refund SGD 5.00 of SGD 20.00 to the customer's Atome account? The customer
 * display will not change: it shows only a refund in full. This cannot be undone."
 */
export function refundQuestion({ payment, amount, methodLabel, display, locale }: RefundQuestion): string {
  const already = payment.refundedMinor > 0 ? ` (${formatAmount(refundedOf(payment), locale)} already refunded)` : '';
  return (
    `Refund ${formatAmount(amount, locale)} of ${formatAmount(payment.amount, locale)}${already} to the customer's ${methodLabel} account? ` +
    `${displaySentence(display)} This cannot be undone.`
  );
}

/** The answer once the provider took the refund; `after` is the payment as it now stands. */
export function refundedText(amount: Money, after: Payment, locale: string | undefined): string {
  const left = refundableAmount(after);
  if (left.minor === 0) return `Refunded ${formatAmount(amount, locale)}: the payment is refunded in full`;
  return `Refunded ${formatAmount(amount, locale)}: ${formatAmount(left, locale)} can still be refunded`;
}
