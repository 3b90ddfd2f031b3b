import { describe, expect, it } from 'vitest';
import { paymentsCsv } from '../../app/history/csv';
import { DISPLAY_CATALOGS } from '../../app/i18n';
import { displayPayment } from '../../app/ipc/display-view';
import { layoutPoleScreen } from '../../app/pole-display/layout';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { orangepillMethodInfo } from '../../app/providers/orangepill/orangepill-method';
import { PAPER } from '../../app/receipt/paper';
import { slipFor } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import { holdKey } from '../../renderer/display/display-layout';
import { describeStatus } from '../../renderer/cashier/payment/status-text';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { lateRefundQuestion, moneyBackOnDisplay } from '../../renderer/cashier/refund/money-back-words';
import { AT, MERCHANT, SG } from '../support/receipt-fixtures';
import { aPayment } from '../support/payment-fixture';

const EN = CASHIER_WORDS.en.payment;

/*
 * A sale cancelled after money arrived, and a late payment before and after the cashier's decision,
 * as each screen and paper says it: never "not paid", never thanks before the cashier decides.
 */

const MEI = { id: 'mei', name: 'Mei' };
const TEN = { minor: 1000, currency: 'SGD' } as const;

const sale = (state: PaymentState): Payment =>
  aPayment({ id: 'T-20261206-0042', amount: { minor: 2000, currency: 'SGD' }, method: 'orangepill', providerRef: 'req_abc123', createdAt: AT, updatedAt: AT, state });

const toReturn = sale({ status: 'cancelled_with_money', received: TEN });
const returned = sale({ status: 'cancelled_with_money', received: null, returned: { at: AT + 60_000, by: MEI } });
const lateUndecided = sale({ status: 'paid', paidAt: AT, late: true });
const lateKept = sale({ status: 'paid', paidAt: AT, late: true, kept: { at: AT + 60_000, by: MEI } });

const pole = (payment: Payment): readonly [string, string] => {
  const screen = layoutPoleScreen({ payment, now: AT, welcome: ['Welcome', ''], methodLabel: 'Orangepill' });
  return [screen.top, screen.bottom];
};

function receipt(payment: Payment): string {
  const doc = slipFor('receipt', payment, { merchant: MERCHANT, locale: SG, method: orangepillMethodInfo(false) });
  if (!doc.ok) throw new Error(doc.error);
  return renderPlainText(doc.value, PAPER['80mm']).join('\n');
}

describe('cancelled with money received', () => {
  it('the cashier reads what arrived and that it is to be returned, then who marked it returned', () => {
    expect(describeStatus(toReturn.state, EN, 'Orangepill', 'en-SG')).toMatchObject({ title: 'Cancelled — SGD 10.00 received, to be returned', tone: 'warning' });
    const done = describeStatus(returned.state, EN, 'Orangepill', 'en-SG');
    expect(done.title).toBe('Cancelled — money received (amount not reported), returned');
    expect(done.detail).toMatch(/^Marked returned by Mei at \d\d:\d\d$/);
  });

  it('the customer display hears it will be returned, in each language, and never who returned it', () => {
    expect(moneyBackOnDisplay(TEN, 'en', 'en-SG')).toBe('Sale cancelled. SGD 10.00 will be returned to you.');
    expect(moneyBackOnDisplay(null, 'en', 'en-SG')).toBe('Sale cancelled. The money you paid will be returned to you.');
    expect(DISPLAY_CATALOGS.ms.amountWillBeReturned('SGD 10.00')).toBe('SGD 10.00 akan dipulangkan kepada anda.');
    expect(DISPLAY_CATALOGS['zh-Hans'].moneyWillBeReturned).toBe('您已支付的款项将退还给您。');
    expect(displayPayment(returned)?.state).toEqual({ status: 'cancelled_with_money', received: null });
    // It stays up until the cashier starts the next sale: the customer must hear it.
    expect(holdKey(toReturn)).toBeNull();
  });

  it('the pole display says the sale was cancelled and what is to be returned', () => {
    expect(pole(toReturn)).toEqual(['   Sale cancelled   ', 'TO RETURN  SGD 10.00']);
    expect(pole(returned)).toEqual(['   Sale cancelled   ', 'Money to be returned']);
  });

  it('the receipt names what was received and that it will be, or was, returned; never "No payment was taken"', () => {
    const printed = receipt(toReturn);
    expect(printed).toContain('SALE CANCELLED');
    expect(printed).toMatch(/Received\s+SGD 10\.00/);
    expect(printed).toContain('SGD 10.00 will be returned to you');
    expect(printed).not.toContain('No payment was taken');
    const back = receipt(returned);
    expect(back).toMatch(/Received\s+not reported/);
    expect(back).toContain('The money you paid has been returned to you');
  });

  it('History\'s CSV carries what was received and whether it went back', () => {
    const rows = paymentsCsv([toReturn, returned, lateUndecided, lateKept]).split('\r\n').slice(1, 5).map((line) => line.split(',').slice(13, 15));
    expect(rows).toEqual([
      ['10.00', 'to_return'],
      ['', 'returned received_not_reported'],
      ['', 'late'],
      ['', 'late kept'],
    ]);
  });
});

describe('a late payment', () => {
  it('before the decision: the cashier is asked to keep or refund; nobody is thanked', () => {
    expect(describeStatus(lateUndecided.state, EN)).toMatchObject({ title: 'Paid late — keep or refund', tone: 'warning' });
    expect(pole(lateUndecided)).toEqual(['  Payment received  ', ' Please see cashier ']);
    expect(holdKey(lateUndecided)).toBeNull();
  });

  it('once kept: paid, saying who kept it; the display thanks and goes idle as for any paid sale', () => {
    const kept = describeStatus(lateKept.state, EN, 'Orangepill', 'en-SG');
    expect(kept).toMatchObject({ title: 'Paid', tone: 'good' });
    expect(kept.detail).toMatch(/^Paid after the request expired; kept by Mei at \d\d:\d\d$/);
    expect(pole(lateKept)[0]).toBe('     Thank you!     ');
    expect(holdKey(lateKept)).toBe('T-20261206-0042:paid');
    expect(displayPayment(lateKept)?.state).toEqual({ status: 'paid', paidAt: AT, late: true, kept: { at: AT + 60_000, by: null } });
  });

  it('refunding it asks where the money goes back and what the customer will see', () => {
    expect(lateRefundQuestion(lateUndecided, 'en', 'en-SG', CASHIER_WORDS.en)).toBe(
      'Refund SGD 20.00 to the customer? Orangepill refunds are made in the Orangepill console: open the payment request req_abc123 ' +
        '(order T-20261206-0042), check what arrived, and refund SGD 20.00 to the payer. Then press Mark returned here. Until then the ' +
        'sale reads "Cancelled — SGD 20.00 received, to be returned", and counts in End of day as money to return, not as paid. ' +
        "The customer display will show 'Sale cancelled. SGD 20.00 will be returned to you.'",
    );
  });
});
