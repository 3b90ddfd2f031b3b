import { describe, expect, it } from 'vitest';
import { decisionWords, moneyBackTitle } from '../../app/payment/money-back';
import type { Payment } from '../../app/payment/payment';
import { lateRefundQuestion, markedReturnedText, markReturnedQuestion } from '../../renderer/cashier/refund/money-back-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment, FIXTURE_T0 } from '../support/payment-fixture';

const TEN = { minor: 1000, currency: 'SGD' } as const;
const MEI = { at: FIXTURE_T0, by: { id: 'mei', name: 'Mei' } };

const late = (providerRef: string | null): Payment =>
  aPayment({ id: 'T-0042', amount: { minor: 2000, currency: 'SGD' }, method: 'orangepill', providerRef, state: { status: 'paid', paidAt: FIXTURE_T0, late: true } });

describe('money that goes back by hand, in the cashier\u2019s words', () => {
  it('in English reads as the terminal\u2019s own sentences', () => {
    expect(markedReturnedText(MEI, 'en-SG', CASHIER_WORDS.en)).toBe(`Marked returned ${decisionWords(MEI, 'en-SG')}`);
    expect(markedReturnedText({ at: FIXTURE_T0, by: null }, 'en-SG', CASHIER_WORDS.en)).toBe(`Marked returned ${decisionWords({ at: FIXTURE_T0, by: null }, 'en-SG')}`);
    expect(markReturnedQuestion(null, 'en-SG', CASHIER_WORDS.en.refund)).toBe(
      'Has the money received been given back to the customer? The journal records that you marked it returned, and when. This cannot be undone.',
    );
    expect(lateRefundQuestion(late('req_1'), 'en', 'en-SG', CASHIER_WORDS.en)).toContain(
      `Until then the sale reads "${moneyBackTitle({ status: 'cancelled_with_money', received: { minor: 2000, currency: 'SGD' } }, 'en-SG')}"`,
    );
  });

  it('in Malay and Chinese quotes the sale\u2019s title as the sale screen words it, and keeps the ids, amounts and the display\u2019s words', () => {
    const ms = lateRefundQuestion(late('req_1'), 'en', 'en-SG', CASHIER_WORDS.ms);
    expect(ms).toMatch(/^Bayar balik SGD 20\.00 kepada pelanggan\? Bayaran balik Orangepill dibuat di konsol Orangepill: buka permintaan bayaran req_1/);
    expect(ms).toContain(`"${CASHIER_WORDS.ms.payment.moneyBack.title('SGD 20.00', false)}"`);
    expect(ms).toContain("'Sale cancelled. SGD 20.00 will be returned to you.'");
    const zh = lateRefundQuestion(late(null), 'zh-Hans', 'en-SG', CASHIER_WORDS['zh-Hans']);
    expect(zh).toMatch(/^向顾客退款 SGD 20\.00？/);
    expect(zh).toContain('“已取消 — 已收到 SGD 20.00，待退还”');
    expect(markedReturnedText(MEI, 'en-SG', CASHIER_WORDS['zh-Hans'])).toMatch(/^由 Mei 于 \d\d:\d\d 标记为已退还$/);
    expect(markReturnedQuestion(TEN, 'en-SG', CASHIER_WORDS.ms.refund)).toMatch(/^Adakah SGD 10\.00 sudah dipulangkan kepada pelanggan\?/);
  });
});
