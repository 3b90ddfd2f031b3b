import { describe, expect, it } from 'vitest';
import { enabledOpnMethods, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { createCharge, opnApi, opnControl, useOpnSim } from '../support/opn-sim-http';

interface Capability {
  readonly country: string;
  readonly limits: { readonly charge_amount: { readonly min: number; readonly max: number } };
  readonly payment_methods: readonly { readonly name: string; readonly currencies: readonly string[] }[];
}

const capability = async (sim: OpnSimulator): Promise<Capability> => {
  const answer = await opnApi(sim, '/capability');
  expect(answer.status).toBe(200);
  return answer.json as Capability;
};
const methods = (c: Capability) => c.payment_methods.map((m) => `${m.name}:${m.currencies.join('+')}`);

const ALL = ['atome_qr:SGD+MYR', 'paynow:SGD', 'promptpay:THB', 'truemoney_qr:THB', 'wechat_pay_mpm:THB', 'alipayplus_mpm:THB+SGD'];

describe('Opn simulator: GET /capability by default', () => {
  const sim = useOpnSim();

  it('lists every QR method it simulates with its currencies, and Singapore\u2019s account limits', async () => {
    const answer = await opnApi(sim(), '/capability');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      object: 'capability',
      location: '/capability',
      country: 'SG',
      limits: { charge_amount: { max: 2_000_000, min: 100 } },
      payment_methods: ALL.map((entry) => {
        const [name, currencies] = entry.split(':') as [string, string];
        return { object: 'payment_method', name, currencies: currencies.split('+') };
      }),
    });
  });

  it('needs the secret key, as every API call', async () => {
    expect(await opnApi(sim(), '/capability', undefined, false)).toEqual({
      status: 401,
      json: { object: 'error', code: 'authentication_failure', message: 'authentication failed' },
    });
  });

  it('the dashboard control changes it, and later charges follow', async () => {
    const set = await opnControl(sim(), 'capability', { country: 'TH', paymentMethods: [{ name: 'promptpay', currencies: ['THB'] }] });
    expect(set.status).toBe(200);
    const after = await capability(sim());
    expect([after.country, after.limits.charge_amount, methods(after)]).toEqual(['TH', { min: 2000, max: 15_000_000 }, ['promptpay:THB']]);
    const refused = await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'paynow' });
    expect(refused).toEqual({ status: 400, json: { object: 'error', code: 'invalid_charge', message: 'source type paynow is not enabled for this account' } });
    await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
  });

  it('refuses a hostile control body and keeps what it had', async () => {
    const bodies: unknown[] = [
      'not json',
      '',
      [],
      { paymentMethods: [{ name: 'paynow', currencies: ['SGD'] }], extra: true },
      { country: 'US', paymentMethods: [] },
      { paymentMethods: [{ name: 'PayNow', currencies: ['SGD'] }] },
      { paymentMethods: [{ name: 'pay now', currencies: ['SGD'] }] },
      { paymentMethods: [{ name: 'paynow', currencies: ['sgd'] }] },
      { paymentMethods: [{ name: 'paynow', currencies: 'SGD' }] },
      { paymentMethods: [{ name: 'x'.repeat(65), currencies: ['SGD'] }] },
      { paymentMethods: Array.from({ length: 101 }, () => ({ name: 'paynow', currencies: ['SGD'] })) },
      { paymentMethods: [{ name: '__proto__', currencies: ['SGD'] }] },
    ];
    for (const body of bodies) expect((await opnControl(sim(), 'capability', body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    // Past the simulator's 64 KB body cap: answered 413, or cut off while still sending; never applied.
    const huge = await fetch(`${sim().baseUrl}/__control/capability`, { method: 'POST', body: JSON.stringify({ paymentMethods: [], pad: 'x'.repeat(70_000) }) }).then(
      (response) => response.status,
      () => 'closed',
    );
    expect([413, 'closed']).toContain(huge);
    expect(methods(await capability(sim()))).toEqual(ALL);
  });

  it('takes only POST, and names no control it does not have', async () => {
    expect((await fetch(`${sim().baseUrl}/__control/capability`)).status).toBe(405);
    expect((await opnControl(sim(), 'capabilities', {})).status).toBe(404);
  });
});

describe('Opn simulator: the enabledMethods and country options', () => {
  const sim = useOpnSim({ country: 'TH', enabledMethods: [...enabledOpnMethods(['promptpay', 'paynow']), { name: 'alipayplus_mpm', currencies: ['THB'] }] });

  it('enabledOpnMethods gives each method with every currency its doc names', () => {
    expect(enabledOpnMethods(['paynow', 'promptpay', 'alipayplus_mpm'])).toEqual([
      { name: 'paynow', currencies: ['SGD'] },
      { name: 'promptpay', currencies: ['THB'] },
      { name: 'alipayplus_mpm', currencies: ['THB', 'SGD'] },
    ]);
  });

  it('reports only what is enabled, and refuses a disabled method or currency', async () => {
    expect(methods(await capability(sim()))).toEqual(['promptpay:THB', 'paynow:SGD', 'alipayplus_mpm:THB']);
    const atome = await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'atome_qr' });
    expect(atome.json).toMatchObject({ code: 'invalid_charge', message: 'source type atome_qr is not enabled for this account' });
    const alipaySgd = await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'alipayplus_mpm' });
    expect(alipaySgd.json).toMatchObject({ code: 'invalid_charge', message: 'currency is currently not supported' });
    await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'alipayplus_mpm' });
    await createCharge(sim(), { amount: '5000', currency: 'SGD', 'source[type]': 'paynow' });
    expect(sim().charges()).toHaveLength(2);
  });

  it('setAccount: a method that disappears is refused from then on; a pending charge of it can still be read', async () => {
    const before = await createCharge(sim(), { amount: '5000', currency: 'SGD', 'source[type]': 'paynow' });
    sim().setAccount({ country: 'TH', paymentMethods: enabledOpnMethods(['promptpay']) });
    expect(methods(await capability(sim()))).toEqual(['promptpay:THB']);
    expect((await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'paynow' })).status).toBe(400);
    expect((await opnApi(sim(), `/charges/${before.id}`)).json).toMatchObject({ id: before.id, status: 'pending' });
  });
});

describe('Opn simulator: a capability listing methods it does not charge', () => {
  const sim = useOpnSim({ enabledMethods: [{ name: 'card', currencies: ['SGD', 'THB'] }, { name: 'duitnow_qr', currencies: ['MYR'] }, ...enabledOpnMethods(['paynow'])] });

  it('lists them, as a real account would, and refuses to charge them', async () => {
    expect(methods(await capability(sim()))).toEqual(['card:SGD+THB', 'duitnow_qr:MYR', 'paynow:SGD']);
    const answer = await opnApi(sim(), '/charges', { amount: '5000', currency: 'MYR', 'source[type]': 'duitnow_qr' });
    expect(answer.json).toMatchObject({ code: 'invalid_charge', message: 'source type duitnow_qr is not supported' });
  });
});

describe('Opn simulator: capability with the extensions switch', () => {
  const sim = useOpnSim({ extensions: true, enabledMethods: enabledOpnMethods(['promptpay']), country: 'TH' });

  it('adds the fixture\u2019s per-method fields and top-level extras, and nothing more', async () => {
    expect((await opnApi(sim(), '/capability')).json).toEqual({
      object: 'capability',
      location: '/capability',
      country: 'TH',
      limits: { charge_amount: { max: 15_000_000, min: 2000 } },
      payment_methods: [
        { object: 'payment_method', name: 'promptpay', currencies: ['THB'], card_brands: null, installment_terms: null, loan_installment_terms: null, banks: [], provider: null },
      ],
      tokenization_methods: [],
      zero_interest_installments: false,
    });
  });
});
