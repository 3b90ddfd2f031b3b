import { describe, expect, it } from 'vitest';
import type { OpnCharge } from '../../electron/simulators/opn/opn-charge';
import { createCharge, opnApi, paidCharge, useOpnSim } from '../support/opn-sim-http';

const sim = useOpnSim();
const DAY = 24 * 3600_000;

const read = async (id: string): Promise<OpnCharge> => (await opnApi(sim(), `/charges/${id}`)).json as OpnCharge;
const refund = (id: string, amount: string) => opnApi(sim(), `/charges/${id}/refunds`, { amount });
const failedRefund = (message: string) => ({ status: 400, json: { object: 'error', code: 'failed_refund', message } });

describe('Opn simulator: refundable per charge', () => {
  const refundableMethods = [
    ['atome_qr', 'SGD'],
    ['paynow', 'SGD'],
    ['truemoney_qr', 'THB'],
    ['wechat_pay_mpm', 'THB'],
    ['alipayplus_mpm', 'THB'],
  ] as const;
  for (const [type, currency] of refundableMethods) {
    it(`${type}: refundable only once successful, in part and then the rest, then no longer`, async () => {
      const form = { amount: '5000', currency, 'source[type]': type };
      const pending = await createCharge(sim(), form);
      expect(pending.refundable).toBe(false);
      const failed = await createCharge(sim(), form);
      sim().settle(failed.id, 'failed');
      expect((await read(failed.id)).refundable).toBe(false);
      const paid = await paidCharge(sim(), form);
      expect((await read(paid.id)).refundable).toBe(true);
      expect((await refund(paid.id, '2000')).json).toMatchObject({ object: 'refund', amount: 2000, charge: paid.id });
      expect(await read(paid.id)).toMatchObject({ refundable: true, refunded_amount: 2000 });
      expect((await refund(paid.id, '3000')).status).toBe(200);
      expect(await read(paid.id)).toMatchObject({ refundable: false, refunded_amount: 5000, status: 'successful' });
    });
  }

  it('PromptPay is never refundable through Opn: the charge says so, and a refund gets Opn\u2019s error', async () => {
    const paid = await paidCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
    expect(await read(paid.id)).toMatchObject({ status: 'successful', paid: true, refundable: false });
    expect(await refund(paid.id, '5000')).toEqual(failedRefund('refund failed: PromptPay charges cannot be voided or refunded through Opn'));
    expect(await refund(paid.id, '1')).toEqual(failedRefund('refund failed: PromptPay charges cannot be voided or refunded through Opn'));
    expect(await read(paid.id)).toMatchObject({ refunded_amount: 0, refunds: { total: 0 } });
  });
});

describe('Opn simulator: Opn\u2019s refund limits', () => {
  it('at most 15 refunds per charge, though money is left', async () => {
    const paid = await paidCharge(sim(), { amount: '10000', currency: 'SGD', 'source[type]': 'paynow' });
    for (let i = 0; i < 15; i++) expect((await refund(paid.id, '100')).status).toBe(200);
    expect(await read(paid.id)).toMatchObject({ refunded_amount: 1500, refundable: false, refunds: { total: 15 } });
    expect(await refund(paid.id, '100')).toEqual(failedRefund('refund failed: a charge can be refunded at most 15 times'));
    expect((await read(paid.id)).refunded_amount).toBe(1500);
  });

  it('PayNow and the other non-Atome methods: within 365 days of the payment, refundable turning false after', async () => {
    const paid = await paidCharge(sim(), { amount: '10000', currency: 'THB', 'source[type]': 'wechat_pay_mpm' });
    sim().advanceTime(364 * DAY);
    expect((await read(paid.id)).refundable).toBe(true);
    expect((await refund(paid.id, '100')).status).toBe(200);
    sim().advanceTime(2 * DAY);
    expect((await read(paid.id)).refundable).toBe(false);
    expect(await refund(paid.id, '100')).toEqual(failedRefund('refund failed: charges can be refunded only within 365 days of capture'));
  });

  it('Atome keeps its 60 days, and its charge reads refundable false after them', async () => {
    const paid = await paidCharge(sim(), { amount: '10000', currency: 'SGD', 'source[type]': 'atome_qr' });
    sim().advanceTime(61 * DAY);
    expect((await read(paid.id)).refundable).toBe(false);
    expect(await refund(paid.id, '100')).toEqual(failedRefund('refund failed: Atome QR charges can be refunded only within 60 days'));
  });

  it('refuses hostile refund amounts before anything else', async () => {
    const paid = await paidCharge(sim(), { amount: '10000', currency: 'SGD', 'source[type]': 'paynow' });
    for (const amount of ['0', '-1', '1.5', 'ten', '9'.repeat(13), '']) {
      expect(await refund(paid.id, amount)).toEqual({ status: 400, json: { object: 'error', code: 'bad_request', message: 'amount must be an integer greater than 0' } });
    }
    expect(await refund(paid.id, '10001')).toEqual(failedRefund('refund failed: amount exceeds the 10000 left to refund'));
    expect((await opnApi(sim(), '/charges/chrg_test_nope/refunds', { amount: '1' })).status).toBe(404);
    expect(await read(paid.id)).toMatchObject({ refunded_amount: 0, refundable: true });
  });
});
