/**
 * THB beside SGD and MYR (issue 19, PromptPay): two decimals, exact, on every surface that shows
 * money: formatting and parsing, the receipts and QR slip, the end-of-day (Z) report, the pole display.
 */
import { describe, expect, it } from 'vitest';
import { formatAmountIn } from '../../app/i18n/format';
import { lookupCurrency } from '../../app/money/currency';
import { formatMoney, parseDecimal, toDecimalString } from '../../app/money/money';
import type { Payment } from '../../app/payment/payment';
import { fitAmount } from '../../app/pole-display/fit-amount';
import { layoutPoleScreen } from '../../app/pole-display/layout';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { endOfDayReport } from '../../app/receipt/layouts/counter-pages';
import { PAPER } from '../../app/receipt/paper';
import { slipFor } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import { aPayment } from '../support/payment-fixture';
import { AT, MERCHANT } from '../support/receipt-fixtures';

/** A Thai counter; en-TH, since a receipt printer's code page has no Thai script for th-TH's month names. */
const TH = { locale: 'en-TH', timeZone: 'Asia/Bangkok' };
const thb = (minor: number) => ({ minor, currency: 'THB' as const });
const promptpay = (patch: Partial<Payment>): Payment =>
  aPayment({ id: 'T20260503-101500-A1B2C3', amount: thb(15_000_000), method: 'promptpay', providerRef: 'chrg_test_thb', createdAt: AT, updatedAt: AT, ...patch, state: patch.state ?? { status: 'paid', paidAt: AT } });

describe('THB', () => {
  it('has two decimals, parsed and written exactly', () => {
    expect(lookupCurrency('THB')).toEqual({ ok: true, value: { code: 'THB', exponent: 2 } });
    expect(parseDecimal('150000.00', 'THB')).toEqual({ ok: true, value: thb(15_000_000) });
    expect(parseDecimal('20.5', 'THB')).toEqual({ ok: true, value: thb(2050) });
    expect(parseDecimal('20.505', 'THB')).toMatchObject({ ok: false, error: { message: 'THB has 2 decimal places, "20.505" has 3' } });
    expect(toDecimalString(thb(2000))).toBe('20.00');
    expect(formatMoney(thb(15_000_000))).toBe('THB 150,000.00');
    expect(formatMoney(thb(2000), 'th-TH')).toBe('THB 20.00');
    for (const language of ['en', 'ms', 'zh-Hans'] as const) expect(formatAmountIn(language, thb(2050), 'th-TH')).toMatch(/^THB\s?20\.50$/);
  });

  it('prints on the paid receipt and the QR slip, with the method\u2019s receipt label', () => {
    const ctx = { merchant: MERCHANT, locale: TH, method: opnMethodInfo(false, 'promptpay') };
    const receipt = slipFor('receipt', promptpay({}), ctx);
    if (!receipt.ok) throw new Error(receipt.error);
    const lines = renderPlainText(receipt.value, PAPER['58mm']);
    // The total prints double width, which the plain-text preview spaces out.
    expect(lines).toContain('  T H B   1 5 0 , 0 0 0 . 0 0');
    expect(lines).toContain(`Method${' '.repeat(17)}PromptPay`);
    expect(lines.join('')).toMatch(/^[\x20-\x7e]*$/);
    const slip = slipFor('qr_slip', promptpay({ state: { status: 'awaiting' }, qr: { payload: '000201PROMPTPAY' }, expiresAt: AT + 600_000 }), ctx);
    if (!slip.ok) throw new Error(slip.error);
    const slipText = renderPlainText(slip.value, PAPER['80mm']).join('\n');
    expect(slipText).toContain('T H B   1 5 0 , 0 0 0 . 0 0');
    expect(slipText).toContain('Scan with any Thai banking app (PromptPay)');
  });

  it('adds up on the end-of-day report per method and currency', () => {
    const doc = endOfDayReport({
      merchant: MERCHANT,
      reportNumber: 7,
      from: AT - 86_400_000,
      to: AT,
      generatedAt: AT,
      totals: [
        { method: 'PromptPay', currency: 'THB', paid: { count: 3, minor: 15_002_050 }, refunded: { count: 0, minor: 0 }, failed: 1, expired: 0 },
        { method: 'Alipay+', currency: 'THB', paid: { count: 1, minor: 99 }, refunded: { count: 1, minor: 99 }, failed: 0, expired: 0 },
      ],
      locale: TH,
    });
    const text = renderPlainText(doc, PAPER['80mm']).join('\n');
    expect(text).toContain('PromptPay (THB)');
    expect(text).toMatch(/Paid x3\s+THB 150,020\.50/);
    expect(text).toMatch(/Alipay\+ \(THB\)[\s\S]*Refunded x1\s+-THB 0\.99[\s\S]*Net\s+THB 0\.00/);
  });

  it('fits the pole display\u2019s 20 columns, the largest PromptPay amount included', () => {
    expect(fitAmount('TOTAL', thb(15_000_000)).text).toBe('TOTAL  THB 150000.00');
    expect(fitAmount('TOTAL', thb(2000)).text).toBe('TOTAL      THB 20.00');
    const screen = layoutPoleScreen({ payment: promptpay({ state: { status: 'awaiting' }, expiresAt: AT + 300_000 }), now: AT, welcome: ['', ''], methodLabel: 'PromptPay' });
    expect(screen).toEqual({ top: 'TOTAL  THB 150000.00', bottom: 'Scan: PromptPay 5:00' });
  });
});
