import { describe, expect, it } from 'vitest';
import type { FetchLike, HttpResponse } from '../../app/providers/http';
import { createOpnClient } from '../../app/providers/opn/opn-client';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { assertNoSecret, BASIC, clientFor, failure, messages, OMISE_VERSION, paidCharge, saleRequest, SECRET, useOpnRig, value } from '../support/opn-rig';
import { expectWordedAsSaid } from '../support/said-check';

const rig = useOpnRig();
const AUTH_MESSAGE = 'Opn refused the terminal\u2019s secret key \u2014 check it in settings'.replace('\u2019', "'");

/** The real fetch, with each answer's body rewritten: Opn misbehaving in ways the simulator would not. */
function rewriting(edit: (url: string, body: string) => string, seen: string[] = []): FetchLike {
  const real = platformFetch(5000);
  return async (url, request) => {
    seen.push(url);
    const response = await real(url, request);
    const replaced: HttpResponse = { ...response, text: async () => edit(url, await response.text()) };
    return replaced;
  };
}

/** A fetch that answers every request with one canned reply. */
const canned = (status: number, body: string): FetchLike => () =>
  Promise.resolve({ status, headers: { get: () => null }, text: () => Promise.resolve(body), bytes: () => Promise.resolve(new Uint8Array()) });

describe('Opn errors, each as a typed error with a plain sentence', () => {
  it('401: a wrong secret key', async () => {
    const { sim } = rig();
    const wrong = clientFor(sim, { secretKey: 'skey_test_wrongkey000000000' });
    const created = failure(await wrong.create(saleRequest(sim.now())));
    const keyRefused = { area: 'payment', kind: 'key_refused', provider: 'Opn', key: 'secret_key' } as const;
    expect(created).toEqual({ kind: 'auth', message: AUTH_MESSAGE, said: keyRefused, ambiguous: false });
    expectWordedAsSaid(created);
    expect(failure(await wrong.status('chrg_test_whatever'))).toEqual({ kind: 'auth', message: AUTH_MESSAGE, said: keyRefused, ambiguous: false });
    expect(sim.charges()).toHaveLength(0);
    // The simulator answers like Opn: an error object with code authentication_failure.
    const raw = await fetch(`${sim.baseUrl}/charges`, { headers: { authorization: 'Basic bm9wZTo=' } });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ object: 'error', code: 'authentication_failure', message: 'authentication failed' });
  });

  it('404: a charge Opn does not have', async () => {
    const { client } = rig();
    const missing = failure(await client.status('chrg_test_doesnotexist00000'));
    expect(missing).toEqual({
      kind: 'not_found',
      message: 'Opn could not find it: charge chrg_test_doesnotexist00000 was not found',
      said: { area: 'payment', kind: 'not_found', provider: 'Opn', detail: 'charge chrg_test_doesnotexist00000 was not found' },
      ambiguous: false,
    });
    expectWordedAsSaid(missing);
    expect(failure(await client.cancel('chrg_test_doesnotexist00000')).kind).toBe('not_found');
  });

  it('400 and 422: a request Opn refuses', async () => {
    const { sim, client } = rig();
    expect(failure(await client.listCharges({ limit: 500 }))).toMatchObject({ kind: 'rejected', ambiguous: false });
    sim.faults.add({ fault: { kind: 'status', status: 422 }, method: 'POST', pathPrefix: '/charges' });
    const refused = failure(await client.create(saleRequest(sim.now())));
    expect(refused).toEqual({
      kind: 'rejected',
      message: 'Opn rejected the request: injected HTTP 422',
      said: { area: 'payment', kind: 'provider_rejected', provider: 'Opn', what: 'request', detail: 'injected HTTP 422' },
      ambiguous: false,
    });
    expectWordedAsSaid(refused);
  });

  it('429: slow down, for as long as Retry-After says', async () => {
    const { sim, client } = rig();
    const response = await fetch(`${sim.baseUrl}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'rate_limit', retryAfterSeconds: 7 }, method: 'GET' }),
    });
    expect(response.status).toBe(200);
    expect(failure(await client.status('chrg_test_any'))).toEqual({
      kind: 'rate_limited',
      message: 'Opn asked the terminal to slow down \u2014 retrying',
      said: { area: 'payment', kind: 'slow_down', provider: 'Opn' },
      ambiguous: false,
      retryAfterMs: 7000,
    });
    expect((await fetch(`${sim.baseUrl}/__control/faults`, { method: 'POST', body: '{"fault":{"kind":"meteor"}}' })).status).toBe(400);
  });

  it('500: Opn in trouble; ambiguous only for a POST', async () => {
    const { sim, client } = rig();
    sim.faults.add({ fault: { kind: 'status', status: 500 }, method: 'GET' });
    const trouble = { area: 'payment', kind: 'provider_trouble', provider: 'Opn', httpStatus: null };
    expect(failure(await client.status('chrg_test_any'))).toEqual({ kind: 'server', message: 'Opn is having trouble \u2014 retrying', said: trouble, ambiguous: false });
    sim.faults.add({ fault: { kind: 'status', status: 503 }, method: 'POST' });
    expect(failure(await client.create(saleRequest(sim.now())))).toEqual({ kind: 'server', message: 'Opn is having trouble \u2014 retrying', said: trouble, ambiguous: true });
  });

  it('a dropped connection: network, ambiguous for a POST', async () => {
    const { sim, client } = rig();
    sim.faults.add({ fault: { kind: 'reset' }, method: 'POST' });
    expect(failure(await client.create(saleRequest(sim.now())))).toEqual({
      kind: 'network',
      message: 'No connection to Opn \u2014 retrying',
      said: { area: 'payment', kind: 'no_connection', provider: 'Opn' },
      ambiguous: true,
    });
    sim.faults.add({ fault: { kind: 'reset' }, method: 'GET' });
    expect(failure(await client.status('chrg_test_any'))).toMatchObject({ kind: 'network', ambiguous: false });
    expect(sim.faults.injected.reset).toBe(2);
  });

  it('no answer in time: timeout', async () => {
    const { sim } = rig();
    const impatient = clientFor(sim, { fetch: platformFetch(100) });
    sim.faults.add({ fault: { kind: 'latency', ms: 1000 }, method: 'POST' });
    expect(failure(await impatient.create(saleRequest(sim.now())))).toEqual({
      kind: 'timeout',
      message: 'No answer from Opn in time \u2014 retrying',
      said: { area: 'payment', kind: 'no_answer', provider: 'Opn' },
      ambiguous: true,
    });
  });

  it('a 5xx on the QR download after the charge exists is ambiguous, so the engine reconciles', async () => {
    const { sim, client } = rig();
    sim.faults.add({ fault: { kind: 'status', status: 502 }, method: 'GET', pathPrefix: '/charges/' });
    const error = failure(await client.create(saleRequest(sim.now())));
    expect(error).toMatchObject({ kind: 'server', ambiguous: true });
    expect(error.message).toBe('Could not fetch the Atome QR image: Opn is having trouble \u2014 retrying');
    expect(sim.charges().map((c) => c.status)).toEqual(['pending']);
  });
});

describe('Opn answers the terminal will not trust', () => {
  it('a body that is not a charge', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    const garbled = clientFor(sim, { fetch: rewriting(() => '{"object":"charge"') });
    expect(failure(await garbled.status(created.providerRef))).toEqual({
      kind: 'invalid_response',
      message: 'Opn sent a response the terminal cannot read',
      said: { area: 'payment', kind: 'unreadable_answer', provider: 'Opn' },
      ambiguous: false,
    });
    expect(failure(await garbled.create(saleRequest(sim.now())))).toMatchObject({ kind: 'invalid_response', ambiguous: true });
  });

  it('a charge for another amount is refused and withdrawn', async () => {
    const { sim } = rig();
    const tampered = clientFor(sim, { fetch: rewriting((url, body) => (url.endsWith('/charges') ? body.replace('"amount":1234', '"amount":1200') : body)) });
    const error = failure(await tampered.create(saleRequest(sim.now(), 1234)));
    expect(error).toMatchObject({
      kind: 'invalid_response',
      message: 'Opn answered for SGD 12.00, not the SGD 12.34 asked; the charge was cancelled at Opn',
      said: { kind: 'cancelled_at_opn', problem: { kind: 'other_amount', asked: { minor: 1234, currency: 'SGD' }, answered: { minor: 1200, currency: 'SGD' } } },
      ambiguous: false,
    });
    expectWordedAsSaid(error);
    expect(sim.charges().map((c) => c.status)).toEqual(['expired']);
  });

  it('a status for another amount than the one asked', async () => {
    const { sim } = rig();
    let lie = false;
    const tampered = clientFor(sim, { fetch: rewriting((_url, body) => (lie ? body.replace('"currency":"SGD"', '"currency":"MYR"') : body)) });
    const created = value(await tampered.create(saleRequest(sim.now(), 1234)));
    lie = true;
    expect(failure(await tampered.status(created.providerRef))).toMatchObject({ kind: 'invalid_response', message: 'Opn answered for MYR 12.34, not the SGD 12.34 asked' });
  });

  it('a QR address off Opn\u2019s API host never gets the key', async () => {
    const { sim } = rig();
    const seen: string[] = [];
    const fetch = rewriting((_url, body) => body.replaceAll(`"download_uri":"${sim.baseUrl}`, '"download_uri":"http://elsewhere.invalid'), seen);
    const error = failure(await clientFor(sim, { fetch }).create(saleRequest(sim.now())));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('outside its API');
    expect(seen.some((u) => u.includes('elsewhere'))).toBe(false);
    expect(sim.charges().map((c) => c.status)).toEqual(['expired']);
  });

  it('Opn\u2019s own words are scrubbed of the key and its basic-auth form', async () => {
    const echo = JSON.stringify({ object: 'error', code: 'bad_request', message: `key ${SECRET} (${BASIC}) is not allowed` });
    const client = createOpnClient({
      baseUrl: 'https://api.omise.test',
      secretKey: SECRET,
      omiseVersion: OMISE_VERSION,
      fetch: canned(400, echo),
      now: Date.now,
      decodeQrImage,
      simulated: false,
    });
    const error = failure(await client.status('chrg_test_any'));
    messages.push(error.message);
    expect(error.message).toBe('Opn rejected the request: key [redacted] (Basic [redacted]) is not allowed');
    // The Said the cashier's screen words carries Opn's words as scrubbed, never the key.
    expect(error.said).toMatchObject({ kind: 'provider_rejected', detail: 'key [redacted] (Basic [redacted]) is not allowed' });
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(BASIC.slice(6));
  });
});

describe('secret hygiene', () => {
  it('refund and cancel errors carry no key either', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r);
    failure(await r.client.refund!(id, { minor: 99_999, currency: 'SGD' }, paidAt));
    failure(await clientFor(r.sim, { secretKey: `${SECRET}x` }).cancel(id));
  });

  it('no message produced in this file contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(15);
    assertNoSecret();
  });
});
