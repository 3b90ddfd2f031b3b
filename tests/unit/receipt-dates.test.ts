/**
 * A receipt's dates as the printer prints them: one code page (WPC1252), so a Thai shop's date must
 * come out Gregorian, in Latin digits and ASCII month names, never as "?" (issue 19, THB counters).
 */
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import { receiptDateLocale } from '../../app/receipt/layouts/printable-dates';
import { PAPER } from '../../app/receipt/paper';
import { slipFor } from '../../app/receipt/payment-slips-for';
import { renderPlainText } from '../../app/receipt/plain-text';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { qrcodeMatrix } from '../../electron/devices/printer/qr-matrix';
import { aPayment } from '../support/payment-fixture';
import { AT, MERCHANT } from '../support/receipt-fixtures';

const paidIn = (locale: string, timeZone: string) => {
  const payment = aPayment({ id: 'T20250615-140640-A1B2C3', amount: { minor: 25_000, currency: 'THB' }, method: 'promptpay', providerRef: 'chrg_test_thb', createdAt: AT, updatedAt: AT, state: { status: 'paid', paidAt: AT } });
  const doc = slipFor('receipt', payment, { merchant: MERCHANT, locale: { locale, timeZone }, method: opnMethodInfo(false, 'promptpay') });
  if (!doc.ok) throw new Error(doc.error);
  return doc.value;
};

/** The printed bytes as the printer's text: WPC1252 below 0x80 is ASCII. */
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('receipt dates on the printer\u2019s code page', () => {
  it('a th-TH shop\u2019s paid receipt prints a Gregorian date in Latin digits and an ASCII month, with no "?"', () => {
    const doc = paidIn('th-TH', 'Asia/Bangkok');
    const encoded = encodeReceipt(doc, { paper: PAPER['58mm'], qr: 'native', qrMatrix: qrcodeMatrix });
    expect(encoded.warnings).toEqual([]);
    const printed = latin1(encoded.bytes);
    // 2025-06-15 14:06:40 in Bangkok: year 2025, not the Buddhist 2568.
    expect(printed).toContain('Jun 15, 2025');
    expect(printed).toContain('14:06:40');
    expect(printed).not.toContain('2568');
    const lines = renderPlainText(doc, PAPER['58mm']);
    expect(lines.find((l) => l.startsWith('Date'))).toMatch(/^Date +Jun 15, 2025$/);
    expect(lines.find((l) => l.startsWith('Time'))).toMatch(/^Time +14:06:40$/);
    expect(lines.join('\n')).not.toContain('?');
  });

  it('keeps a shop\u2019s own date form where the printer can print it, and the region\u2019s English where not', () => {
    expect(receiptDateLocale('en-SG')).toBe('en-SG-u-ca-gregory-nu-latn');
    expect(receiptDateLocale('ms-MY')).toBe('ms-MY-u-ca-gregory-nu-latn');
    expect(receiptDateLocale('th-TH')).toBe('en-TH');
    expect(receiptDateLocale('zh-Hans-SG')).toBe('en-SG');
    for (const [locale, zone] of [['zh-Hans-SG', 'Asia/Singapore'], ['th-TH-u-nu-thai', 'Asia/Bangkok'], ['ja-JP', 'Asia/Tokyo']] as const) {
      const encoded = encodeReceipt(paidIn(locale, zone), { paper: PAPER['80mm'], qr: 'native', qrMatrix: qrcodeMatrix });
      expect(encoded.warnings, locale).toEqual([]);
      expect(latin1(encoded.bytes), locale).toMatch(/15 Jun 2025|Jun 15, 2025/);
    }
  });
});
