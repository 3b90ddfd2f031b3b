import { DISPLAY_CATALOGS, type Language } from '../../../app/i18n';
import { parseDecimal, type Money } from '../../../app/money/money';
import type { MethodInfo } from '../../../app/payment/method';
import type { Payment } from '../../../app/payment/payment';
import { assertNever } from '../../../app/util/assert-never';
import { err, ok, type Result } from '../../../app/util/result';
import { formatAmount } from '../../shared/format-amount';
import { refundableAmount } from '../../shared/payment-figures';
import { amountProblemText } from '../shared/amount-problem';
import type { Told } from '../shared/told';
import type { RefundWords } from '../words/refund';

/*
 * The words around a refund: what is typed, the question asked before any money goes back, and how a
 * partly refunded sale is named on every screen. Pure, so each sentence is tested as the cashier reads it.
 */

/** The method's refund rule as the terminal told it: its English sentence, and what it says where the method gives that. */
export const methodRuleTold = (method: Pick<MethodInfo, 'refunds'>): Told => ({
  message: method.refunds.rule,
  said: method.refunds.said === undefined ? undefined : { area: 'refund', kind: 'method_rule', rule: method.refunds.said },
});

const refundedOf = (payment: Payment): Money => ({ minor: payment.refundedMinor, currency: payment.amount.currency });

/** Paid, with part given back: still a sale (counted once as paid), its refunds apart. */
export function isPartlyRefunded(payment: Payment): boolean {
  const { status } = payment.state;
  return payment.refundedMinor > 0 && (status === 'paid' || status === 'paid_after_cancel');
}

/** e.g. "Partly refunded: SGD 5.00 of SGD 20.00". */
export function partlyRefundedText(payment: Payment, locale: string | undefined, words: RefundWords): string {
  return words.form.partlyRefunded(formatAmount(refundedOf(payment), locale), formatAmount(payment.amount, locale));
}

/**
 * The amount typed, read exactly: nothing typed is not "everything", and more than is left is refused
 * here, before the question is asked. Every refusal says what to type instead.
 */
export function proposeRefund(text: string, payment: Payment, locale: string | undefined, words: RefundWords): Result<Money, string> {
  const left = refundableAmount(payment);
  if (text.trim() === '') return err(words.form.typeAmount(formatAmount(left, locale)));
  const amount = parseDecimal(text, payment.amount.currency);
  if (!amount.ok) {
    return err(
      amount.error.kind === 'zero'
        ? words.form.typeAbove(formatAmount({ minor: 0, currency: left.currency }, locale))
        : amountProblemText(amount.error, text, payment.amount.currency, words.amount),
    );
  }
  if (amount.value.minor > left.minor) return err(words.form.moreThanLeft(formatAmount(amount.value, locale), formatAmount(left, locale)));
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

function displaySentence(display: RefundOnDisplay, words: RefundWords): string {
  switch (display.kind) {
    case 'shows':
      return words.form.displayShows(display.words);
    case 'partial':
      return words.form.displayPartial;
    case 'not_on_counter':
      return words.form.displayNotOnCounter;
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
  readonly words: RefundWords;
}

/**
 * The question before money goes back, naming the amount, the currency, where it goes and what the
 * customer will see, e.g. "Refund SGD 5.00 of SGD 20.00 to the customer's Atome account? The customer
 * display will not change: it shows only a refund in full. This cannot be undone."
 */
export function refundQuestion({ payment, amount, methodLabel, display, locale, words }: RefundQuestion): string {
  const already = payment.refundedMinor > 0 ? words.form.alreadyRefunded(formatAmount(refundedOf(payment), locale)) : null;
  return words.form.question(formatAmount(amount, locale), formatAmount(payment.amount, locale), already, methodLabel, displaySentence(display, words));
}

/** The answer once the provider took the refund; `after` is the payment as it now stands. */
export function refundedText(amount: Money, after: Payment, locale: string | undefined, words: RefundWords): string {
  const left = refundableAmount(after);
  if (left.minor === 0) return words.form.refundedInFull(formatAmount(amount, locale));
  return words.form.refundedLeft(formatAmount(amount, locale), formatAmount(left, locale));
}
