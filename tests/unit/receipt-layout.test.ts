import { describe, expect, it } from 'vitest';
import { receiptDocument, text } from '../../app/receipt/document';
import { labelValueLines, layoutLines, wrap } from '../../app/receipt/lines';
import { PAPER } from '../../app/receipt/paper';
import { renderPlainText } from '../../app/receipt/plain-text';
import { qrSlip } from '../../app/receipt/layouts/payment-slips';
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
