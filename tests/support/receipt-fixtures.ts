/** One of every printed document, with the QR payload each must carry (null where it has none). */
import type { ReceiptDocument } from '../../app/receipt/document';
import type { Merchant, ReceiptLocale } from '../../app/receipt/layouts/common';
import { endOfDayReport, staticRequestCard, testQrPage } from '../../app/receipt/layouts/counter-pages';
import { outcomeSlip, paidReceipt, qrSlip, refundSlip } from '../../app/receipt/layouts/payment-slips';

export const MERCHANT: Merchant = { name: 'Kopi Corner', addressLines: ['12 Amoy Street #01-02', 'Singapore 069911'] };
export const SG: ReceiptLocale = { locale: 'en-SG', timeZone: 'Asia/Singapore' };
/** 2025-06-15 15:06:40 in Singapore. */
export const AT = 1_749_971_200_000;

export const ATOME_PAYLOAD = 'https://qr.atome.sg/pay/chrg_test_5xq9w2k3m1p0a8b7c6d5e4f3?ref=SO-20250615-0042';
export const ORANGEPILL_PAYLOAD = 'c3b1f0de-9a4e-4d0c-8f7b-2a1e5d6c7b8a';

export interface SlipCase {
  readonly name: string;
  readonly doc: ReceiptDocument;
  readonly payload: string | null;
  /** Text that must appear on the printed slip. */
  readonly mustShow: readonly string[];
}

export function everySlip(): SlipCase[] {
  const amount = { minor: 1234, currency: 'SGD' as const };
  return [
    {
      name: 'QR slip',
      doc: qrSlip({ merchant: MERCHANT, amount, method: 'Atome', reference: 'SO-20250615-0042', validUntil: AT + 600_000, payload: ATOME_PAYLOAD, locale: SG }),
      payload: ATOME_PAYLOAD,
      mustShow: ['Kopi Corner', 'SGD 12.34', 'SO-20250615-0042', 'Valid until'],
    },
    {
      name: 'paid receipt',
      doc: paidReceipt({ merchant: MERCHANT, amount, method: 'Atome', paidAt: AT, providerChargeId: 'chrg_test_5xq9w2k3m1p0', reference: 'SO-20250615-0042', status: 'Paid', locale: SG }),
      payload: null,
      mustShow: ['SGD 12.34', 'chrg_test_5xq9w2k3m1p0', 'SO-20250615-0042', 'PAID', '12 Amoy Street'],
    },
    {
      name: 'failed slip',
      doc: outcomeSlip({ merchant: MERCHANT, amount, method: 'Atome', reference: 'SO-20250615-0043', at: AT, outcome: 'failed', reason: 'Insufficient balance in the wallet', locale: SG }),
      payload: null,
      mustShow: ['PAYMENT FAILED', 'SGD 12.34', 'Insufficient'],
    },
    {
      name: 'cancelled slip',
      doc: outcomeSlip({ merchant: MERCHANT, amount, method: 'Orangepill', reference: 'SO-20250615-0044', at: AT, outcome: 'cancelled', locale: SG }),
      payload: null,
      mustShow: ['PAYMENT CANCELLED', 'SGD 12.34'],
    },
    {
      name: 'refund slip',
      doc: refundSlip({ merchant: MERCHANT, refund: { minor: 500, currency: 'SGD' }, original: amount, method: 'Atome', reference: 'SO-20250615-0042', providerChargeId: 'chrg_test_5xq9w2k3m1p0', refundId: 'rfnd_test_1', at: AT, locale: SG }),
      payload: null,
      mustShow: ['REFUND', 'SGD 5.00', 'SGD 12.34', 'rfnd_test_1'],
    },
    {
      name: 'end-of-day report',
      doc: endOfDayReport({
        merchant: MERCHANT,
        reportNumber: 17,
        from: AT - 36_000_000,
        to: AT,
        generatedAt: AT,
        locale: SG,
        totals: [
          { method: 'Atome', currency: 'SGD', paid: { count: 12, minor: 45_600 }, refunded: { count: 1, minor: 500 }, failed: 2, expired: 1 },
          { method: 'Atome', currency: 'MYR', paid: { count: 3, minor: 9_990 }, refunded: { count: 0, minor: 0 }, failed: 0, expired: 0, parked: { count: 1, minor: 2_500 } },
        ],
        operators: [
          { who: 'Ali', currency: 'SGD', paid: { count: 8, minor: 30_100 }, refunded: { count: 1, minor: 500 } },
          { who: 'Nobody signed in', currency: 'SGD', paid: { count: 4, minor: 15_500 }, refunded: { count: 0, minor: 0 } },
        ],
      }),
      payload: null,
      mustShow: ['END OF DAY REPORT', 'SGD 456.00', 'SGD 451.00', 'MYR 99.90', 'Report no.', 'BY OPERATOR', 'Ali (SGD)', 'SGD 296.00', 'Nobody signed in (SGD)', 'SGD 155.00', 'Parked, outcome unknown x1', 'MYR 25.00'],
    },
    {
      name: 'test QR page',
      doc: testQrPage({ merchant: MERCHANT, payload: 'QR TEST 0123456789', setup: 'test setup', at: AT, locale: SG }),
      payload: 'QR TEST 0123456789',
      mustShow: ['PRINTER TEST'],
    },
    {
      name: 'static request card',
      doc: staticRequestCard({ merchant: MERCHANT, payload: ORANGEPILL_PAYLOAD, alias: '$kopicorner' }),
      payload: ORANGEPILL_PAYLOAD,
      mustShow: ['Scan to pay with Orangepill', '$kopicorner'],
    },
  ];
}
