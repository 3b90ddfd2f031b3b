import { createServer, request, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, type EventLog } from '../../electron/service/pos-api/events/event-log';
import { createSseHandler, type SseHandler, type SseLimits } from '../../electron/service/pos-api/events/sse-handler';
import { ManualClock, T0 } from '../support/engine-harness';

let db: Database.Database;
let clock: ManualClock;
let log: EventLog;
let handler: SseHandler;
let server: Server;
let port: number;
let drops: { clientId: string; reason: string }[];
let lastResponse: ServerResponse | undefined;

async function start(limits: Partial<SseLimits>): Promise<void> {
  db = openPosEventDatabase(':memory:');
  clock = new ManualClock(T0);
  log = createEventLog(db, { clock });
  drops = [];
  handler = createSseHandler({ log, clock, limits, onDrop: (d) => drops.push(d) });
  server = createServer((req, res) => {
    lastResponse = res;
    handler.handle(req, res, { id: String(req.headers['x-client'] ?? 'till-1') });
  });
  server.maxConnections = 2000;
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, r));
  port = (server.address() as AddressInfo).port;
}

afterEach(async () => {
  handler.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  db.close();
});

/** Opens a stream and answers its status with the JSON body of a refusal, leaving accepted streams open. */
function attempt(client: string): Promise<{ status: number; code?: string; destroy: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/events', headers: { 'x-client': client }, agent: false }, (res) => {
      if (res.statusCode === 200) return resolve({ status: 200, destroy: () => req.destroy() });
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { error: { code: string } }).error.code, destroy: () => req.destroy() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('event stream limits', () => {
  it('accepts at most maxStreamsPerClient streams for one client, then answers 429', async () => {
    await start({ maxStreamsPerClient: 2 });
    const answers = await Promise.all([attempt('till-1'), attempt('till-1'), attempt('till-1'), attempt('till-2')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 429]);
    expect(answers.find((a) => a.status === 429)?.code).toBe('too_many_event_streams');
    for (const a of answers) a.destroy();
    await expect.poll(() => handler.streamCount()).toBe(0);
  });

  it('holds 500 concurrent stream requests to maxStreams, refusing the rest with 503, and frees every slot', async () => {
    await start({ maxStreams: 64, maxStreamsPerClient: 4 });
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => attempt(`till-${i % 200}`)));
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    expect(byStatus.get(200)).toBe(64);
    expect((byStatus.get(503) ?? 0) + (byStatus.get(429) ?? 0)).toBe(436);
    expect(answers.filter((a) => a.status === 503).every((a) => a.code === 'event_streams_full')).toBe(true);
    expect(handler.streamCount()).toBe(64);
    for (const a of answers) a.destroy();
    await expect.poll(() => handler.streamCount()).toBe(0);
    expect((await attempt('till-1')).status).toBe(200);
  });

  it('stops writing to a client that never reads, holds memory near the bound, and drops it with a reason', async () => {
    const highWaterBytes = 64 * 1024;
    await start({ highWaterBytes, stallMs: 30_000, heartbeatMs: 10_000 });
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((r) => socket.once('connect', r));
    socket.pause();
    socket.write('GET /v1/events HTTP/1.1\r\nHost: terminal\r\n\r\n');
    await expect.poll(() => handler.streamCount()).toBe(1);
    const big = 'x'.repeat(60_000);
    // Far more than the kernel's socket buffers hold: about 30 MB.
    for (let i = 0; i < 500; i++) log.append('checkout.updated', { i, big });
    await expect.poll(() => lastResponse?.writableLength ?? 0).toBeGreaterThanOrEqual(highWaterBytes);
    expect(lastResponse!.writableLength).toBeLessThan(highWaterBytes + 61_000 + 200);
    for (let i = 0; i < 50; i++) log.append('checkout.updated', { i, big });
    expect(lastResponse!.writableLength).toBeLessThan(highWaterBytes + 61_000 + 200);
    await clock.advance(40_000);
    expect(handler.streamCount()).toBe(0);
    expect(drops).toEqual([{ clientId: 'till-1', reason: expect.stringMatching(/did not read its event stream for \d+ s \(\d+ bytes waiting\).*Last-Event-ID/) }]);
    socket.destroy();
  });

  it('keeps a slow client that catches up', async () => {
    await start({ highWaterBytes: 16 * 1024, stallMs: 30_000, heartbeatMs: 10_000 });
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((r) => socket.once('connect', r));
    socket.pause();
    socket.write('GET /v1/events HTTP/1.1\r\nHost: terminal\r\n\r\n');
    await expect.poll(() => handler.streamCount()).toBe(1);
    for (let i = 0; i < 300; i++) log.append('checkout.updated', { i, big: 'y'.repeat(60_000) });
    await expect.poll(() => lastResponse?.writableLength ?? 0).toBeGreaterThanOrEqual(16 * 1024);
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString('latin1').replace(/y+/g, '')));
    socket.resume();
    await expect.poll(() => received.includes('"i":299')).toBe(true);
    await clock.advance(40_000);
    expect(handler.streamCount()).toBe(1);
    expect(drops).toEqual([]);
    socket.destroy();
  });
});
