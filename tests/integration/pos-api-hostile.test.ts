import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import type { Payment } from '../../app/payment/payment';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { collectUntilClose, exchange, openSocket } from '../support/raw-http';
import { bodyOf, startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * The POS API against what a broken or hostile till sends: every refusal is JSON with a code and a
 * sentence, nothing crashes the terminal, and no retry ever makes a second sale.
 */

let t: PosTerminal;
let key: string;
const ORDER = { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'H-1' };
const demoSales = (terminal: PosTerminal): number => (terminal.service.simulators.get('demo') as DemoSimulator).payments().length;
const onCounter = async (terminal: PosTerminal): Promise<Payment | null> => {
  const snapshot = await terminal.service.dispatch('getSnapshot', {}, 'cashier');
  return snapshot.ok ? (snapshot.value as { payment: Payment | null }).payment : null;
};
const cancelOnCounter = async (terminal: PosTerminal): Promise<void> => {
  const open = await onCounter(terminal);
  if (open !== null) await terminal.service.dispatch('cancel', { paymentId: open.id }, 'cashier');
};

beforeAll(async () => {
  // Room for a thousand connections at once, and a slowloris caught in a fraction of a second.
  t = await startPosTerminal({}, { limits: { maxConnections: 2000, maxConnectionsPerSource: 2000, burst: 5000, ratePerSecond: 5000, sourceBurst: 5000, sourceRatePerSecond: 5000, headersTimeoutMs: 400, requestTimeoutMs: 800, timeoutCheckMs: 100, maxBodyBytes: 4096 } });
  key = (await t.key('Till 2', ['charge'])).key;
});
afterAll(() => t.close());

const expectRefusal = async (response: Response, status: number, code: string): Promise<void> => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await bodyOf(response);
  expect(body.error?.code).toBe(code);
  expect(body.error?.message.length).toBeGreaterThan(10);
};

describe('hostile requests', () => {
  it('refuses each bad create with its own code and sentence, and makes no sale', async () => {
    const before = demoSales(t);
    const post = (body: unknown, headers: Record<string, string> = {}, idem = 'h-1') => t.call('POST', '/v1/checkouts', { key, idem, body, headers });
    await expectRefusal(await post('{"amount":'), 400, 'invalid_json');
    await expectRefusal(await post('\u00ff'.repeat(10)), 400, 'invalid_json');
    await expectRefusal(await post({ ...ORDER, tip: 5 }), 422, 'invalid_request');
    await expectRefusal(await post({ ...ORDER, amount: { minor: -100, currency: 'SGD' } }), 422, 'invalid_request');
    await expectRefusal(await post({ ...ORDER, amount: { minor: 12.34, currency: 'SGD' } }), 422, 'invalid_request');
    await expectRefusal(await post({ ...ORDER, amount: { minor: 1234, currency: 'JPY' } }), 422, 'currency_not_accepted');
    await expectRefusal(await post({ ...ORDER, method: 'atome', amount: { minor: 1, currency: 'SGD' } }), 422, 'amount_rejected');
    await expectRefusal(await post({ ...ORDER, reference: 'x'.repeat(5000) }), 413, 'body_too_large');
    await expectRefusal(await post(ORDER, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectRefusal(await post(ORDER, { 'content-type': 'application/json; charset=latin1' }), 415, 'unsupported_media_type');
    await expectRefusal(await t.call('POST', '/v1/checkouts', { key, body: ORDER }), 400, 'idempotency_key_missing');
    await expectRefusal(await post(ORDER, {}, 'has space'), 400, 'idempotency_key_invalid');
    await expectRefusal(await post(ORDER, {}, 'k'.repeat(256)), 400, 'idempotency_key_invalid');
    expect(demoSales(t)).toBe(before);
    expect(await onCounter(t)).toBeNull();
  });

  it('refuses requests without a valid key, on unknown paths and with the wrong method', async () => {
    await expectRefusal(await t.call('GET', '/v1/checkouts'), 401, 'unauthorized');
    await expectRefusal(await t.call('GET', '/v1/checkouts', { headers: { authorization: `Basic ${key}` } }), 401, 'unauthorized');
    await expectRefusal(await t.call('GET', '/v1/checkouts', { key: `${key}0` }), 401, 'unauthorized');
    await expectRefusal(await t.call('GET', '/v1/checkouts/co_0000', { key }), 404, 'not_found');
    await expectRefusal(await t.call('GET', `/v1/checkouts/co_${'0'.repeat(24)}`, { key }), 404, 'checkout_not_found');
    await expectRefusal(await t.call('DELETE', '/v1/checkouts', { key }), 405, 'method_not_allowed');
    await expectRefusal(await t.call('GET', '/v1/checkouts?limit=1000', { key }), 400, 'invalid_query');
    await expectRefusal(await t.call('GET', '/v1/checkouts?cursor=AAAA', { key }), 400, 'invalid_cursor');
    const readOnly = (await t.key('Back office', ['read'])).key;
    await expectRefusal(await t.call('POST', '/v1/checkouts', { key: readOnly, idem: 'r-1', body: ORDER }), 403, 'scope_missing');
    // The contract itself needs no key.
    const openapi = await t.call('GET', '/v1/openapi.json');
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('answers a chunked body over the cap, huge headers, a broken request target and a slowloris, and closes each', async () => {
    const head = (extra: string) => `POST /v1/checkouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nIdempotency-Key: c-1\r\nContent-Type: application/json\r\n${extra}`;
    const chunked = await exchange(t.url, `${head('Transfer-Encoding: chunked\r\n\r\n')}1000\r\n${'a'.repeat(4096)}\r\n1000\r\n${'a'.repeat(4096)}\r\n0\r\n\r\n`);
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain('body_too_large');
    const huge = await exchange(t.url, `GET /v1/checkouts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge.status).toBe(431);
    const target = await exchange(t.url, 'GET http://[/v1 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(target.status).toBe(400);
    const slow = await openSocket(t.url);
    const closed = collectUntilClose(slow);
    slow.write('GET /v1/checkouts HTTP/1.1\r\nHost: x\r\n');
    // No more bytes: the header timeout ends it, whatever the answer.
    expect([408, null]).toContain((await closed).status);
    expect((await t.call('GET', '/v1/checkouts', { key })).status).toBe(200);
  });

  it('answers Expect: 100-continue only once the key and headers pass, so a refused till never sends its body', async () => {
    const head = (auth: string, idem: string) =>
      `POST /v1/checkouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${auth}\r\nIdempotency-Key: ${idem}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`;
    const refused = await exchange(t.url, head(`${key}x`, 'e-1'));
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain('100 Continue');
    const tooBig = await exchange(t.url, head(key, 'e-2'));
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).not.toContain('100 Continue');

    const body = JSON.stringify({ ...ORDER, reference: 'H-100' });
    const socket = await openSocket(t.url);
    const answer = collectUntilClose(socket);
    const continued = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write(`POST /v1/checkouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nIdempotency-Key: e-3\r\nContent-Type: application/json\r\nContent-Length: ${String(body.length)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
    await continued;
    socket.write(body);
    const text = (await answer).text;
    expect(text).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(text).toContain('HTTP/1.1 201');
    await cancelOnCounter(t);
  });

  it('makes exactly one sale from a thousand concurrent creates with the same Idempotency-Key', async () => {
    // Its own terminal with ordinary time limits: a thousand requests on two busy cores can take longer
    // than the fraction of a second the slowloris tests above allow, and that must not fail this one.
    const many = await startPosTerminal({}, { limits: { maxConnections: 2000, maxConnectionsPerSource: 2000, burst: 5000, ratePerSecond: 5000, sourceBurst: 5000, sourceRatePerSecond: 5000, maxBodyBytes: 4096 } });
    try {
      const manyKey = (await many.key('Till 2', ['charge'])).key;
      const before = demoSales(many);
      const answers = await Promise.all(Array.from({ length: 1000 }, () => many.call('POST', '/v1/checkouts', { key: manyKey, idem: 'same-1000', body: { ...ORDER, reference: 'H-1000' } })));
      const bodies = (await Promise.all(answers.map((a) => a.json()))) as Checkout[];
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(999);
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(demoSales(many)).toBe(before + 1);
      await cancelOnCounter(many);
    } finally {
      await many.close();
    }
  });

  it('keeps the sale a till dropped the connection on, and answers the retry with it', async () => {
    const before = demoSales(t);
    const body = JSON.stringify({ ...ORDER, reference: 'H-DROP' });
    const socket = await openSocket(t.url);
    socket.on('error', () => undefined);
    socket.end(`POST /v1/checkouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nIdempotency-Key: drop-1\r\nContent-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`);
    socket.destroy();
    await expect.poll(async () => (await onCounter(t))?.orderRef).toBe('H-DROP');
    const retry = await t.call('POST', '/v1/checkouts', { key, idem: 'drop-1', body: JSON.parse(body) as unknown });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Checkout).provider.paymentId).toBe((await onCounter(t))?.id);
    expect(demoSales(t)).toBe(before + 1);
    await cancelOnCounter(t);
  });
});

describe('limits per key, and records that outlive a restart', () => {
  it('answers 429 with Retry-After once a key has spent its burst', async () => {
    const tight = await startPosTerminal({}, { limits: { burst: 3, ratePerSecond: 0.01 } });
    try {
      const { key: k } = await tight.key('Till 1', ['read']);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await tight.call('GET', '/v1/checkouts', { key: k })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await tight.call('GET', '/v1/checkouts', { key: k });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another till's key has its own allowance.
      expect((await tight.call('GET', '/v1/checkouts', { key: (await tight.key('Till 2', ['read'])).key })).status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('remembers checkouts and their Idempotency-Keys across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pos-restart-'));
    try {
      const first = await startPosTerminal({}, { dataDir });
      const { key: k } = await first.key('Till 2', ['charge']);
      const made = (await (await first.call('POST', '/v1/checkouts', { key: k, idem: 'r-1', body: ORDER })).json()) as Checkout;
      await first.simulate(made.provider.paymentId ?? '', 'paid');
      await expect.poll(async () => ((await (await first.call('GET', `/v1/checkouts/${made.id}`, { key: k })).json()) as Checkout).status).toBe('paid');
      await first.close();

      const second = await startPosTerminal({}, { dataDir });
      try {
        const again = await second.call('POST', '/v1/checkouts', { key: k, idem: 'r-1', body: ORDER });
        expect(again.status).toBe(200);
        expect((await again.json()) as Checkout).toMatchObject({ id: made.id, status: 'paid' });
        expect((await second.call('POST', '/v1/checkouts', { key: k, idem: 'r-1', body: { ...ORDER, reference: 'OTHER' } })).status).toBe(409);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
