import { beforeEach, describe, expect, it } from 'vitest';
import { closeEvent } from '../../app/engine/close-outcome';
import { createDemoClient } from '../../app/providers/demo/demo-client';
import type { HttpRequest } from '../../app/providers/http';
import { createOrangepillClient } from '../../app/providers/orangepill/orangepill-client';
import type { ProviderError } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';
import { aPayment } from '../support/payment-fixture';
import { expectWordedAsSaid } from '../support/said-check';
import { json, scriptedFetch, type Reply } from '../support/scripted-fetch';

const BASE = 'https://orangepill.test';
const NOW = Date.parse('2026-12-07T07:00:00Z');
const ALIAS = '@kopi_corner';
const REF = 'T-7';

/** A payment request as Orangepill's doc shows one, for SGD 12.34 to the shop's alias and our order. */
const request = (patch: Record<string, unknown> = {}) => ({ id: 'req_1', destination: { alias: ALIAS }, amount: 12.34, asset: 'SGD', data: { order: REF }, status: 'CREATED', ...patch });

function orangepill(route: (url: string, request: HttpRequest) => Reply) {
  return createOrangepillClient({
    baseUrl: BASE,
    apiKey: 'op-key-saidpay-1234',
    merchantAlias: ALIAS,
    store: 'Kopi Corner',
    merchant: 'Kopi Corner Pte Ltd',
    callbackUrl: null,
    tags: [],
    system: 'QR Counter Terminal',
    fetch: scriptedFetch(route),
    now: () => NOW,
    simulated: true,
  });
}

const demo = (route: (url: string, request: HttpRequest) => Reply) => createDemoClient({ baseUrl: BASE, apiKey: 'demo-key', fetch: scriptedFetch(route), now: () => NOW });

const sale = (payerAlias: string | null = null) => ({
  reference: REF,
  amount: { minor: 1234, currency: 'SGD' } as const,
  description: 'Sale',
  expiresAt: NOW + 600_000,
  payerAlias,
});

function failed<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error('expected the client to refuse');
  return result.error;
}

let told: string[] = [];
const kindPath = (said: { readonly kind: string; readonly problem?: unknown } | undefined): string =>
  said === undefined ? '(none)' : said.problem === undefined ? said.kind : `${said.kind}/${kindPath(said.problem as { kind: string })}`;

/** Checks the wording (see expectWordedAsSaid) and keeps the kind, so each test can list what it reached. */
function expectSaid(error: ProviderError | { readonly message: string; readonly said?: ProviderError['said'] }): void {
  told.push(kindPath(error.said));
  expectWordedAsSaid(error);
}

describe('Orangepill’s and the demo provider’s refusals, worded by the cashier screen exactly as the client said them in English', () => {
  beforeEach(() => {
    told = [];
  });

  it('Orangepill refusing the key, the shop’s alias, the payer’s alias, a request it has not, and in its own words', async () => {
    for (const status of [401, 403]) expectSaid(failed(await orangepill(() => json(status, { message: 'no' })).create(sale())));
    expectSaid(failed(await orangepill(() => json(400, { message: `Unknown destination alias ${ALIAS}` })).create(sale())));
    expectSaid(failed(await orangepill(() => json(400, { error: { message: 'Alias @bob_9 does not exist' } })).create(sale('@bob_9'))));
    expectSaid(failed(await orangepill(() => json(404, { message: 'payment request req_1 not found' })).status('req_1')));
    expectSaid(failed(await orangepill(() => json(400, 'amount too small')).create(sale())));
    expect(told).toEqual(['key_refused', 'key_refused', 'merchant_alias_unknown', 'payer_alias_unknown', 'no_such_request', 'provider_rejected']);
  });

  it('Orangepill answering for another amount, asset or order, another request, an unusable QR image or static request', async () => {
    for (const patch of [{ amount: 1.23 }, { amount: undefined }, { asset: 'USD' }, { asset: 'XYZ' }, { data: { order: 'T-else' } }]) {
      expectSaid(failed(await orangepill(() => json(200, request(patch))).create(sale())));
    }
    expectSaid(failed(await orangepill(() => json(200, request({ id: 'req_2' }))).status('req_1')));
    expectSaid(failed(await orangepill(() => json(200, request())).qrImage('req_1', 'png', 10)));
    expectSaid(failed(await orangepill(() => ({ status: 200, body: 'not a png' })).qrImage('req_1', 'png', 256)));
    expectSaid(failed(await orangepill(() => json(200, request())).createStaticRequest()));
    expect(told).toEqual([
      'other_amount',
      'other_amount',
      'other_amount',
      'other_amount',
      'orangepill_other_order',
      'orangepill_other_request',
      'qr_width',
      'orangepill_bad_qr_image',
      'orangepill_not_static',
    ]);
  });

  it('an Orangepill cancel that did not go through yet says why', async () => {
    const result = await orangepill(() => json(401, { message: 'no' })).cancel('req_1');
    const event = closeEvent(aPayment({ state: { status: 'cancelling' } }), result, 'cancel', { provider: 'Orangepill', locale: 'en-SG' });
    expect(event.type).toBe('cancel_failed');
    if (event.type === 'cancel_failed') expectSaid(event);
    expect(told).toEqual(['cancel_not_yet/key_refused']);
  });

  it('the demo provider refusing the key, finding nothing, rejecting, or answering for another amount or sale', async () => {
    const payment = (patch: Record<string, unknown>) => ({
      object: 'demo_payment',
      id: 'dp_1',
      reference: REF,
      amount_minor: 1234,
      currency: 'SGD',
      description: '',
      status: 'pending',
      failure_code: null,
      qr_payload: 'DEMO-1',
      created_at: '2026-12-07T07:00:00Z',
      expires_at: '2026-12-07T07:10:00Z',
      paid_at: null,
      ...patch,
    });
    expectSaid(failed(await demo(() => json(401, {})).create(sale())));
    expectSaid(failed(await demo(() => json(404, { object: 'error', code: 'not_found', message: 'No such payment dp_9' })).status('dp_9')));
    expectSaid(failed(await demo(() => json(422, { object: 'error', code: 'invalid', message: 'amount_minor must be positive' })).create(sale())));
    for (const patch of [{ amount_minor: 1000 }, { currency: 'MYR' }, { reference: 'T-else' }]) expectSaid(failed(await demo(() => json(200, payment(patch))).create(sale())));
    expect(told).toEqual(['key_refused', 'not_found', 'provider_rejected', 'other_amount', 'other_amount', 'other_sale']);
  });

  it('a provider’s own words, however long or echoing the key, reach the sentence cut short and scrubbed', async () => {
    const long = `${'x'.repeat(5_000)} demo-key`;
    const demoRefusal = failed(await demo(() => json(422, { object: 'error', code: 'invalid', message: `demo-key ${long}` })).create(sale()));
    const opRefusal = failed(await orangepill(() => json(400, { message: `op-key-saidpay-1234 ${long}` })).create(sale()));
    for (const refusal of [demoRefusal, opRefusal]) {
      expect(refusal.said?.kind).toBe('provider_rejected');
      if (refusal.said?.kind === 'provider_rejected') expect(refusal.said.detail.length).toBeLessThanOrEqual(200);
      expect(JSON.stringify(refusal)).not.toMatch(/demo-key|op-key-saidpay-1234/);
      expectSaid(refusal);
    }
  });
});
