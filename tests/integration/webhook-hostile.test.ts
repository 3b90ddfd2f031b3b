/** The webhook listener faces the internet: floods, oversized and malformed requests, slow and idle clients. */
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/service/logging/logger';
import { startWebhookServer, type WebhookLimits, type WebhookServer } from '../../electron/service/webhooks/webhook-server';
import { ManualClock, T0 } from '../support/engine-harness';
import { collectUntilClose, exchange, openSocket, postFrom } from '../support/raw-http';

interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly count?: number;
}

interface Rig {
  readonly server: WebhookServer;
  readonly url: string;
  readonly hints: string[];
  readonly lines: LogLine[];
  readonly clock: ManualClock;
}

const PATH = '/webhooks/test';
const running: WebhookServer[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

const parseId = (body: unknown): string | null => (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' ? body.id : null);

/** The listener under a clock that moves only when the test says, so the token buckets refill on cue. */
async function rig(limits: Partial<WebhookLimits> = {}): Promise<Rig> {
  const clock = new ManualClock(T0);
  const hints: string[] = [];
  const lines: LogLine[] = [];
  const server = await startWebhookServer({
    host: '127.0.0.1',
    port: 0,
    routes: [{ path: PATH, parse: parseId }],
    onPaymentHint: (ref) => {
      hints.push(ref);
      return ref.startsWith('known');
    },
    log: createLogger((line) => lines.push(JSON.parse(line) as LogLine)),
    limits,
    clock,
  });
  running.push(server);
  return { server, url: `${server.url}${PATH}`, hints, lines, clock };
}

let aliveSource = 100;
/** A valid webhook from an address nothing else used is still answered and still reaches the engine. */
async function expectStillServing(r: Rig): Promise<void> {
  const before = r.hints.length;
  const answer = await postFrom(r.url, JSON.stringify({ id: 'known-alive' }), { localAddress: `127.0.0.${String(aliveSource++)}` });
  expect(answer.status).toBe(200);
  expect(r.hints).toHaveLength(before + 1);
}

const head = (target: string, headers: Readonly<Record<string, string | number>>, method = 'POST'): string =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${String(value)}\r\n`)
    .join('')}\r\n`;

/** Sends `count` webhooks at once from 127.0.0.1 over a few keep-alive connections, each claiming another X-Forwarded-For. */
async function flood(r: Rig, count: number, prefix: string): Promise<{ status: number; retryAfter: string | undefined }[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8, localAddress: '127.0.0.1' });
  try {
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        postFrom(r.url, JSON.stringify({ id: `${prefix}-${String(i)}` }), { agent, headers: { 'x-forwarded-for': `198.51.100.${String(i % 250)}` } }),
      ),
    );
    return answers.map((a) => ({ status: a.status, retryAfter: typeof a.headers['retry-after'] === 'string' ? a.headers['retry-after'] : undefined }));
  } finally {
    agent.destroy();
  }
}

/** Opens `count` connections that never send a byte, `perSource` from each address; resolves once they are all connected or closed. */
async function idleConnections(r: Rig, count: number, addressOf: (i: number) => string): Promise<{ closed: () => number; allClosed: (n: number) => Promise<void> }> {
  let closed = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const { port } = new URL(r.url);
  for (let batch = 0; batch < count; batch += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - batch) }, (_, j) => {
        const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress: addressOf(batch + j) });
        sockets.push(socket);
        socket.on('error', () => undefined);
        socket.once('close', () => {
          closed += 1;
          for (const waiter of waiters.filter((w) => closed >= w.n)) waiter.resolve();
        });
        return new Promise<void>((resolve) => {
          socket.once('connect', () => resolve());
          socket.once('close', () => resolve());
        });
      }),
    );
  }
  return {
    closed: () => closed,
    allClosed: (n) => (closed >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}

describe('a flood of webhooks from one address', () => {
  it('lets through only the burst, answers the rest 429 with Retry-After, and leaves other addresses alone', async () => {
    const r = await rig({ ratePerSecond: 10, burst: 20 });
    const answers = await flood(r, 300, 'forged');
    // The clock stands still during the flood: exactly the burst gets through, nothing refills.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(20);
    expect(r.hints).toHaveLength(20);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(280);
    expect(refused.every((a) => a.retryAfter === '1')).toBe(true);

    // X-Forwarded-For changed nothing above; another peer address has its own allowance.
    expect((await postFrom(r.url, JSON.stringify({ id: 'known-other' }), { localAddress: '127.0.0.2' })).status).toBe(200);

    // One second later the flooding address has refilled 10 tokens, not more.
    await r.clock.advance(1_000);
    const later = await flood(r, 15, 'later');
    expect(later.filter((a) => a.status === 200)).toHaveLength(10);
    await expectStillServing(r);
  });

  it('logs 300 refused webhooks as a few counted lines, not a line each', async () => {
    const r = await rig({ ratePerSecond: 10, burst: 20, logIntervalMs: 60_000 });
    await flood(r, 300, 'forged');
    // One notice that the address is being refused, one that it names unknown payments.
    expect(r.lines.length).toBeLessThanOrEqual(2);
    expect(r.lines.some((line) => line.message.includes('Webhooks from 127.0.0.1 are refused by the rate limit'))).toBe(true);

    await r.clock.advance(60_000);
    expect(r.lines.length).toBeLessThanOrEqual(4);
    expect(r.lines.map((line) => line.message)).toContain('279 webhooks from 127.0.0.1 refused by the rate limit in the last 60 s');
    const rateLines = r.lines.filter((line) => line.message.includes('rate limit'));
    expect(rateLines.reduce((sum, line) => sum + (line.count ?? 0), 0)).toBe(280);
    await expectStillServing(r);
  });
});

describe('bodies and headers the listener refuses', () => {
  it('answers 413 to a declared Content-Length over the cap without waiting for the body, and closes', async () => {
    const r = await rig();
    const answer = await exchange(r.url, head(PATH, { 'content-type': 'application/json', 'content-length': 10_000_000 }));
    expect(answer.status).toBe(413);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    expect(r.hints).toHaveLength(0);
    await expectStillServing(r);
  });

  it('refuses an oversized body that asks for 100 Continue without inviting it', async () => {
    const r = await rig();
    const answer = await exchange(r.url, head(PATH, { 'content-type': 'application/json', 'content-length': 10_000_000, expect: '100-continue' }));
    expect(answer.status).toBe(413);
    expect(answer.text).not.toContain('100 Continue');
    // A sender that passes every check is invited, and its body is read.
    const body = JSON.stringify({ id: 'known-continued' });
    const invited = await exchange(r.url, head(PATH, { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue', connection: 'close' }) + body);
    expect(invited.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(r.hints).toEqual(['known-continued']);
    await expectStillServing(r);
  });

  it('stops reading a chunked body once it passes 64 KiB, answers 413 and closes the socket', async () => {
    const r = await rig();
    const socket = await openSocket(r.url);
    const answer = collectUntilClose(socket);
    let done = false;
    socket.once('data', () => (done = true));
    socket.once('close', () => (done = true));
    socket.write(head(PATH, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }));
    const chunk = `${'a'.repeat(8192)}`;
    // At most 1 MiB, far past the cap; it stops as soon as the server answers or hangs up.
    for (let i = 0; i < 128 && !done; i++) {
      const flushed = socket.write(`2000\r\n${chunk}\r\n`);
      await new Promise<void>((resolve) => {
        if (flushed) return setImmediate(resolve);
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
    }
    expect((await answer).status).toBe(413);
    expect(r.hints).toHaveLength(0);
    await expectStillServing(r);
  });

  it('answers 415 to any content type but JSON in UTF-8', async () => {
    const r = await rig();
    const body = JSON.stringify({ id: 'known-typed' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=iso-8859-1', 'application/jsonp']) {
      expect((await postFrom(r.url, body, { contentType })).status).toBe(415);
    }
    expect(r.hints).toHaveLength(0);
    expect((await postFrom(r.url, body, { contentType: 'application/json; charset=UTF-8' })).status).toBe(200);
    expect(r.hints).toEqual(['known-typed']);
    await expectStillServing(r);
  });

  it('answers 400 to a body that is not JSON, not UTF-8, or names no payment', async () => {
    const r = await rig();
    for (const body of ['id=known', '{"id":', '', '[]', '{"id":42}']) expect((await postFrom(r.url, body)).status).toBe(400);
    const notUtf8 = Buffer.concat([Buffer.from('{"id":"known-'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const answer = await exchange(r.url, Buffer.concat([Buffer.from(head(PATH, { 'content-type': 'application/json', 'content-length': notUtf8.length, connection: 'close' })), notUtf8]));
    expect(answer.status).toBe(400);
    expect(r.hints).toHaveLength(0);
    await expectStillServing(r);
  });

  it('answers 405 with Allow: POST to other methods, and 404 to other paths', async () => {
    const r = await rig();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await exchange(r.url, head(PATH, { 'content-length': 0 }, method));
      expect(answer.status).toBe(405);
      expect(answer.text.toLowerCase()).toContain('allow: post');
    }
    expect((await exchange(r.url, head('/webhooks/other', { 'content-type': 'application/json', 'content-length': 2 }) + '{}')).status).toBe(404);
    await expectStillServing(r);
  });

  it('answers 400 to a request target that is not a URL, and keeps serving', async () => {
    const r = await rig();
    const answer = await exchange(r.url, head('http://[/webhooks/test', { 'content-type': 'application/json', 'content-length': 2, connection: 'close' }) + '{}');
    expect(answer.status).toBe(400);
    expect(r.hints).toHaveLength(0);
    await expectStillServing(r);
  });
});

describe('connections the listener bounds', () => {
  it('disconnects a client that sends its headers a byte at a time once the headers timeout passes', async () => {
    const r = await rig({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckMs: 50 });
    const socket = await openSocket(r.url);
    sockets.push(socket);
    const answer = collectUntilClose(socket);
    socket.write(`POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    // The attacker's pace, not a wait: a byte every 20 ms keeps the idle timeout from ever firing.
    let sent = 0;
    const drip = setInterval(() => {
      if (sent++ < 2_000 && !socket.destroyed) socket.write('a');
    }, 20);
    socket.once('close', () => clearInterval(drip));
    const result = await answer;
    expect(result.status).toBe(408);
    await expectStillServing(r);
  });

  it('sheds connections past the per-address cap, so 1,000 idle ones from one address do not keep a webhook out', async () => {
    const r = await rig({ maxConnectionsPerSource: 16 });
    const idle = await idleConnections(r, 1_000, () => '127.0.0.1');
    await idle.allClosed(1_000 - 16);
    await expectStillServing(r);
    // The 16 the cap allows are still open: they were shed by the cap, not by a timeout.
    expect(idle.closed()).toBe(1_000 - 16);
  });

  it('bounds a flood of idle connections from many addresses by the connection cap and the idle timeout', async () => {
    const r = await rig({ maxConnections: 100, maxConnectionsPerSource: 16, idleTimeoutMs: 300 });
    // 50 addresses × 20 connections: past the per-address cap and the listener's total.
    const idle = await idleConnections(r, 1_000, (i) => `127.0.1.${String(1 + (i % 50))}`);
    await idle.allClosed(1_000);
    await expectStillServing(r);
  });
});
