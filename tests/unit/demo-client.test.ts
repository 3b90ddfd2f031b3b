import { describe, expect, it } from 'vitest';
import { demoCreateBodySchema, type DemoPayment } from '../../app/providers/demo/demo-api';
import { createDemoClient, DEMO_METHOD, mapDemoStatus } from '../../app/providers/demo/demo-client';
import type { FetchLike, HttpRequest, HttpResponse } from '../../app/providers/http';
import type { CreatePaymentRequest, PaymentProvider, ProviderError } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';

const API_KEY = 'sk_test_SECRET_4f9a1c';
const BASE = 'https://demo.test';
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

interface Reply {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** When set, text() rejects instead of answering. */
  readonly unreadable?: boolean;
}

interface Call {
  readonly url: string;
  readonly request: HttpRequest;
}

type Responder = (url: string, request: HttpRequest) => Reply | { readonly throws: unknown };

function response(reply: Reply): HttpResponse {
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const));
  return {
    status: reply.status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: () => (reply.unreadable === true ? Promise.reject(new Error('stream broke')) : Promise.resolve(reply.body ?? '')),
    bytes: () => Promise.resolve(new TextEncoder().encode(reply.body ?? '')),
  };
}

function fakeFetch(responder: Responder): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, request) => {
    calls.push({ url, request });
    await Promise.resolve();
    const answer = responder(url, request);
    // Real fetch implementations throw all sorts (TypeError, DOMException, plain objects).
    if ('throws' in answer) throw answer.throws;
    return response(answer);
  };
  return { fetch, calls };
}

function client(responder: Responder): { provider: PaymentProvider; calls: Call[] } {
  const { fetch, calls } = fakeFetch(responder);
  return { provider: createDemoClient({ baseUrl: BASE, apiKey: API_KEY, fetch, now: () => NOW }), calls };
}

function demoPayment(patch: Partial<DemoPayment> = {}): DemoPayment {
  return {
    object: 'demo_payment',
    id: 'dp_1',
    reference: 'ref-1',
    amount_minor: 1234,
    currency: 'SGD',
    description: 'Demo Shop SGD 12.34',
    status: 'pending',
    failure_code: null,
    qr_payload: 'DEMOQR:dp_1',
    created_at: '2025-01-02T03:04:05.000Z',
    expires_at: '2025-01-02T03:14:05.000Z',
    paid_at: null,
    ...patch,
  };
}

const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  ...(headers === undefined ? {} : { headers }),
});
const errorBody = (code: string, message: string): unknown => ({ object: 'error', code, message });

const request: CreatePaymentRequest = {
  reference: 'ref-1',
  amount: { minor: 1234, currency: 'SGD' },
  description: 'Demo Shop SGD 12.34',
  expiresAt: Date.parse('2025-01-02T03:14:05.000Z'),
  payerAlias: null,
};

function expectError<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error(`expected a provider error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('mapDemoStatus', () => {
  it('pending', () => {
    expect(mapDemoStatus(demoPayment({ status: 'pending' }))).toEqual({ kind: 'pending' });
  });

  it('paid uses paid_at', () => {
    expect(mapDemoStatus(demoPayment({ status: 'paid', paid_at: '2025-01-02T03:05:00.000Z' }))).toEqual({
      kind: 'paid',
      paidAt: Date.parse('2025-01-02T03:05:00.000Z'),
    });
  });

  it('paid without paid_at falls back to created_at', () => {
    expect(mapDemoStatus(demoPayment({ status: 'paid', paid_at: null }))).toEqual({
      kind: 'paid',
      paidAt: Date.parse('2025-01-02T03:04:05.000Z'),
    });
  });

  it('failed with a known code gives the cashier sentence', () => {
    expect(mapDemoStatus(demoPayment({ status: 'failed', failure_code: 'insufficient_funds' }))).toEqual({
      kind: 'failed',
      failure: {
        code: 'insufficient_funds',
        message: 'The customer\u2019s wallet has insufficient funds.',
        said: { area: 'payment', kind: 'demo_failure', code: 'insufficient_funds' },
      },
    });
    expect(mapDemoStatus(demoPayment({ status: 'failed', failure_code: 'payment_rejected' }))).toEqual({
      kind: 'failed',
      failure: {
        code: 'payment_rejected',
        message: 'The customer\u2019s wallet declined the payment.',
        said: { area: 'payment', kind: 'demo_failure', code: 'payment_rejected' },
      },
    });
  });

  it('failed with an unknown or missing code still says why', () => {
    expect(mapDemoStatus(demoPayment({ status: 'failed', failure_code: 'card_stolen' }))).toEqual({
      kind: 'failed',
      failure: { code: 'card_stolen', message: 'The payment failed (card_stolen).', said: { area: 'payment', kind: 'demo_failure_unknown', code: 'card_stolen' } },
    });
    expect(mapDemoStatus(demoPayment({ status: 'failed', failure_code: null }))).toEqual({
      kind: 'failed',
      failure: { code: 'unspecified', message: 'The payment failed (unspecified).', said: { area: 'payment', kind: 'demo_failure_unknown', code: 'unspecified' } },
    });
  });

  it('failure codes named like object properties still give a string message', () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const mapped = mapDemoStatus(demoPayment({ status: 'failed', failure_code: code }));
      expect(mapped, code).toEqual({ kind: 'failed', failure: { code, message: `The payment failed (${code}).`, said: { area: 'payment', kind: 'demo_failure_unknown', code } } });
    }
  });

  it('expired and cancelled', () => {
    expect(mapDemoStatus(demoPayment({ status: 'expired' }))).toEqual({ kind: 'expired' });
    expect(mapDemoStatus(demoPayment({ status: 'cancelled' }))).toEqual({ kind: 'cancelled' });
  });

  it('anything else is unknown, never paid', () => {
    expect(mapDemoStatus(demoPayment({ status: 'settled' }))).toEqual({ kind: 'unknown', raw: 'settled' });
    expect(mapDemoStatus(demoPayment({ status: 'PAID', paid_at: '2025-01-02T03:05:00.000Z' }))).toEqual({ kind: 'unknown', raw: 'PAID' });
    expect(mapDemoStatus(demoPayment({ status: '' }))).toEqual({ kind: 'unknown', raw: '' });
  });
});

describe('createDemoClient', () => {
  it('describes itself as a simulated method for every currency', () => {
    const { provider } = client(() => json(200, demoPayment()));
    expect(provider.method).toBe(DEMO_METHOD);
    expect(DEMO_METHOD.simulated).toBe(true);
    expect(DEMO_METHOD.currencies).toContain('JPY');
    expect(provider.checkAmount({ minor: 1, currency: 'SGD' })).toEqual({ ok: true, value: undefined });
  });

  describe('create', () => {
    it('POSTs the right JSON body with a Bearer key and returns the created payment', async () => {
      const { provider, calls } = client(() => json(201, demoPayment()));
      const result = await provider.create(request);
      expect(result).toEqual({
        ok: true,
        value: { providerRef: 'dp_1', qr: { payload: 'DEMOQR:dp_1' }, expiresAt: Date.parse('2025-01-02T03:14:05.000Z') },
      });
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.url).toBe('https://demo.test/v1/payments');
      expect(call?.request.method).toBe('POST');
      expect(call?.request.headers).toEqual({
        authorization: `Bearer ${API_KEY}`,
        accept: 'application/json',
        'content-type': 'application/json',
      });
      const body: unknown = JSON.parse(call?.request.body ?? 'null');
      expect(body).toEqual({
        reference: 'ref-1',
        amount_minor: 1234,
        currency: 'SGD',
        description: 'Demo Shop SGD 12.34',
        expires_at: '2025-01-02T03:14:05.000Z',
      });
      // The simulator's own schema must accept exactly what the client sends.
      expect(demoCreateBodySchema.safeParse(body).success).toBe(true);
    });

    it('rejects an answer for a different amount, currency or reference as invalid_response (ambiguous)', async () => {
      const kinds: string[] = [];
      for (const patch of [{ amount_minor: 12340 }, { currency: 'MYR' }, { reference: 'ref-2' }]) {
        const { provider } = client(() => json(201, demoPayment(patch)));
        const e = expectError(await provider.create(request));
        expect(e.kind, JSON.stringify(patch)).toBe('invalid_response');
        expect(e.ambiguous).toBe(true);
        kinds.push(e.said?.kind ?? '(none)');
      }
      expect(kinds).toEqual(['other_amount', 'other_amount', 'other_sale']);
      const { provider } = client(() => json(201, demoPayment({ amount_minor: 12340 })));
      expect(expectError(await provider.create(request)).message).toBe(
        'the demo provider answered for SGD 123.40, not the SGD 12.34 asked',
      );
    });

    it('maps 401 and 403 to auth', async () => {
      for (const status of [401, 403]) {
        const { provider } = client(() => json(status, errorBody('unauthorized', 'bad key')));
        const e = expectError(await provider.create(request));
        expect(e).toEqual({
          kind: 'auth',
          message: "the demo provider refused the terminal's key",
          said: { area: 'payment', kind: 'key_refused', provider: 'the demo provider', key: 'key' },
          ambiguous: false,
        });
      }
    });

    it('maps 500 on POST to server, ambiguous', async () => {
      const { provider } = client(() => ({ status: 500, body: 'oops' }));
      expect(expectError(await provider.create(request))).toEqual({
        kind: 'server',
        message: 'the demo provider is having trouble \u2014 retrying',
        said: { area: 'payment', kind: 'provider_trouble', provider: 'the demo provider', httpStatus: null },
        ambiguous: true,
      });
    });

    it('maps 400 to rejected with the provider message, not ambiguous', async () => {
      const { provider } = client(() => json(400, errorBody('invalid_amount', 'amount_minor must be positive')));
      expect(expectError(await provider.create(request))).toEqual({
        kind: 'rejected',
        message: 'the demo provider rejected the request: amount_minor must be positive',
        said: { area: 'payment', kind: 'provider_rejected', provider: 'the demo provider', what: 'request', detail: 'amount_minor must be positive' },
        ambiguous: false,
      });
    });

    it('maps 4xx without an error body to rejected naming the HTTP status', async () => {
      const { provider } = client(() => ({ status: 422, body: '<html>nope</html>' }));
      expect(expectError(await provider.create(request)).message).toBe('the demo provider rejected the request: HTTP 422');
    });

    it('maps a thrown error to network, ambiguous on POST', async () => {
      const { provider } = client(() => ({ throws: new TypeError('fetch failed') }));
      expect(expectError(await provider.create(request))).toEqual({
        kind: 'network',
        message: 'No connection to the demo provider \u2014 retrying',
        said: { area: 'payment', kind: 'no_connection', provider: 'the demo provider' },
        ambiguous: true,
      });
    });

    it('maps a thrown TimeoutError to timeout, ambiguous on POST', async () => {
      const { provider } = client(() => ({ throws: { name: 'TimeoutError' } }));
      expect(expectError(await provider.create(request))).toEqual({
        kind: 'timeout',
        message: 'No answer from the demo provider in time \u2014 retrying',
        said: { area: 'payment', kind: 'no_answer', provider: 'the demo provider' },
        ambiguous: true,
      });
    });

    it('maps a non-JSON 200 to invalid_response', async () => {
      const { provider } = client(() => ({ status: 200, body: '<html>ok</html>' }));
      const e = expectError(await provider.create(request));
      expect(e.kind).toBe('invalid_response');
      expect(e.ambiguous).toBe(true);
    });

    it('maps a 200 that fails the schema, or cannot be read, to invalid_response', async () => {
      const { provider } = client(() => json(200, { ...demoPayment(), amount_minor: '12.34' }));
      expect(expectError(await provider.create(request)).kind).toBe('invalid_response');
      const broken = client(() => ({ status: 200, unreadable: true }));
      expect(expectError(await broken.provider.create(request)).kind).toBe('invalid_response');
    });
  });

  describe('status', () => {
    it('GETs the payment with an encoded id and no body', async () => {
      const { provider, calls } = client(() => json(200, demoPayment({ status: 'paid', paid_at: '2025-01-02T03:05:00.000Z' })));
      const result = await provider.status('dp/1?x');
      expect(result).toEqual({ ok: true, value: { kind: 'paid', paidAt: Date.parse('2025-01-02T03:05:00.000Z') } });
      expect(calls[0]?.url).toBe('https://demo.test/v1/payments/dp%2F1%3Fx');
      expect(calls[0]?.request.method).toBe('GET');
      expect(calls[0]?.request.body).toBeUndefined();
      expect(calls[0]?.request.headers).toEqual({ authorization: `Bearer ${API_KEY}`, accept: 'application/json' });
    });

    it('maps 404 to not_found with the provider message', async () => {
      const { provider } = client(() => json(404, errorBody('not_found', 'No such payment dp_9')));
      expect(expectError(await provider.status('dp_9'))).toEqual({
        kind: 'not_found',
        message: 'the demo provider could not find it: No such payment dp_9',
        said: { area: 'payment', kind: 'not_found', provider: 'the demo provider', detail: 'No such payment dp_9' },
        ambiguous: false,
      });
    });

    it('maps 429 with Retry-After seconds to rate_limited with retryAfterMs', async () => {
      const { provider } = client(() => json(429, errorBody('rate_limited', 'slow down'), { 'Retry-After': '7' }));
      expect(expectError(await provider.status('dp_1'))).toEqual({
        kind: 'rate_limited',
        message: 'the demo provider asked the terminal to slow down \u2014 retrying',
        said: { area: 'payment', kind: 'slow_down', provider: 'the demo provider' },
        ambiguous: false,
        retryAfterMs: 7000,
      });
    });

    it('maps 429 with a Retry-After date against the injected clock', async () => {
      const at = new Date(NOW + 12_000).toUTCString();
      const { provider } = client(() => json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': at }));
      expect(expectError(await provider.status('dp_1')).retryAfterMs).toBe(12_000);
    });

    it('maps 429 without Retry-After to rate_limited with no retryAfterMs', async () => {
      const { provider } = client(() => ({ status: 429 }));
      const e = expectError(await provider.status('dp_1'));
      expect(e.kind).toBe('rate_limited');
      expect('retryAfterMs' in e).toBe(false);
    });

    it('maps 500 on GET to server, not ambiguous', async () => {
      const { provider } = client(() => ({ status: 503 }));
      expect(expectError(await provider.status('dp_1'))).toEqual({
        kind: 'server',
        message: 'the demo provider is having trouble \u2014 retrying',
        said: { area: 'payment', kind: 'provider_trouble', provider: 'the demo provider', httpStatus: null },
        ambiguous: false,
      });
    });

    it('maps network and timeout errors on GET as not ambiguous', async () => {
      const net = client(() => ({ throws: new Error('ECONNREFUSED') }));
      expect(expectError(await net.provider.status('dp_1'))).toMatchObject({ kind: 'network', ambiguous: false });
      const slow = client(() => ({ throws: new DOMException('too slow', 'TimeoutError') }));
      expect(expectError(await slow.provider.status('dp_1'))).toMatchObject({ kind: 'timeout', ambiguous: false });
    });

    it('maps a non-JSON 200 to invalid_response, not ambiguous', async () => {
      const { provider } = client(() => ({ status: 200, body: 'ok' }));
      expect(expectError(await provider.status('dp_1'))).toMatchObject({ kind: 'invalid_response', ambiguous: false });
    });

    it('rejects a malformed date rather than computing with NaN', async () => {
      const { provider } = client(() => json(200, demoPayment({ expires_at: 'next tuesday' })));
      expect(expectError(await provider.status('dp_1')).kind).toBe('invalid_response');
    });

    it('an unrecognised status surfaces as unknown rather than failing to parse', async () => {
      const { provider } = client(() => json(200, demoPayment({ status: 'settled' })));
      expect(await provider.status('dp_1')).toEqual({ ok: true, value: { kind: 'unknown', raw: 'settled' } });
    });
  });

  describe('cancel', () => {
    it('POSTs to the cancel path and maps the resulting status', async () => {
      const { provider, calls } = client(() => json(200, demoPayment({ status: 'cancelled' })));
      expect(await provider.cancel('dp_1')).toEqual({ ok: true, value: { kind: 'cancelled' } });
      expect(calls[0]?.url).toBe('https://demo.test/v1/payments/dp_1/cancel');
      expect(calls[0]?.request.method).toBe('POST');
      expect(calls[0]?.request.body).toBeUndefined();
    });

    it('reports a payment that was paid before the cancel landed', async () => {
      const { provider } = client(() => json(200, demoPayment({ status: 'paid', paid_at: '2025-01-02T03:05:00.000Z' })));
      expect(await provider.cancel('dp_1')).toEqual({ ok: true, value: { kind: 'paid', paidAt: Date.parse('2025-01-02T03:05:00.000Z') } });
    });

    it('a 500 on cancel is ambiguous', async () => {
      const { provider } = client(() => ({ status: 500 }));
      expect(expectError(await provider.cancel('dp_1'))).toMatchObject({ kind: 'server', ambiguous: true });
    });
  });

  describe('findByReference', () => {
    it('returns the payment made for the reference', async () => {
      const list = { object: 'list', data: [demoPayment({ id: 'dp_0', reference: 'ref-0' }), demoPayment({ id: 'dp_7', reference: 'ref 1/&' })] };
      const { provider, calls } = client(() => json(200, list));
      expect(await provider.findByReference('ref 1/&')).toEqual({
        ok: true,
        value: { providerRef: 'dp_7', qr: { payload: 'DEMOQR:dp_1' }, expiresAt: Date.parse('2025-01-02T03:14:05.000Z') },
      });
      expect(calls[0]?.url).toBe('https://demo.test/v1/payments?reference=ref%201%2F%26');
      expect(calls[0]?.request.method).toBe('GET');
    });

    it('returns null when no payment has the reference', async () => {
      const { provider } = client(() => json(200, { object: 'list', data: [demoPayment({ reference: 'other' })] }));
      expect(await provider.findByReference('ref-1')).toEqual({ ok: true, value: null });
      const empty = client(() => json(200, { object: 'list', data: [] }));
      expect(await empty.provider.findByReference('ref-1')).toEqual({ ok: true, value: null });
    });

    it('passes errors through', async () => {
      const { provider } = client(() => ({ status: 500 }));
      expect(expectError(await provider.findByReference('ref-1'))).toMatchObject({ kind: 'server', ambiguous: false });
      const bad = client(() => json(200, { object: 'list', data: [{ nope: true }] }));
      expect(expectError(await bad.provider.findByReference('ref-1')).kind).toBe('invalid_response');
    });
  });

  describe('credentials', () => {
    it('never puts the api key in any error message', async () => {
      const replies: Reply[] = [
        json(401, errorBody('unauthorized', 'bad key')),
        json(403, errorBody('forbidden', 'no')),
        json(404, errorBody('not_found', 'missing')),
        json(429, errorBody('rate_limited', 'slow'), { 'retry-after': '3' }),
        { status: 500 },
        { status: 400 },
        { status: 200, body: 'not json' },
        json(200, demoPayment({ amount_minor: 1 })),
      ];
      const throws: unknown[] = [new Error(`connect failed for Bearer ${API_KEY}`), { name: 'TimeoutError', message: API_KEY }];
      const messages: string[] = [];
      for (const reply of replies) {
        const { provider } = client(() => reply);
        for (const result of [await provider.create(request), await provider.status('dp_1'), await provider.cancel('dp_1'), await provider.findByReference('ref-1')]) {
          if (!result.ok) messages.push(result.error.message);
        }
      }
      for (const thrown of throws) {
        const { provider } = client(() => ({ throws: thrown }));
        const result = await provider.status('dp_1');
        if (!result.ok) messages.push(result.error.message);
      }
      expect(messages.length).toBeGreaterThanOrEqual(30);
      for (const message of messages) expect(message).not.toContain(API_KEY);
    });

    it('redacts the key when a provider echoes it back in an error message', async () => {
      const { provider } = client(() => json(400, errorBody('invalid_key', `Key ${API_KEY} is not valid for this account`)));
      const e = expectError(await provider.create(request));
      expect(e.kind).toBe('rejected');
      expect(e.message).not.toContain(API_KEY);
      expect(e.message).toContain('is not valid for this account');
      const missing = client(() => json(404, errorBody('not_found', `No payment for key ${API_KEY}`)));
      expect(expectError(await missing.provider.status('dp_1')).message).not.toContain(API_KEY);
    });
  });
});
