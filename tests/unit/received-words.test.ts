import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { orangepillMethodInfo } from '../../app/providers/orangepill/orangepill-method';
import { PAPER } from '../../app/receipt/paper';
import { slipFor } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import { stateWords } from '../../renderer/cashier/history/history-timeline';
import { historyStatusWords } from '../../renderer/cashier/history/history-status';
import { describeStatus } from '../../renderer/cashier/payment/status-text';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { AT, MERCHANT, SG } from '../support/receipt-fixtures';
import { aPayment } from '../support/payment-fixture';

const EN = CASHIER_WORDS.en.payment;

/** An overpayment and a part whose amount nobody reported, as every cashier-facing place words them. */
const payment = (state: PaymentState): Payment =>
  aPayment({ id: 'T-20250615-0043', amount: { minor: 2000, currency: 'SGD' }, method: 'orangepill', providerRef: 'MljzDk8qxDsBkXW0wv3r', createdAt: AT, updatedAt: AT, state });

const OVERPAID: PaymentState = { status: 'paid', paidAt: AT, overpaid: true };
const OVERPAID_BY: PaymentState = { status: 'paid', paidAt: AT, received: { minor: 2200, currency: 'SGD' } };
const PART: PaymentState = { status: 'partially_paid', received: null };

function receiptStatus(state: PaymentState): string {
  const doc = slipFor('receipt', payment(state), { merchant: MERCHANT, locale: SG, method: orangepillMethodInfo(false) });
  if (!doc.ok) throw new Error(doc.error);
  const line = renderPlainText(doc.value, PAPER['80mm']).find((l) => l.startsWith('Status'));
  return (line ?? '').replace(/^Status\s+/, '');
}

describe('an overpayment is flagged everywhere, with the amount when it was reported', () => {
  it('on the cashier\u2019s result', () => {
    expect(describeStatus(OVERPAID, EN).title).toBe('Paid — overpaid');
    expect(describeStatus({ status: 'paid', paidAt: AT }, EN).title).toBe('Paid');
  });

  it('in History', () => {
    expect(stateWords(payment(OVERPAID), undefined, CASHIER_WORDS.en.history)).toBe('Paid — overpaid');
    expect(stateWords(payment(OVERPAID_BY), undefined, CASHIER_WORDS.en.history)).toBe('Paid — overpaid');
    expect(stateWords(payment({ status: 'paid', paidAt: AT, overpaid: true, late: true }), undefined, CASHIER_WORDS.en.history)).toBe('Paid — overpaid — late, keep or refund');
    expect(historyStatusWords(payment(OVERPAID), CASHIER_WORDS.en)).toBe('Paid — overpaid');
  });

  it('on the receipt', () => {
    expect(receiptStatus(OVERPAID)).toBe('PAID — OVERPAID');
    expect(receiptStatus(OVERPAID_BY)).toBe('PAID — OVERPAID SGD 22.00');
    expect(receiptStatus({ status: 'paid', paidAt: AT })).toBe('PAID');
  });
});

describe('part arrived and nobody said how much', () => {
  it('the cashier reads it, naming who did not report it', () => {
    expect(describeStatus(PART, EN, 'Orangepill')).toEqual({
      title: 'Partly paid',
      detail: 'Part of the payment has arrived (amount not reported by Orangepill). The customer can still pay the rest, or cancel the payment',
      tone: 'caution',
    });
  });

  it('after a cancel that left the request open, the sentence about it is what the cashier reads', () => {
    const leftOpen = "Part of SGD 20.00 has already arrived (amount not reported by Orangepill): the request was not cancelled. Wait for the rest, or take the money back through Orangepill's console.";
    expect(describeStatus({ ...PART, leftOpen }, EN, 'Orangepill').detail).toBe(leftOpen);
  });

  it('History says the amount was not reported', () => {
    expect(stateWords(payment(PART), undefined, CASHIER_WORDS.en.history)).toBe('Partly paid (amount not reported)');
    expect(stateWords(payment({ status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } }), undefined, CASHIER_WORDS.en.history)).toBe('Partly paid');
  });

  it('a payment that needs attention is never called "not paid": money may have arrived', () => {
    expect(describeStatus({ status: 'needs_attention', reason: 'Orangepill answered 404 after the DELETE' }, EN).title).toBe('Needs attention — payment not confirmed');
  });
});
