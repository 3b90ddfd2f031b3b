import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { webhookCreatedSchema, webhookSchema } from '../../app/pos-api/event-schemas';
import { createLogger } from '../../electron/service/logging/logger';
import { webhookRetryFromEnv } from '../../electron/service/pos-api/pos-events-wiring';
import { createPosClient, PosApiError, type PosEvent } from '../../tools/pos-client';
import { verifyWebhook } from '../../tools/pos-client/verify-webhook';
import { bodyOf, startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * The events module wired into the running terminal: the desk's changes reach GET /v1/events and
 * /v1/webhook, each key sees what GET would show it, and a revoked key loses its stream and webhook.
 */

const open: PosTerminal[] = [];
const servers: Server[] = [];
const aborts: { abort(): void }[] = [];
const cleanup: string[] = [];
afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  for (const t of open.splice(0)) await t.close();
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function terminal(limits = {}): Promise<PosTerminal> {
  const t = await startPosTerminal({}, { limits });
  open.push(t);
  return t;
}

/** The reference client's event stream, collected as it arrives. */
function follow(url: string, key: string): { readonly events: PosEvent[]; readonly ended: Promise<unknown> } {
  const abort = new AbortController();
  aborts.push(abort);
  const events: PosEvent[] = [];
  const ended = (async () => {
    for await (const event of createPosClient({ baseUrl: url, key }).events({ signal: abort.signal, lastEventId: '0', wait: () => Promise.resolve() })) events.push(event);
  })().catch((error: unknown) => error);
  return { events, ended };
}

const sale = (t: PosTerminal, key: string, ref: string) =>
  t.call('POST', '/v1/checkouts', { key, idem: ref, body: { amount: { minor: 250, currency: 'SGD' }, method: 'demo', reference: ref, whenBusy: 'queue' } });
const refs = (events: readonly PosEvent[]): string[] => [...new Set(events.map((e) => (e.data as Checkout).reference))];

describe('the POS events wired into the terminal', () => {
  it('streams each key its own checkouts, and a read key every till’s, from the events file in the data folder', async () => {
    const t = await terminal();
    const till2 = await t.key('Till 2', ['charge']);
    const till3 = await t.key('Till 3', ['charge']);
    const office = await t.key('Office', ['read']);
    const s2 = follow(t.url, till2.key);
    const s3 = follow(t.url, till3.key);
    const so = follow(t.url, office.key);
    const first = (await bodyOf(await sale(t, till2.key, 'T2-1'))) as unknown as Checkout;
    await t.call('POST', `/v1/checkouts/${first.id}/cancel`, { key: till2.key });
    expect((await sale(t, till3.key, 'T3-1')).status).toBe(201);
    // Till 3's first event is its own checkout: Till 2's were passed over, not sent.
    await expect.poll(() => s3.events.length).toBeGreaterThan(0);
    expect(refs(s3.events)).toEqual(['T3-1']);
    await expect.poll(() => refs(so.events)).toEqual(['T2-1', 'T3-1']);
    expect(refs(s2.events)).toEqual(['T2-1']);
    expect(s2.events.map((e) => (e.data as Checkout).status)).toContain('cancelled');
    expect(existsSync(join(t.dataDir, 'pos-events.sqlite3'))).toBe(true);
  });

  it('delivers a webhook of the key’s own checkouts only, signed with the secret it was given', async () => {
    const t = await terminal();
    const till2 = await t.key('Till 2', ['charge']);
    const till3 = await t.key('Till 3', ['charge']);
    const got: { headers: IncomingMessage['headers']; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => (got.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    servers.push(receiver);
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const registered = await bodyOf(await t.call('PUT', '/v1/webhook', { key: till3.key, body: { url: hook } }));
    const secret = String(registered['secret']);
    // The answers are what the OpenAPI document says, from the same schemas.
    expect(webhookCreatedSchema.parse(registered)).toBeDefined();
    expect(webhookSchema.parse(await bodyOf(await t.call('GET', '/v1/webhook', { key: till3.key })))).toMatchObject({ url: hook, failedAttempts: 0 });
    const openapi = (await bodyOf(await t.call('GET', '/v1/openapi.json'))) as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(openapi.paths['/v1/events']?.['get']?.operationId).toBe('streamEvents');
    expect(Object.keys(openapi.paths['/v1/webhook'] ?? {})).toEqual(['put', 'get', 'delete']);
    expect(secret).toMatch(/^whsec_/);
    await sale(t, till2.key, 'T2-W');
    const mine = (await bodyOf(await sale(t, till3.key, 'T3-W'))) as unknown as Checkout;
    await expect.poll(() => got.length).toBeGreaterThan(0);
    const delivered = got[0];
    if (delivered === undefined) throw new Error('no delivery');
    expect(verifyWebhook(delivered.headers, delivered.body, secret)).toMatchObject({ ok: true });
    expect(((JSON.parse(delivered.body) as PosEvent).data as Checkout).id).toBe(mine.id);
    expect(got.every((g) => ((JSON.parse(g.body) as PosEvent).data as Checkout).reference === 'T3-W')).toBe(true);
  });

  it('ends a revoked key’s stream and removes its webhook', async () => {
    const t = await terminal();
    const till2 = await t.key('Till 2', ['charge']);
    const registered = await t.call('PUT', '/v1/webhook', { key: till2.key, body: { url: 'http://127.0.0.1:9/hook' } });
    expect(registered.status).toBe(200);
    const stream = follow(t.url, till2.key);
    await sale(t, till2.key, 'T2-R');
    await expect.poll(() => stream.events.length).toBeGreaterThan(0);
    expect(await t.service.dispatch('revokePosClient', { clientId: till2.clientId }, 'cashier')).toMatchObject({ ok: true });
    // The stream is closed by the terminal; the client's reconnect is then refused for the revoked key.
    const ended = await stream.ended;
    expect(ended).toBeInstanceOf(PosApiError);
    expect((ended as PosApiError).status).toBe(401);
    const again = await t.key('Till 2 again', ['charge']);
    expect((await t.call('GET', '/v1/webhook', { key: again.key })).status).toBe(404);
  });

  it('runs without events when the events file is not one (the log says why): sales go on, the routes answer 503', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pos-events-broken-'));
    writeFileSync(join(dataDir, 'pos-events.sqlite3'), 'not a database, '.repeat(512));
    const t = await startPosTerminal({}, { dataDir });
    open.push(t);
    cleanup.push(dataDir);
    const till2 = await t.key('Till 2', ['charge']);
    expect((await sale(t, till2.key, 'T2-B')).status).toBe(201);
    for (const path of ['/v1/events', '/v1/webhook']) {
      const answer = await t.call('GET', path, { key: till2.key });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('60');
      expect((await bodyOf(answer)).error?.code).toBe('events_unavailable');
    }
    expect(t.logLines.join('\n')).toMatch(/POS events unavailable.*pos-events\.sqlite3 is not a readable POS events file/);
  });

  it('refuses a key without charge or read to follow checkouts', async () => {
    const t = await terminal();
    const refunds = await t.key('Refunds only', ['refund']);
    for (const path of ['/v1/events', '/v1/webhook']) {
      const answer = await t.call('GET', path, { key: refunds.key });
      expect(answer.status).toBe(403);
      expect((await bodyOf(answer)).error?.code).toBe('scope_missing');
    }
  });

  it('keeps a quiet stream open past the server’s idle timeout, which still closes an idle connection', async () => {
    const t = await terminal({ idleTimeoutMs: 300 });
    const till2 = await t.key('Till 2', ['charge']);
    // A raw stream that does not reconnect: a close by the server would show.
    let text = '';
    let closed = false;
    const raw = request(`${t.url}/v1/events`, { headers: { authorization: `Bearer ${till2.key}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('close', () => (closed = true));
    });
    raw.end();
    aborts.push({ abort: () => raw.destroy() });
    await sale(t, till2.key, 'T2-Q1');
    await expect.poll(() => text).toContain('T2-Q1');
    // A silent connection opened after the stream's last write: once the server's idle timeout has
    // closed it, that timeout has passed for the stream too.
    await new Promise<void>((resolve) => connect(Number(new URL(t.url).port), '127.0.0.1').once('close', () => resolve()).on('error', () => undefined));
    const cancelled = await t.call('POST', `/v1/checkouts/${/"id":"(co_[0-9a-f]+)"/.exec(text)?.[1] ?? ''}/cancel`, { key: till2.key });
    expect(cancelled.status).toBe(200);
    await expect.poll(() => text).toContain('"status":"cancelled"');
    expect(closed).toBe(false);
  });
});

describe('the test host’s webhook retry base', () => {
  const log = createLogger(() => undefined);
  it('takes 10 to 5000 ms and ignores anything else', () => {
    expect(webhookRetryFromEnv({ QR_TERMINAL_POS_WEBHOOK_RETRY_MS: '50' }, log)).toEqual({ baseDelayMs: 50 });
    for (const bad of ['0', '9', '5001', '99999', '-5', '1e3', '50ms', ' 50', 'NaN', '9'.repeat(400)]) expect(webhookRetryFromEnv({ QR_TERMINAL_POS_WEBHOOK_RETRY_MS: bad }, log)).toEqual({});
    expect(webhookRetryFromEnv(undefined, log)).toEqual({});
  });
});
