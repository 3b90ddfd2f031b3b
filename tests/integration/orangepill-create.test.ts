import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../app/providers/http';
import type { CreatePaymentRequest } from '../../app/providers/provider';
import { ORANGEPILL_METHOD_ID } from '../../app/providers/orangepill/orangepill-method';
import { MERCHANT_ALIAS, ORANGEPILL_KEY, sale, startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';
import { expectWordedAsSaid } from '../support/said-check';

let rig: OrangepillRig;
beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

const lastPost = () => {
  const call = rig.sent.filter((c) => c.request.method === 'POST').at(-1);
  if (call === undefined) throw new Error('no POST was sent');
  return { ...call, text: call.request.body ?? '', json: JSON.parse(call.request.body ?? 'null') as Record<string, unknown> };
};

describe('Orangepill create (POST /v1/apps/payment)', () => {
  it('sends the version-1.0 body with the exact decimal amount, and the QR is the returned id', async () => {
    const request = sale({ minor: 10023, currency: 'USD' });
    const created = await rig.client.create(request);
    expect(created.ok).toBe(true);
    const post = lastPost();
    expect(post.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment`);
    expect(post.request.headers['x-api-key']).toBe(ORANGEPILL_KEY);
    expect(post.request.headers['idempotency-key']).toBe(`qrct-${request.reference}`);
    expect(post.text).toContain('"amount":100.23,');
    expect(post.json).toEqual({
      version: '1.0',
      destination: { alias: MERCHANT_ALIAS },
      amount: 100.23,
      asset: 'USD',
      description: request.description,
      data: { order: request.reference, store: 'Pet shop Barney', merchant: 'Pet shop Ltd.', system: 'QR Counter Terminal', expires_at: request.expiresAt },
    });
    const record = rig.sim.requests().find((r) => r.data?.order === request.reference);
    expect(record?.id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(record).toMatchObject({ amount: 100.23, asset: 'USD', status: 'CREATED', log: [{ status: 'CREATED' }], related: [] });
    expect(created.ok && created.value).toEqual({ providerRef: record?.id, qr: { payload: record?.id }, expiresAt: request.expiresAt });
    expect(rig.client.method).toMatchObject({ id: ORANGEPILL_METHOD_ID, label: 'Orangepill (simulated)', refunds: { supported: false } });
  });

  it.each([
    [{ minor: 500, currency: 'JPY' } as const, '"amount":500,'],
    [{ minor: 5, currency: 'USD' } as const, '"amount":0.05,'],
    [{ minor: 1234, currency: 'BHD' } as const, '"amount":1.234,'],
    [{ minor: 99_999_999_999, currency: 'SGD' } as const, '"amount":999999999.99,'],
  ])('writes %o as the JSON number %s', async (amount, literal) => {
    const created = await rig.client.create(sale(amount));
    expect(created.ok).toBe(true);
    expect(lastPost().text).toContain(literal);
  });

  it('adds the callback, tags and a direct payer only when there are some', async () => {
    const client = rig.clientWith({ callbackUrl: 'http://127.0.0.1:9/callbacks/orangepill', tags: ['counter', 'shop-1'], store: null, merchant: null });
    const request = sale({ minor: 100, currency: 'SGD' }, { payerAlias: '@alice' });
    expect((await client.create(request)).ok).toBe(true);
    const body = lastPost().json;
    expect(body.source).toEqual({ alias: '@alice' });
    expect(body.tags).toEqual(['counter', 'shop-1']);
    expect(body.data).toEqual({ order: request.reference, system: 'QR Counter Terminal', callback: 'http://127.0.0.1:9/callbacks/orangepill', expires_at: request.expiresAt });
    const record = rig.sim.requests().find((r) => r.data?.order === request.reference);
    expect(record?.source).toEqual({ alias: '@alice' });
  });

  it('never makes a second request for a sale: a create whose answer was lost is replayed by its idempotency key', async () => {
    const before = rig.sim.createCount();
    const request = sale({ minor: 4200, currency: 'SGD' });
    rig.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST', pathPrefix: '/v1/apps/payment' });
    const lost = await rig.client.create(request);
    expect(lost.ok).toBe(false);
    expect(!lost.ok && lost.error).toMatchObject({ kind: 'network', ambiguous: true });
    expect(rig.sim.createCount()).toBe(before + 1);

    const retried = await rig.client.create(request);
    const again = await rig.client.create(request);
    expect(rig.sim.createCount()).toBe(before + 1);
    const record = rig.sim.requests().find((r) => r.data?.order === request.reference);
    expect(retried.ok && retried.value.providerRef).toBe(record?.id);
    expect(again.ok && again.value.providerRef).toBe(record?.id);
  });

  it('refuses the same key with a different body, without creating anything', async () => {
    const request = sale({ minor: 700, currency: 'SGD' });
    expect((await rig.client.create(request)).ok).toBe(true);
    const count = rig.sim.createCount();
    const changed: CreatePaymentRequest = { ...request, amount: { minor: 701, currency: 'SGD' } };
    const refused = await rig.client.create(changed);
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'rejected', ambiguous: false });
    expect(!refused.ok && refused.error.message).toContain('idempotency-key');
    expect(rig.sim.createCount()).toBe(count);
  });

  it('says which alias Orangepill does not know: the merchant alias (settings) or the payer alias (the customer)', async () => {
    const wrongShop = await rig.clientWith({ merchantAlias: '@nobody_here' }).create(sale({ minor: 100, currency: 'SGD' }));
    expect(!wrongShop.ok && wrongShop.error).toEqual({
      kind: 'rejected',
      message: 'Orangepill does not know the merchant alias @nobody_here \u2014 check it in settings',
      said: { area: 'payment', kind: 'merchant_alias_unknown', provider: 'Orangepill', alias: '@nobody_here' },
      ambiguous: false,
    });
    if (!wrongShop.ok) expectWordedAsSaid(wrongShop.error);
    const wrongPayer = await rig.client.create(sale({ minor: 100, currency: 'SGD' }, { payerAlias: '@unknown_bob' }));
    expect(!wrongPayer.ok && wrongPayer.error.message).toBe('Orangepill does not know the payer alias @unknown_bob \u2014 check it with the customer');
    expect(!wrongPayer.ok && wrongPayer.error.said).toEqual({ area: 'payment', kind: 'payer_alias_unknown', provider: 'Orangepill', alias: '@unknown_bob' });
    if (!wrongPayer.ok) expectWordedAsSaid(wrongPayer.error);
  });

  it('does not trust an answer for another amount or order (ambiguous: the request may exist)', async () => {
    const tamper = (from: string, to: string): FetchLike => async (url, request) => {
      const answer = await fetch(url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
      const text = (await answer.text()).replace(from, to);
      return { status: answer.status, headers: answer.headers, text: () => Promise.resolve(text), bytes: () => Promise.resolve(new TextEncoder().encode(text)) };
    };
    const amount = await rig.clientWith({ fetch: tamper('"amount":12.34', '"amount":1.23') }).create(sale({ minor: 1234, currency: 'SGD' }));
    expect(!amount.ok && amount.error).toMatchObject({
      kind: 'invalid_response',
      message: 'Orangepill answered for SGD 1.23, not the SGD 12.34 asked',
      said: { kind: 'other_amount', answered: { minor: 123, currency: 'SGD' } },
      ambiguous: true,
    });
    if (!amount.ok) expectWordedAsSaid(amount.error);
    const order = await rig.clientWith({ fetch: tamper('"order":"T', '"order":"X') }).create(sale({ minor: 1234, currency: 'SGD' }));
    expect(!order.ok && order.error).toMatchObject({ kind: 'invalid_response', said: { kind: 'orangepill_other_order' }, ambiguous: true });
    if (!order.ok) expectWordedAsSaid(order.error);
    const garbage = await rig.clientWith({ fetch: tamper('"status":"CREATED"', '"status":7') }).create(sale({ minor: 1234, currency: 'SGD' }));
    expect(!garbage.ok && garbage.error).toMatchObject({ kind: 'invalid_response', message: 'Orangepill sent a response the terminal cannot read', ambiguous: true });
  });

  it('builds the static QR body without amount or order, and Orangepill accepts it', async () => {
    const body = rig.client.staticRequest();
    expect(body).toEqual({
      version: '1.0',
      destination: { alias: MERCHANT_ALIAS },
      description: 'Pay Pet shop Barney',
      data: { store: 'Pet shop Barney', merchant: 'Pet shop Ltd.' },
    });
    expect(body).not.toHaveProperty('amount');
    expect(rig.clientWith({ store: null, merchant: null }).staticRequest().data).toEqual({});
    const answer = await fetch(`${rig.sim.baseUrl}/v1/apps/payment`, {
      method: 'POST',
      headers: { 'x-api-key': ORANGEPILL_KEY, 'idempotency-key': 'static-1', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ status: 'CREATED', destination: { alias: MERCHANT_ALIAS } });
  });

  it('the simulator rejects amounts with more decimals than the asset has', async () => {
    const answer = await fetch(`${rig.sim.baseUrl}/v1/apps/payment`, {
      method: 'POST',
      headers: { 'x-api-key': ORANGEPILL_KEY, 'idempotency-key': 'decimals-1', 'content-type': 'application/json' },
      body: '{"version":"1.0","destination":{"alias":"@pet_shop_barney"},"amount":500.5,"asset":"JPY"}',
    });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ message: 'amount 500.5 has more decimals than JPY allows' });
  });
});
