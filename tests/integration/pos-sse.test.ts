import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, type EventLog } from '../../electron/service/pos-api/events/event-log';
import { createSseHandler, type SseHandler, type SseLimits } from '../../electron/service/pos-api/events/sse-handler';
import { ManualClock, T0 } from '../support/engine-harness';
import { getJson, openTestStream } from '../support/sse-test-reader';

let db: Database.Database;
let clock: ManualClock;
let log: EventLog;
let handler: SseHandler;
let server: Server;
let base: string;
let drops: { clientId: string; reason: string }[];

async function start(limits: Partial<SseLimits> = {}, retention = { maxEvents: 1000, maxAgeMs: 86_400_000 }): Promise<void> {
  db = openPosEventDatabase(':memory:');
  clock = new ManualClock(T0);
  log = createEventLog(db, { clock, retention });
  drops = [];
  handler = createSseHandler({ log, clock, limits, onDrop: (d) => drops.push(d) });
  server = createServer((req, res) => {
    handler.handle(req, res, { id: String(req.headers['x-client'] ?? 'till-1') });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`;
}

afterEach(async () => {
  handler.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  db.close();
});

describe('GET /v1/events', () => {
  it('streams each new event with id, event and data lines', async () => {
    await start();
    log.append('checkout.updated', { id: 'before-connect' });
    const stream = await openTestStream(base);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(await stream.next()).toMatchObject({ retry: '3000', comment: 'connected' });
    log.append('checkout.updated', { id: 'chk_1', status: 'paid' });
    const frame = await stream.nextEvent();
    expect(frame).toMatchObject({ id: '2', event: 'checkout.updated' });
    expect(JSON.parse(frame.data!)).toEqual({ id: '2', type: 'checkout.updated', created: new Date(T0).toISOString(), data: { id: 'chk_1', status: 'paid' } });
    stream.close();
  });

  it('resumes after Last-Event-ID (header or query), in order, and then goes on live', async () => {
    await start();
    for (let i = 1; i <= 5; i++) log.append('checkout.updated', { i });
    const byHeader = await openTestStream(base, { 'Last-Event-ID': '2' });
    const byQuery = await openTestStream(`${base}?lastEventId=4`);
    expect([(await byHeader.nextEvent()).id, (await byHeader.nextEvent()).id, (await byHeader.nextEvent()).id]).toEqual(['3', '4', '5']);
    expect((await byQuery.nextEvent()).id).toBe('5');
    log.append('checkout.updated', { i: 6 });
    expect((await byHeader.nextEvent()).id).toBe('6');
    expect((await byQuery.nextEvent()).id).toBe('6');
    byHeader.close();
    byQuery.close();
  });

  it('replays a long backlog in pages, without loss, to a client that reads', async () => {
    await start({ pageSize: 7, highWaterBytes: 4096 });
    for (let i = 1; i <= 300; i++) log.append('checkout.updated', { i, pad: 'x'.repeat(200) });
    const stream = await openTestStream(base, { 'Last-Event-ID': '0' });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push((await stream.nextEvent()).id!);
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
    stream.close();
  });

  it('tells a client whose Last-Event-ID is no longer kept, or was never sent, to re-sync', async () => {
    await start({}, { maxEvents: 3, maxAgeMs: 86_400_000 });
    for (let i = 1; i <= 10; i++) log.append('checkout.updated', { i });
    for (const [lastId, reason, latest] of [['2', 'expired', '10'], ['999999999999999', 'unknown', '11']] as const) {
      const stream = await openTestStream(base, { 'Last-Event-ID': lastId });
      const frame = await stream.nextEvent();
      expect(frame).toMatchObject({ id: latest, event: 'sync.required' });
      const oldestId = String(Number(latest) - 2);
      expect(JSON.parse(frame.data!)).toEqual({
        id: latest,
        type: 'sync.required',
        created: new Date(T0).toISOString(),
        data: { reason, oldestId, latestId: latest, message: expect.stringMatching(/GET \/v1\/checkouts/) },
      });
      log.append('checkout.updated', {});
      expect((await stream.nextEvent()).event).toBe('checkout.updated');
      stream.close();
    }
  });

  it.each(['abc', '-1', '1'.repeat(16), '1; DROP TABLE events', '%00'])('refuses Last-Event-ID %j with a JSON 400', async (bad) => {
    await start();
    const byQuery = await getJson(`${base}?lastEventId=${encodeURIComponent(bad)}`);
    expect(byQuery.status).toBe(400);
    expect(byQuery.body).toMatchObject({ error: { code: 'invalid_last_event_id', message: expect.stringMatching(/Last-Event-ID must be/) } });
    expect(handler.streamCount()).toBe(0);
  });

  it('refuses a method other than GET', async () => {
    await start();
    const answer = await new Promise<number>((resolve) => request(base, { method: 'POST' }, (res) => resolve(res.statusCode ?? 0)).end());
    expect(answer).toBe(405);
  });

  it('sends a heartbeat comment on the injected clock', async () => {
    await start({ heartbeatMs: 15_000 });
    const stream = await openTestStream(base);
    await stream.next();
    await clock.advance(15_000);
    expect(await stream.next()).toEqual({ comment: 'heartbeat' });
    stream.close();
  });

  it('forgets a stream as soon as its client hangs up', async () => {
    await start();
    const stream = await openTestStream(base);
    expect(handler.streamCount('till-1')).toBe(1);
    stream.close();
    await expect.poll(() => handler.streamCount()).toBe(0);
    log.append('checkout.updated', {});
    expect(drops).toEqual([]);
  });

  it('survives clients hanging up while events are being written to them', async () => {
    await start();
    const streams = await Promise.all(Array.from({ length: 20 }, (_, i) => openTestStream(base, { 'x-client': `till-${i}` })));
    for (const [i, stream] of streams.entries()) {
      stream.close();
      for (let n = 0; n < 5; n++) log.append('checkout.updated', { i, n, pad: 'z'.repeat(5000) });
      await new Promise((r) => setImmediate(r));
    }
    await expect.poll(() => handler.streamCount()).toBe(0);
    const after = await openTestStream(base, { 'Last-Event-ID': '99' });
    expect((await after.nextEvent()).id).toBe('100');
    after.close();
  });

  it('ends a stream with a reason, without an uncaught error, when the events file cannot be read', async () => {
    await start();
    log.append('checkout.updated', {});
    const broken = db;
    db = openPosEventDatabase(':memory:');
    broken.close();
    const ended = await openTestStream(base, { 'Last-Event-ID': '0' });
    expect(ended.res.statusCode).toBe(200);
    await expect.poll(() => ended.res.complete).toBe(true);
    expect(drops).toEqual([{ clientId: 'till-1', reason: expect.stringMatching(/could not read its events file.*reconnect with Last-Event-ID/) }]);
    expect(handler.streamCount()).toBe(0);
    expect(await getJson(base)).toMatchObject({ status: 503, body: { error: { code: 'events_unavailable' } } });
  });
});
