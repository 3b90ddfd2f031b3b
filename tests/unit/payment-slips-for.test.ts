import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { PAPER } from '../../app/receipt/paper';
import { slipFor } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import { AT, MERCHANT, SG } from '../support/receipt-fixtures';
import { aPayment } from '../support/payment-fixture';

const payment = (refundedMinor: number, state: PaymentState = { status: 'paid', paidAt: AT }): Payment => aPayment({
  id: 'T-20250615-0042',
  amount: { minor: 2000, currency: 'SGD' },
  method: 'atome',
  providerRef: 'chrg_test_1',
  createdAt: AT,
  updatedAt: AT,
  state,
  refundedMinor,
});

const ctx = { merchant: MERCHANT, locale: SG, method: opnMethodInfo(false) };

function receiptText(p: Payment, paper: keyof typeof PAPER): string[] {
  const doc = slipFor('receipt', p, ctx);
  if (!doc.ok) throw new Error(doc.error);
  return renderPlainText(doc.value, PAPER[paper]);
}

describe('the receipt of a partly refunded sale, as printed and reprinted', () => {
  it('says "partly refunded" and shows what went back and what was paid in the end', () => {
    const lines = receiptText(payment(500), '80mm');
    expect(lines).toContain(`Status${' '.repeat(21)}PAID, PARTLY REFUNDED`);
    expect(lines).toContain(`Refunded${' '.repeat(31)}-SGD 5.00`);
    expect(lines).toContain(`Paid after refund${' '.repeat(22)}SGD 15.00`);
  });

  it('fits 58 mm paper, and says the same for a sale paid after its cancel', () => {
    const lines = receiptText(payment(500, { status: 'paid_after_cancel', paidAt: AT }), '58mm');
    expect(lines.every((line) => line.length <= 32)).toBe(true);
    expect(lines.join('\n')).toMatch(/PAID AFTER CANCEL, PARTLY\s+REFUNDED/);
    expect(lines).toContain(`Paid after refund${' '.repeat(6)}SGD 15.00`);
  });

  it('has no refund lines while nothing has been refunded', () => {
    const text = receiptText(payment(0), '80mm').join('\n');
    expect(text).toMatch(/Status\s+PAID$/m);
    expect(text).not.toMatch(/Refunded|refund/i);
  });
});
