import { describe, expect, it } from 'vitest';
import { decisionWords, howMoneyGoesBack as appHowMoneyGoesBack } from '../../app/payment/money-back';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import { howMoneyGoesBack, lateRefundQuestion, markedReturnedText, markReturnedQuestion } from '../../renderer/cashier/refund/money-back-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment, FIXTURE_T0 } from '../support/payment-fixture';

const EN = CASHIER_WORDS.en.refund;
const MS = CASHIER_WORDS.ms.refund;
const ZH = CASHIER_WORDS['zh-Hans'].refund;
const TEN = { minor: 1000, currency: 'SGD' } as const;
const MEI = { at: FIXTURE_T0, by: { id: 'mei', name: 'Mei' } };

const sale = (method: MethodId, providerRef: string | null): Payment =>
  aPayment({ id: 'T-0042', amount: { minor: 2000, currency: 'SGD' }, method, providerRef, state: { status: 'paid', paidAt: FIXTURE_T0, late: true } });

describe('money that goes back by hand, in the cashier\u2019s words', () => {
  it('in English reads exactly as the terminal\u2019s own sentence for every provider', () => {
    for (const payment of [sale('orangepill', 'req_1'), sale('orangepill', null), sale('atome', 'chrg_1'), sale('atome', null), sale('demo', null)]) {
      for (const received of [TEN, null]) {
        expect(howMoneyGoesBack(payment, received, 'en-SG', EN)).toBe(appHowMoneyGoesBack(payment, received, 'en-SG'));
      }
    }
    expect(markedReturnedText(MEI, 'en-SG', EN)).toBe(`Marked returned ${decisionWords(MEI, 'en-SG')}`);
    expect(markedReturnedText({ at: FIXTURE_T0, by: null }, 'en-SG', EN)).toBe(`Marked returned ${decisionWords({ at: FIXTURE_T0, by: null }, 'en-SG')}`);
    expect(markReturnedQuestion(null, 'en-SG', EN)).toBe(
      'Has the money received been given back to the customer? The journal records that you marked it returned, and when. This cannot be undone.',
    );
  });

  it('in Malay and Chinese keeps the ids, the amounts and the display\u2019s own words', () => {
    expect(howMoneyGoesBack(sale('atome', 'chrg_1'), TEN, 'en-SG', MS)).toBe(
      'Bayar balik SGD 10.00 kepada pelanggan di papan pemuka Opn (caj chrg_1), kemudian tekan Tandakan dipulangkan di sini.',
    );
    expect(howMoneyGoesBack(sale('demo', null), null, 'en-SG', ZH)).toBe('演示：没有真实资金流动。请照常向顾客退还 顾客支付的金额（终端未获知具体金额），然后在此按“标记为已退还”。');
    expect(markedReturnedText(MEI, 'en-SG', ZH)).toMatch(/^Mei 于 \d\d:\d\d 标记为已退还$/);
    expect(markReturnedQuestion(TEN, 'en-SG', MS)).toMatch(/^Adakah SGD 10\.00 sudah dipulangkan kepada pelanggan\?/);
    const question = lateRefundQuestion(sale('orangepill', 'req_1'), 'zh-Hans', 'en-SG', ZH);
    expect(question).toMatch(/^向顾客退款 SGD 20\.00？Orangepill 退款须在 Orangepill 后台办理：打开付款请求 req_1（订单 T-0042）/);
    expect(question).toContain('“已取消 — 收到 SGD 20.00，待退还”');
  });
});
