import { describe, expect, it } from 'vitest';
import type { Payment, PaymentState } from '../../app/payment/payment';
import { checkedAnswer, clockTime, lastAnswer, parkedName, resolveQuestion, settledNews } from '../../renderer/cashier/parked/parked-words';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { aPayment, FIXTURE_T0 } from '../support/payment-fixture';

const EN = CASHIER_WORDS.en.parked;
const MS = CASHIER_WORDS.ms.parked;
const ZH = CASHIER_WORDS['zh-Hans'].parked;
const AT = clockTime(FIXTURE_T0, 'en-SG');

const parked = (state: PaymentState, patch: Partial<Payment> = {}): Payment =>
  aPayment({ id: 'T-0042', amount: { minor: 1200, currency: 'SGD' }, method: 'demo', state, ...patch });

describe('a parked sale, in English', () => {
  it('is named with its id and amount', () => {
    expect(parkedName(parked({ status: 'awaiting' }), 'en-SG', EN)).toBe('Parked sale T-0042 of SGD 12.00');
  });

  it('says what is known while it is open: the terminal\u2019s notice as it came, or where the provider stands', () => {
    expect(lastAnswer(parked({ status: 'awaiting' }), 'en-SG', EN)).toBe('The provider still says the customer has not paid.');
    expect(lastAnswer(parked({ status: 'awaiting' }, { notice: 'No connection to the demo provider' }), 'en-SG', EN)).toBe('No connection to the demo provider');
    expect(lastAnswer(parked({ status: 'partially_paid', received: null }), 'en-SG', EN)).toBe('Part has arrived (amount not reported); the rest has not.');
    expect(lastAnswer(parked({ status: 'partially_paid', received: { minor: 500, currency: 'SGD' } }), 'en-SG', EN)).toBe('Part has arrived: SGD 5.00; the rest has not.');
    expect(lastAnswer(parked({ status: 'unknown', providerStatus: 'ON_HOLD' }), 'en-SG', EN)).toBe(
      'The provider answers with a status the terminal does not know (ON_HOLD); not paid on that word.',
    );
  });

  it('says how it ended', () => {
    expect(settledNews(parked({ status: 'paid', paidAt: FIXTURE_T0, overpaid: true, late: true }), 'en-SG', EN)).toBe(
      `Parked sale T-0042 of SGD 12.00 was paid at ${AT} (overpaid, after its QR expired)`,
    );
    expect(settledNews(parked({ status: 'expired' }), 'en-SG', EN)).toBe('Parked sale T-0042 of SGD 12.00 expired — not paid');
    expect(settledNews(parked({ status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' } }), 'en-SG', EN)).toBe(
      'Parked sale T-0042 of SGD 12.00 was cancelled after SGD 10.00 received: it is to be given back',
    );
    expect(settledNews(parked({ status: 'cancelled_with_money', received: null }), 'en-SG', EN)).toBe(
      'Parked sale T-0042 of SGD 12.00 was cancelled after money received (amount not reported): it is to be given back',
    );
    expect(settledNews(parked({ status: 'awaiting' }), 'en-SG', EN)).toBe('Parked sale T-0042 of SGD 12.00 is still open: The provider still says the customer has not paid.');
  });

  it('answers Check now, and asks before it is closed as not paid', () => {
    expect(checkedAnswer(parked({ status: 'awaiting' }), 'en-SG', EN)).toEqual({ ok: true, text: 'Asked just now: The provider still says the customer has not paid.' });
    expect(checkedAnswer(parked({ status: 'awaiting' }, { notice: 'No connection' }), 'en-SG', EN)).toEqual({ ok: false, text: 'Asked just now: No connection' });
    expect(resolveQuestion(parked({ status: 'awaiting' }), 'en-SG', EN)).toBe(
      "Parked sale T-0042 of SGD 12.00 will be closed as not paid, with your reason and the manager's name, and the terminal stops " +
        'checking it. Do this only once the provider’s console shows it was not paid.',
    );
  });
});

describe('a parked sale, in Malay and Chinese', () => {
  it('is named and told in the cashier\u2019s language, amounts as the shop writes them', () => {
    expect(settledNews(parked({ status: 'paid', paidAt: FIXTURE_T0, overpaid: true }), 'en-SG', MS)).toBe(
      `Jualan ditangguh T-0042 bernilai SGD 12.00 telah dibayar pada ${AT} (terlebih bayar)`,
    );
    expect(settledNews(parked({ status: 'cancelled' }), 'en-SG', ZH)).toBe('挂起交易 T-0042（SGD 12.00）已取消 — 未付款');
    expect(checkedAnswer(parked({ status: 'awaiting' }), 'en-SG', ZH).text).toBe('刚刚查询：支付服务商仍显示顾客尚未付款。');
    expect(resolveQuestion(parked({ status: 'awaiting' }), 'en-SG', MS)).toMatch(/^Jualan ditangguh T-0042 bernilai SGD 12\.00 akan ditutup sebagai tidak dibayar/);
  });

  it('shows the provider\u2019s and the terminal\u2019s own sentences as they came', () => {
    const failed = parked({ status: 'failed', failure: { code: 'declined', message: 'Card declined by issuer' } });
    expect(settledNews(failed, 'en-SG', MS)).toBe('Jualan ditangguh T-0042 bernilai SGD 12.00 gagal — tidak dibayar: Card declined by issuer');
    expect(lastAnswer(parked({ status: 'awaiting' }, { notice: 'No connection to the demo provider' }), 'en-SG', ZH)).toBe('No connection to the demo provider');
  });

  it('counts the sales for the badge and the end of day\u2019s warning', () => {
    expect(EN.badgeLabel(1)).toBe('Needs attention: 1 parked sale');
    expect(EN.badgeLabel(2)).toBe('Needs attention: 2 parked sales');
    expect(MS.badgeLabel(2)).toBe('Perlu perhatian: 2 jualan ditangguh');
    expect(ZH.warning.title(2)).toMatch(/^2 笔挂起的交易结果未知/);
    expect(EN.warning.title(1)).toBe(
      '1 parked sale, outcome unknown: not counted as paid. The report lists it as “parked, outcome unknown”; a sale found paid later is in History.',
    );
  });
});
