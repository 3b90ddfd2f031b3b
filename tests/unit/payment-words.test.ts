import { describe, expect, it } from 'vitest';
import { cancelWithMoneyQuestion, decisionWords, howMoneyGoesBack, moneyBackTitle } from '../../app/payment/money-back';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { orangepillStatusWords } from '../../app/providers/orangepill/orangepill-status-words';
import { cancelWithMoneyText, decisionText, howMoneyGoesBackText } from '../../renderer/cashier/payment/money-back-text';
import { describeStatus, receivedSentence } from '../../renderer/cashier/payment/status-text';
import { trailStatusText } from '../../renderer/cashier/payment/trail-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment } from '../support/payment-fixture';

/*
 * The payment screen's words: the English ones read exactly as app/'s (which the receipt and main's
 * refusals keep), and Malay and Chinese say the same things in their own words.
 */

const EN = CASHIER_WORDS.en.payment;
const MS = CASHIER_WORDS.ms.payment;
const ZH = CASHIER_WORDS['zh-Hans'].payment;
const AT = Date.UTC(2026, 5, 15, 6, 5);
const MEI = { id: 'mei', name: 'Mei' };
const TEN = { minor: 1000, currency: 'SGD' } as const;

const sale = (patch: Partial<Payment>): Payment => aPayment({ id: 'T-0042', amount: { minor: 2000, currency: 'SGD' }, ...patch });

describe('English is what it always was', () => {
  it('an Orangepill status reads as the service words it, for every status and an unknown one', () => {
    for (const status of ['CREATED', 'PENDING', 'PROCESSING', 'ACCEPTED', 'DONE', 'COMPLETED', 'OVERPAID', 'LATE', 'INCOMPLETE', 'CANCELLED', 'FAILED', 'ERROR', 'REFUND', 'REFUNDED', 'WHATEVER']) {
      expect(trailStatusText(status, EN)).toBe(orangepillStatusWords(status));
    }
  });

  it('money to give back reads as app/payment/money-back.ts words it', () => {
    for (const method of ['orangepill', 'atome', 'demo'] as const) {
      for (const received of [TEN, null]) {
        const payment = sale({ method, providerRef: method === 'demo' ? null : 'req_1' });
        expect(howMoneyGoesBackText(payment, received, EN, 'en-SG')).toBe(howMoneyGoesBack(payment, received, 'en-SG'));
        expect(cancelWithMoneyText(payment, received, 'Orangepill', EN, 'en-SG')).toBe(
          `${cancelWithMoneyQuestion(payment, received, 'Orangepill', 'en-SG')} ${howMoneyGoesBack(payment, received, 'en-SG')}`,
        );
      }
    }
    for (const by of [MEI, null]) expect(decisionText({ at: AT, by }, EN, 'en-SG')).toBe(decisionWords({ at: AT, by }, 'en-SG'));
    for (const state of [{ status: 'cancelled_with_money', received: TEN }, { status: 'cancelled_with_money', received: null, returned: { at: AT, by: MEI } }] as const) {
      expect(describeStatus(state, EN, 'Orangepill', 'en-SG').title).toBe(moneyBackTitle(state, 'en-SG'));
    }
  });

  it('the unknown provider is "the provider"', () => {
    expect(describeStatus({ status: 'partially_paid', received: null }, EN).detail).toBe(
      'Part of the payment has arrived (amount not reported by the provider). The customer can still pay the rest, or cancel the payment',
    );
  });

  it('an amount received beside the one asked', () => {
    const payment = sale({});
    expect(receivedSentence(payment, { minor: 2200, currency: 'SGD' }, EN, 'en-SG')).toBe('Paid — overpaid: received SGD 22.00 (SGD 2.00 more than asked)');
    expect(receivedSentence(payment, { minor: 1500, currency: 'SGD' }, EN, 'en-SG')).toBe('Paid — received SGD 15.00 (SGD 5.00 less than asked)');
  });
});

describe('in Malay and Chinese', () => {
  const titles = (state: PaymentState): [string, string] => [describeStatus(state, MS).title, describeStatus(state, ZH).title];

  it('the status titles are unmistakable', () => {
    expect(titles({ status: 'paid', paidAt: AT })).toEqual(['Telah dibayar', '已付款']);
    expect(titles({ status: 'expired' })).toEqual(['Tamat tempoh — tidak dibayar', '已过期 — 未付款']);
    expect(titles({ status: 'cancelled' })).toEqual(['Dibatalkan — tidak dibayar', '已取消 — 未付款']);
    expect(titles({ status: 'needs_attention', reason: 'x' })).toEqual(['Perlu perhatian — bayaran belum disahkan', '需要处理 — 付款未确认']);
    expect(titles({ status: 'paid', paidAt: AT, late: true })).toEqual(['Dibayar lewat — simpan atau bayar balik', '逾期付款 — 保留或退款']);
    expect(titles({ status: 'unknown', providerStatus: 'HELD' })).toEqual(['Status tidak diketahui daripada penyedia: HELD — tidak dibayar', '支付服务商返回未知状态：HELD — 未付款']);
  });

  it('the terminal\u2019s own sentences are shown as they are, inside the translated one', () => {
    expect(describeStatus({ status: 'failed', failure: { code: 'x', message: 'Declined by the bank' } }, MS).detail).toBe('Declined by the bank');
    expect(describeStatus({ status: 'needs_attention', reason: 'No answer' }, ZH).detail).toBe('No answer。交货前请先向支付服务商核实付款；终端会继续核查。');
  });

  it('money to give back names the amount and who marked it returned, in each language\u2019s order', () => {
    const toReturn: PaymentState = { status: 'cancelled_with_money', received: TEN };
    expect(describeStatus(toReturn, MS, 'Orangepill', 'en-SG').title).toBe('Dibatalkan — SGD 10.00 diterima, perlu dipulangkan');
    expect(describeStatus(toReturn, ZH, 'Orangepill', 'en-SG').title).toBe('已取消 — 已收到 SGD 10.00，待退还');
    const kept: PaymentState = { status: 'paid', paidAt: AT, late: true, kept: { at: AT, by: MEI } };
    expect(describeStatus(kept, MS, 'Orangepill', 'en-SG').detail).toMatch(/^Dibayar selepas permintaan tamat tempoh; disimpan oleh Mei pada \d\d:\d\d$/);
    expect(describeStatus(kept, ZH, 'Orangepill', 'en-SG').detail).toMatch(/^请求过期后才付款；由 Mei 于 \d\d:\d\d 确认保留$/);
  });

  it('the cancel question and how the money goes back', () => {
    const payment = sale({ method: 'atome', providerRef: 'chrg_1' });
    expect(cancelWithMoneyText(payment, TEN, 'Atome', MS, 'en-SG')).toBe(
      'SGD 10.00 daripada SGD 20.00 telah diterima. Batalkan jualan? SGD 10.00 itu mesti dipulangkan kepada pelanggan. ' +
        'Bayar balik SGD 10.00 kepada pelanggan di papan pemuka Opn (caj chrg_1), kemudian tekan Tandakan dipulangkan di sini.',
    );
    expect(howMoneyGoesBackText(sale({ method: 'demo' }), null, ZH, 'en-SG')).toBe(
      '演示：没有真实资金流动。请照常向顾客退还其已付的款项（终端未获知金额），然后在此按“标记为已退还”。',
    );
  });

  it('Orangepill\u2019s statuses and the simulator\u2019s outcomes', () => {
    expect(trailStatusText('INCOMPLETE', MS)).toBe('Dibayar sebahagian');
    expect(trailStatusText('REFUND', ZH)).toBe('退款中');
    expect(trailStatusText('HELD', ZH)).toBe('终端无法识别的 Orangepill 状态：HELD');
    expect(receivedSentence(sale({}), { minor: 2200, currency: 'SGD' }, ZH, 'en-SG')).toBe('已付款 — 多付：收到 SGD 22.00（比应付多 SGD 2.00）');
  });
});
