import { describe, expect, it } from 'vitest';
import { receiptDocument, text } from '../../app/receipt/document';
import { labelValueLines, layoutLines, wrap } from '../../app/receipt/lines';
import { PAPER } from '../../app/receipt/paper';
import { renderPlainText } from '../../app/receipt/plain-text';
import { paidReceipt, qrSlip } from '../../app/receipt/layouts/payment-slips';
import { slipFor } from '../../app/receipt/payment-slips-for';
import type { MethodInfo } from '../../app/payment/method';
import { aPayment } from '../support/payment-fixture';
import { AT, ATOME_PAYLOAD, MERCHANT, SG, everySlip } from '../support/receipt-fixtures';

describe('fitting text to the paper', () => {
  it('wraps long text at word boundaries within the column width', () => {
    expect(wrap('Insufficient balance in the wallet', 16)).toEqual(['Insufficient', 'balance in the', 'wallet']);
  });

  it('splits a word longer than the line, having nowhere else to put it', () => {
    expect(wrap('chrg_test_5xq9w2k3m1p0a8b7', 10)).toEqual(['chrg_test_', '5xq9w2k3m1', 'p0a8b7']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wrap('新加坡 新加坡', 3)).toEqual(['新加坡', '新加坡']);
  });

  it('puts label and value on one line, the value flush right', () => {
    expect(labelValueLines('Amount', 'SGD 12.34', 20)).toEqual(['Amount     SGD 12.34']);
  });

  it('moves a value that does not fit onto its own line, whole, rather than cut a number', () => {
    const lines = labelValueLines('Refunded to the original wallet', 'SGD 1,234,567.89', 32);
    expect(lines).toEqual(['Refunded to the original wallet', '                SGD 1,234,567.89']);
    expect(lines.every((l) => l.length <= 32)).toBe(true);
  });

  it('halves the columns for double-width text', () => {
    const laid = layoutLines(receiptDocument([text('ABCDEFGHIJKLMNOPQRSTUVWXYZ', { size: 'double' })]), PAPER['58mm']);
    expect(laid.map((l) => (l.kind === 'line' ? l.text : ''))).toEqual(['ABCDEFGHIJKLMNOP', 'QRSTUVWXYZ']);
  });
});

describe('the slips as plain text', () => {
  it('a QR slip shows merchant, amount, method, reference, valid-until time and the QR', () => {
    const doc = qrSlip({ merchant: MERCHANT, amount: { minor: 1234, currency: 'SGD' }, method: 'Atome', reference: 'SO-1', validUntil: AT + 600_000, payload: ATOME_PAYLOAD, locale: SG });
    const lines = renderPlainText(doc, PAPER['58mm']);
    expect(lines[0]?.trim()).toBe('Kopi Corner');
    expect(lines).toContain('      S G D   1 2 . 3 4');
    expect(lines).toContain('Method                     Atome');
    expect(lines).toContain('Valid until             15:16:40');
    expect(lines.join('').replace(/\s/g, '')).toContain(`[QR:${ATOME_PAYLOAD}]`);
  });

  it('formats amounts in the currency\'s own decimals (JPY has none)', () => {
    const jpy = qrSlip({ merchant: MERCHANT, amount: { minor: 500, currency: 'JPY' }, method: 'Demo', reference: 'R', validUntil: AT, payload: 'x', locale: SG });
    expect(renderPlainText(jpy, PAPER['80mm']).join('\n')).toContain('J P Y   5 0 0');
  });

  it('no line of any slip is wider than the paper, at either width', () => {
    for (const slip of everySlip()) {
      for (const paper of [PAPER['58mm'], PAPER['80mm']]) {
        for (const line of renderPlainText(slip.doc, paper).filter((l) => !l.startsWith('['))) {
          expect(Array.from(line).length, `${slip.name}: "${line}"`).toBeLessThanOrEqual(paper.columns);
        }
      }
    }
  });
});

describe('the order number on the slips', () => {
  const amount = { minor: 1234, currency: 'SGD' as const };
  const paid = (orderRef?: string) =>
    renderPlainText(
      paidReceipt({ merchant: MERCHANT, amount, method: 'Atome', paidAt: AT, providerChargeId: 'chrg_test_5xq9w2k3m1p0', reference: 'pay_01', status: 'Paid', locale: SG, ...(orderRef === undefined ? {} : { orderRef }) }),
      PAPER['58mm'],
    );

  it('prints it on the paid receipt, above the method, so the shop can find the sale by it (golden text, 58 mm)', () => {
    expect(paid('INV-1001')).toEqual([
      '          Kopi Corner',
      '     12 Amoy Street #01-02',
      '        Singapore 069911',
      '--------------------------------',
      'Date                 15 Jun 2025',
      'Time                    15:06:40',
      '--------------------------------',
      '      S G D   1 2 . 3 4',
      '--------------------------------',
      'Order no.               INV-1001',
      'Method                     Atome',
      'Charge id chrg_test_5xq9w2k3m1p0',
      'Reference                 pay_01',
      'Status                      PAID',
      '',
      '           Thank you',
      '',
      '',
      '-- cut -------------------------',
    ]);
  });

  it('prints no order line for a sale without one', () => {
    expect(paid().join('\n')).not.toContain('Order no.');
    expect(paid('   ').join('\n')).not.toContain('Order no.');
  });

  it('prints it on every slip about the sale when the payment has one', () => {
    const payment = aPayment({ orderRef: 'Table 4', state: { status: 'paid', paidAt: AT }, refundedMinor: 100, providerRef: 'chrg_1' });
    const ctx = { merchant: MERCHANT, locale: SG, method: { id: 'demo', label: 'Demo', instruction: 'Scan' } as unknown as MethodInfo };
    for (const kind of ['receipt', 'refund_slip'] as const) {
      const slip = slipFor(kind, payment, ctx);
      if (!slip.ok) throw new Error(slip.error);
      expect(renderPlainText(slip.value, PAPER['80mm']).join('\n')).toMatch(/Order no\. +Table 4/);
    }
    const cancelled = slipFor('receipt', aPayment({ orderRef: 'Table 5', state: { status: 'cancelled' } }), ctx);
    expect(cancelled.ok && renderPlainText(cancelled.value, PAPER['58mm']).join('\n')).toMatch(/Order no\. +Table 5/);
    const none = slipFor('receipt', aPayment({ orderRef: null, state: { status: 'cancelled' } }), ctx);
    expect(none.ok && renderPlainText(none.value, PAPER['58mm']).join('\n')).not.toContain('Order no.');
  });
});
