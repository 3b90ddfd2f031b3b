import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import {
  isPartlyRefunded,
  partlyRefundedText,
  proposeRefund,
  refundedText,
  refundOnDisplay,
  refundQuestion,
} from '../../renderer/cashier/refund/refund-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { historyStatusWords } from '../../renderer/cashier/history/history-status';
import { aPayment } from '../support/payment-fixture';

const T = 1_750_000_000_000;
const PAID: PaymentState = { status: 'paid', paidAt: T };

const payment = (minor: number, refundedMinor = 0, state: PaymentState = PAID): Payment => aPayment({
  id: 'p-1',
  amount: { minor, currency: 'SGD' },
  method: 'atome',
  providerRef: 'chrg_1',
  createdAt: T,
  updatedAt: T,
  state,
  refundedMinor,
});

const SGD = (minor: number) => ({ minor, currency: 'SGD' as const });
const EN = CASHIER_WORDS.en.refund;

describe('the amount typed for a refund', () => {
  it('is never taken as "everything" when nothing is typed', () => {
    expect(proposeRefund('', payment(2000), 'en-SG', EN)).toEqual({ ok: false, error: 'Type the amount to refund: up to SGD 20.00' });
    expect(proposeRefund('   ', payment(2000, 500), 'en-SG', EN)).toEqual({ ok: false, error: 'Type the amount to refund: up to SGD 15.00' });
  });

  it('is read exactly, in the payment\u2019s currency', () => {
    expect(proposeRefund('5', payment(2000), 'en-SG', EN)).toEqual({ ok: true, value: SGD(500) });
    expect(proposeRefund(' 5.05 ', payment(2000), 'en-SG', EN)).toEqual({ ok: true, value: SGD(505) });
    expect(proposeRefund('15.00', payment(2000, 500), 'en-SG', EN)).toEqual({ ok: true, value: SGD(1500) });
  });

  it('refuses nothing, too many decimals, and more than is left, saying what to type', () => {
    expect(proposeRefund('0.00', payment(2000), 'en-SG', EN)).toEqual({ ok: false, error: 'Type an amount above SGD 0.00' });
    expect(proposeRefund('5.001', payment(2000), 'en-SG', EN)).toEqual({ ok: false, error: 'SGD has 2 decimal places, "5.001" has 3' });
    expect(proposeRefund('15.01', payment(2000, 500), 'en-SG', EN)).toEqual({ ok: false, error: 'SGD 15.01 is more than the SGD 15.00 left to refund' });
    expect(proposeRefund('-5', payment(2000), 'en-SG', EN)).toEqual({ ok: false, error: 'Amount cannot be negative' });
  });
});

describe('the question before a refund', () => {
  it('names the amount, the currency, the method and what the customer display will show', () => {
    const p = payment(2000);
    expect(refundQuestion({ payment: p, amount: SGD(2000), methodLabel: 'Atome', display: refundOnDisplay(p, SGD(2000), true, 'en'), locale: 'en-SG', words: EN })).toBe(
      "Refund SGD 20.00 of SGD 20.00 to the customer's Atome account? The customer display will show 'Payment refunded'. This cannot be undone.",
    );
  });

  it('says the display will not change for part of the sale on the counter, or for a sale from History', () => {
    const p = payment(2000);
    expect(refundQuestion({ payment: p, amount: SGD(500), methodLabel: 'Atome', display: refundOnDisplay(p, SGD(500), true, 'en'), locale: 'en-SG', words: EN })).toBe(
      "Refund SGD 5.00 of SGD 20.00 to the customer's Atome account? The customer display will not change: it shows only a refund in full. This cannot be undone.",
    );
    expect(refundQuestion({ payment: p, amount: SGD(2000), methodLabel: 'Atome', display: refundOnDisplay(p, SGD(2000), false, 'en'), locale: 'en-SG', words: EN })).toBe(
      "Refund SGD 20.00 of SGD 20.00 to the customer's Atome account? The customer display will not change: this sale is no longer on the counter. This cannot be undone.",
    );
  });

  it('names what was refunded already, and the rest refunded shows as a refund in full, in the display\u2019s first language', () => {
    const p = payment(2000, 500);
    expect(refundOnDisplay(p, SGD(1500), true, 'ms')).toEqual({ kind: 'shows', words: 'Bayaran telah dipulangkan' });
    expect(refundQuestion({ payment: p, amount: SGD(1500), methodLabel: 'Atome', display: refundOnDisplay(p, SGD(1500), true, 'en'), locale: 'en-SG', words: EN })).toBe(
      "Refund SGD 15.00 of SGD 20.00 (SGD 5.00 already refunded) to the customer's Atome account? The customer display will show 'Payment refunded'. This cannot be undone.",
    );
  });
});

describe('a partly refunded sale, in words', () => {
  it('is a paid sale with part given back, and says so', () => {
    expect(isPartlyRefunded(payment(2000, 500))).toBe(true);
    expect(isPartlyRefunded(payment(2000, 500, { status: 'paid_after_cancel', paidAt: T }))).toBe(true);
    expect(isPartlyRefunded(payment(2000))).toBe(false);
    expect(isPartlyRefunded(payment(2000, 2000, { status: 'refunded' }))).toBe(false);
    expect(partlyRefundedText(payment(2000, 500), 'en-SG', CASHIER_WORDS.en.refund)).toBe('Partly refunded: SGD 5.00 of SGD 20.00');
    expect(partlyRefundedText(payment(2000, 500), 'en-SG', CASHIER_WORDS.ms.refund)).not.toContain('Partly refunded');
  });

  it('is listed in History as "Paid, partly refunded"', () => {
    expect(historyStatusWords(payment(2000, 500), CASHIER_WORDS.en)).toBe('Paid, partly refunded');
    expect(historyStatusWords(payment(2000), CASHIER_WORDS.en)).toBe('Paid');
    expect(historyStatusWords(payment(2000, 2000, { status: 'refunded' }), CASHIER_WORDS.en)).toBe('Refunded in full');
  });

  it('is answered with what is left to refund once the provider took the refund', () => {
    expect(refundedText(SGD(500), payment(2000, 500), 'en-SG', EN)).toBe('Refunded SGD 5.00: SGD 15.00 can still be refunded');
    expect(refundedText(SGD(1500), payment(2000, 2000, { status: 'refunded' }), 'en-SG', EN)).toBe('Refunded SGD 15.00: the payment is refunded in full');
  });
});

describe('the refund words in Malay and Chinese', () => {
  const MS = CASHIER_WORDS.ms.refund;
  const ZH = CASHIER_WORDS['zh-Hans'].refund;

  it('ask for the amount and refuse too much, with the shop\u2019s amounts as they are', () => {
    expect(proposeRefund('', payment(2000), 'en-SG', MS)).toEqual({ ok: false, error: 'Taipkan jumlah bayaran balik: sehingga SGD 20.00' });
    expect(proposeRefund('15.01', payment(2000, 500), 'en-SG', ZH)).toEqual({ ok: false, error: 'SGD 15.01 超过了可退款余额 SGD 15.00' });
    expect(proposeRefund('-5', payment(2000), 'en-SG', MS)).toEqual({ ok: false, error: 'Jumlah tidak boleh negatif' });
    expect(proposeRefund('5.001', payment(2000), 'en-SG', ZH)).toEqual({ ok: false, error: 'SGD 只有 2 位小数，“5.001”有 3 位' });
    expect(proposeRefund('5', payment(2000), 'en-SG', ZH)).toEqual({ ok: true, value: SGD(500) });
  });

  it('put the question in their own word order', () => {
    const p = payment(2000, 500);
    const display = refundOnDisplay(p, SGD(500), true, 'en');
    expect(refundQuestion({ payment: p, amount: SGD(500), methodLabel: 'Atome', display, locale: 'en-SG', words: MS })).toBe(
      'Bayar balik SGD 5.00 daripada SGD 20.00 (SGD 5.00 sudah dibayar balik) ke akaun Atome pelanggan? ' +
        'Paparan pelanggan tidak akan berubah: ia hanya menunjukkan bayaran balik penuh. Tindakan ini tidak boleh dibatalkan.',
    );
    expect(refundQuestion({ payment: p, amount: SGD(1500), methodLabel: 'Atome', display: refundOnDisplay(p, SGD(1500), true, 'zh-Hans'), locale: 'en-SG', words: ZH })).toBe(
      '从 SGD 20.00（已退款 SGD 5.00）中退款 SGD 15.00 到顾客的 Atome 账户？顾客显示屏将显示“款项已退回”。此操作无法撤销。',
    );
  });

  it('name a partly refunded sale and what is left', () => {
    expect(partlyRefundedText(payment(2000, 500), 'en-SG', ZH)).toBe('部分退款：SGD 20.00 中已退 SGD 5.00');
    expect(historyStatusWords(payment(2000, 500), CASHIER_WORDS.ms)).toBe(CASHIER_WORDS.ms.refund.form.partlyRefundedStatus(historyStatusWords(payment(2000), CASHIER_WORDS.ms)));
    expect(refundedText(SGD(500), payment(2000, 500), 'en-SG', MS)).toBe('SGD 5.00 telah dibayar balik: SGD 15.00 masih boleh dibayar balik');
    expect(refundedText(SGD(1500), payment(2000, 2000, { status: 'refunded' }), 'en-SG', ZH)).toBe('已退款 SGD 15.00：此付款已全额退款');
  });
});
