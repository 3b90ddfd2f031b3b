import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, type EventLog } from '../../electron/service/pos-api/events/event-log';
import { sendJsonError } from '../../electron/service/pos-api/events/json-reply';
import { createSseHandler, type SseHandler } from '../../electron/service/pos-api/events/sse-handler';
import { createPosClient, PosApiError, PosNetworkError, type PosEvent } from '../../tools/pos-client';
import { ManualClock, T0 } from '../support/engine-harness';

/** The routes the core will serve, stood in for here: the real SSE handler, and scripted checkout answers. */
type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let db: Database.Database;
let log: EventLog;
let sse: SseHandler;
let server: Server;
let baseUrl: string;
let routes: Route[];
let seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
const noWait = (): Promise<void> => Promise.resolve();

beforeEach(async () => {
  db = openPosEventDatabase(':memory:');
  const clock = new ManualClock(T0);
  log = createEventLog(db, { clock });
  sse = createSseHandler({ log, clock });
  routes = [];
  seen = [];
  server = createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer pos_test_key') return sendJsonError(res, 401, 'unauthorized', 'This key is not valid (revoked or mistyped).');
    if (req.url?.startsWith('/v1/events') === true) {
      seen.push({ method: req.method ?? '', url: req.url, headers: req.headers, body: '' });
      return sse.handle(req, res, { id: 'till-2' });
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const route = routes.shift() ?? ((_q, r) => void r.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
      route(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  sse.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  db.close();
});

const client = (key = 'pos_test_key'): ReturnType<typeof createPosClient> => createPosClient({ baseUrl, key, wait: noWait });
const drop: Route = (req) => req.socket.destroy();
const answer =
  (status: number, body: unknown): Route =>
  (_req, res) =>
    void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

describe('the reference client: checkouts', () => {
  it('retries a create after a dropped connection with the same Idempotency-Key and body', async () => {
    routes.push(drop, answer(201, { id: 'chk_1', status: 'pending' }));
    const created = await client().createCheckout({ amount: { minor: 1234, currency: 'SGD' }, reference: 'T2-0042' });
    expect(created).toEqual({ id: 'chk_1', status: 'pending' });
    expect(seen).toHaveLength(2);
    const [first, second] = seen;
    expect(first!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(second!.body).toBe(first!.body);
    expect(JSON.parse(second!.body)).toEqual({ amount: { minor: 1234, currency: 'SGD' }, reference: 'T2-0042' });
  });

  it('gives up after its attempts with a network error, and never retries an answer', async () => {
    routes.push(drop, drop, drop);
    await expect(client().createCheckout({}, { idempotencyKey: 'till-2-order-42' })).rejects.toThrow(PosNetworkError);
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['till-2-order-42', 'till-2-order-42', 'till-2-order-42']);
    routes.push(answer(409, { error: { code: 'idempotency_key_reused', message: 'This Idempotency-Key was used for another checkout.' } }));
    const refused = client().createCheckout({});
    await expect(refused).rejects.toThrow(PosApiError);
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'idempotency_key_reused', message: 'This Idempotency-Key was used for another checkout.' });
    expect(seen).toHaveLength(4);
  });

  it('reads, lists, cancels and refunds on the documented paths, escaping a hostile id', async () => {
    const pos = client();
    await pos.getCheckout('chk_1');
    await pos.getCheckout('../../v1/keys?x=1#');
    await pos.listCheckouts({ status: 'paid', limit: '10' });
    await pos.cancel('chk_1');
    await pos.refund('chk_1', { amount: { minor: 100, currency: 'SGD' }, reason: 'returned' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /v1/checkouts/chk_1',
      'GET /v1/checkouts/..%2F..%2Fv1%2Fkeys%3Fx%3D1%23',
      'GET /v1/checkouts?status=paid&limit=10',
      'POST /v1/checkouts/chk_1/cancel',
      'POST /v1/checkouts/chk_1/refunds',
    ]);
    expect(JSON.parse(seen[4]!.body)).toEqual({ amount: { minor: 100, currency: 'SGD' }, reason: 'returned' });
  });

  it('turns an error answer that is not our JSON into a code and a sentence', async () => {
    routes.push((_q, res) => void res.writeHead(502).end('<html>bad gateway</html>'));
    await expect(client().getCheckout('x')).rejects.toMatchObject({ status: 502, code: 'http_502', message: 'The terminal answered HTTP 502.' });
  });
});

async function take(iterator: AsyncGenerator<PosEvent>, count: number): Promise<PosEvent[]> {
  const events: PosEvent[] = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done === true) break;
    events.push(next.value);
  }
  return events;
}

describe('the reference client: events', () => {
  it('follows the stream, and after a drop resumes with Last-Event-ID: nothing missed, nothing twice', async () => {
    const abort = new AbortController();
    const events = client().events({ lastEventId: '0', signal: abort.signal, wait: noWait });
    log.append('checkout.updated', { n: 1 });
    log.append('checkout.updated', { n: 2 });
    expect((await take(events, 2)).map((e) => e.id)).toEqual(['1', '2']);
    sse.close('till-2');
    log.append('checkout.updated', { n: 3 });
    log.append('checkout.updated', { n: 4 });
    const after = await take(events, 2);
    expect(after.map((e) => [e.id, e.data])).toEqual([
      ['3', { n: 3 }],
      ['4', { n: 4 }],
    ]);
    expect(seen.map((s) => s.headers['last-event-id'])).toEqual(['0', '2']);
    abort.abort();
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('leaves no abort listener behind per reconnect: a till reconnecting for days leaks none', async () => {
    const abort = new AbortController();
    const events = client().events({ lastEventId: '0', signal: abort.signal, wait: noWait });
    for (let n = 1; n <= 12; n++) {
      log.append('checkout.updated', { n });
      expect((await take(events, 1)).map((e) => e.id)).toEqual([String(n)]);
      sse.close('till-2');
    }
    expect(seen.length).toBeGreaterThanOrEqual(12);
    expect(getEventListeners(abort.signal, 'abort').length).toBeLessThanOrEqual(1);
    abort.abort();
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('passes on sync.required when its id is no longer kept', async () => {
    for (let i = 0; i < 3; i++) log.append('checkout.updated', {});
    const events = client().events({ lastEventId: '999999999999999', wait: noWait });
    const [resync] = await take(events, 1);
    expect(resync).toMatchObject({ id: '3', type: 'sync.required', data: { reason: 'unknown' } });
    await events.return();
  });

  it('stops on a refusal waiting cannot fix (a revoked key), with its sentence', async () => {
    const events = client('pos_revoked').events({ wait: noWait });
    await expect(events.next()).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: 'This key is not valid (revoked or mistyped).' });
  });

  it('survives a garbled stream: skips what is not an event and reconnects after a frame that is too long', async () => {
    let served = 0;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' });
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (served++ === 0) {
        res.write('data: not json\n\nid: 5\ndata: {"no":"id"}\n\n: comment\n\nevent: x\nid: 7\ndata: {"id":"7","type":"checkout.updated","created":"x","data":1}\n\n');
        res.end(`data: ${'x'.repeat(300_000)}`);
      } else res.end('id: 8\ndata: {"id":"8","type":"checkout.updated","created":"x","data":2}\n\n');
    });
    const events = client().events({ wait: noWait });
    expect((await take(events, 2)).map((e) => e.id)).toEqual(['7', '8']);
    expect(seen.map((s) => s.headers['last-event-id'])).toEqual([undefined, '7']);
    await events.return();
  });
});
