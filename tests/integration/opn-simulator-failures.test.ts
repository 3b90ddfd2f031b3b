import { describe, expect, it } from 'vitest';
import { startOpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { createCharge, opnApi, opnControl, SIM_KEY, useOpnSim } from '../support/opn-sim-http';

const sim = useOpnSim();
const promptpay = { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' };

/** Each code the sources list, with the message Opn gives for it (Atome QR doc; omise-magento's mapping). */
const KNOWN: readonly [string, string][] = [
  ['payment_expired', 'Payment expired.'],
  ['payment_rejected', 'Payment rejected by issuer.'],
  ['failed_processing', 'General payment processing failure.'],
  ['insufficient_balance', 'Insufficient funds in the account or the card has reached the credit limit.'],
  ['payment_cancelled', 'Payment cancelled by payer.'],
  ['timeout', 'Payer did not take action before charge expiration.'],
  ['invalid_account', 'Valid account for payment method not found.'],
];

describe('Opn simulator: the settle control fails a charge with any code', () => {
  for (const [code, message] of KNOWN) {
    it(`${code}: failed, with Opn's message, as GET /charges/:id then reads`, async () => {
      const charge = await createCharge(sim(), promptpay);
      const settled = await opnControl(sim(), `charges/${charge.id}/failed?failure_code=${code}`);
      expect(settled.status).toBe(200);
      const read = await opnApi(sim(), `/charges/${charge.id}`);
      expect(read.json).toMatchObject({ status: 'failed', failure_code: code, failure_message: message, refundable: false, paid: false });
      expect(read.json).toMatchObject({ source: { charge_status: 'failed' } });
    });
  }

  it('a code no source lists is kept as it is, with no message invented for it', async () => {
    const charge = await createCharge(sim(), { amount: '500', currency: 'SGD', 'source[type]': 'paynow' });
    expect((await opnControl(sim(), `charges/${charge.id}/failed?failure_code=bank_offline_2`)).status).toBe(200);
    expect((await opnApi(sim(), `/charges/${charge.id}`)).json).toMatchObject({ status: 'failed', failure_code: 'bank_offline_2', failure_message: null });
  });

  it('no code means payment_rejected, as before', async () => {
    const charge = await createCharge(sim(), promptpay);
    expect((await opnControl(sim(), `charges/${charge.id}/failed`)).json).toMatchObject({ failure_code: 'payment_rejected' });
  });

  it('refuses what cannot be a code at all, and leaves the charge pending', async () => {
    const charge = await createCharge(sim(), promptpay);
    for (const code of ['', 'Payment_Rejected', 'payment rejected', '<b>x</b>', '1st', 'x'.repeat(65), 'timeout;drop', 'caf\u00e9']) {
      const answer = await opnControl(sim(), `charges/${charge.id}/failed?failure_code=${encodeURIComponent(code)}`);
      expect(answer.status, code.slice(0, 20)).toBe(400);
      expect(answer.json).toEqual({ object: 'error', code: 'bad_request', message: 'failure_code must be lower-case letters, digits and _ (at most 64)' });
    }
    expect(sim().charges()[0]!.status).toBe('pending');
  });

  it('the demo controls take any well-formed code and refuse a malformed one', async () => {
    const a = await createCharge(sim(), promptpay);
    const b = await createCharge(sim(), promptpay);
    expect(sim().simulate(a.id, 'failed', 'insufficient_balance')).toEqual({ ok: true, value: undefined });
    expect(sim().simulate(b.id, 'failed', 'Insufficient Balance')).toEqual({ ok: false, error: 'A failure code is lower-case letters, digits and _' });
    expect(sim().simulate(b.id, 'failed', 'some_new_code')).toEqual({ ok: true, value: undefined });
    expect(sim().charges().map((c) => c.failure_code)).toEqual(['insufficient_balance', 'some_new_code']);
  });

  it('a charge that has settled cannot settle again, whatever the code', async () => {
    const charge = await createCharge(sim(), promptpay);
    sim().settle(charge.id, 'paid');
    expect((await opnControl(sim(), `charges/${charge.id}/failed?failure_code=timeout`)).status).toBe(409);
    expect(sim().charges()[0]).toMatchObject({ status: 'successful', failure_code: null });
  });
});

describe('Opn simulator: options are checked when it starts', () => {
  it('refuses an enabled method or country that cannot be, rather than serve a broken account', async () => {
    await expect(startOpnSimulator({ secretKey: SIM_KEY, enabledMethods: [{ name: 'Pay Now', currencies: ['SGD'] }] })).rejects.toThrow();
    await expect(startOpnSimulator({ secretKey: SIM_KEY, enabledMethods: [{ name: 'paynow', currencies: ['sgd'] }] })).rejects.toThrow();
  });
});
