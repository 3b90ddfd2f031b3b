import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import type { TerminalApi } from '../../electron/service/terminal/terminal-api';
import { startWebHost } from '../../electron/web/web-host';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { PAGES_DIR } from '../support/paths';
import { frame, rawConnect, rawRequest, rawWebSocket } from '../support/raw-client';
import { connect, refusedHandshake, type TestClient } from '../support/ws-client';

/*
 * The headless host as a hostile client meets it: malformed request lines, broken WebSocket frames,
 * odd Origins and Hosts, slow and oversized requests, traversal. After every case the host must still
 * serve the cashier's page and answer a snapshot: an in-process host that threw would fail the run.
 */

let terminal: InProcessTerminal;
let cashier: TestClient;
let port: number;
const token = (role: 'cashier' | 'display') => new URL(terminal.host.urls[role]).searchParams.get('token') ?? '';
const apiPath = (role: 'cashier' | 'display') => `/api?token=${token(role)}`;

async function expectStillServing(): Promise<void> {
  const page = await fetch(terminal.host.urls.cashier);
  expect(page.status).toBe(200);
  const snapshot = await cashier.command('getSnapshot', {});
  expect(snapshot).toMatchObject({ type: 'result', result: { ok: true } });
}

beforeAll(async () => {
  // Short timeouts so the slow-client cases end quickly; the rules are the same as in production.
  terminal = await startInProcessTerminal({}, { headersTimeoutMs: 400, requestTimeoutMs: 800, idleTimeoutMs: 800, connectionsPerAddress: 24 });
  port = terminal.host.port;
  cashier = await connect(terminal.host.urls.cashier.replace('http', 'ws').replace(/\/cashier\/\?/, '/api?'));
});

afterAll(async () => {
  cashier.close();
  await terminal.close();
});

// The proof after every hostile case: the page is served and a snapshot answered.
afterEach(async () => {
  await expectStillServing();
});

describe('malformed request lines and headers', () => {
  it('answers an upgrade whose request line is not a URL with 400, without a token (row 1)', async () => {
    const answer = await rawRequest(port, 'GET http://[/api HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it.each([
    ['a plain request whose target is not a URL', 'GET http://[/cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['binary garbage', '\x00\x01\x02\xff\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['an unknown HTTP version', 'GET /cashier/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n', /^HTTP\/1\.1 (400|505) /],
    ['a header line without a colon', 'GET /cashier/ HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['headers over the size limit', `GET /cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, /^HTTP\/1\.1 431 /],
    ['both Content-Length and Transfer-Encoding', 'POST /cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['a Host header with a CSP injection in it', 'GET /cashier/ HTTP/1.1\r\nHost: a; script-src *\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['no Host header at all', 'GET /cashier/ HTTP/1.0\r\n\r\n', /^HTTP\/1\.1 400 /],
    ['a method the host does not serve', 'DELETE /cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', /^HTTP\/1\.1 405 /],
  ])('answers %s with an error status', async (_name, bytes, status) => {
    expect(await rawRequest(port, bytes)).toMatch(status);
  });

  it('answers a URL with broken percent-encoding with 400, not a 500', async () => {
    expect(await rawRequest(port, 'GET /assets/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('WebSocket protocol errors from a display (row 2)', () => {
  const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
  it.each([
    ['a message over 1 MiB', frame({ opcode: 1, payload: big })],
    ['a reserved opcode', frame({ opcode: 3, payload: Buffer.from('x') })],
    ['an unmasked frame', frame({ opcode: 1, payload: Buffer.from('{}'), mask: false })],
    ['invalid UTF-8 in a text frame', frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) })],
    ['RSV1 set without an extension', frame({ opcode: 1, payload: Buffer.from('{}'), rsv1: true })],
    ['a length of 2^53', frame({ opcode: 2, claimedLength: 2n ** 53n })],
    ['a fragmented ping', frame({ opcode: 9, payload: Buffer.from('p'), fin: false })],
    ['close code 999', frame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) })],
    ['a continuation frame with nothing to continue', frame({ opcode: 0, payload: Buffer.from('x') })],
  ])('closes the connection on %s, and stays up', async (_name, bytes) => {
    const ws = await rawWebSocket(port, apiPath('display'), { Origin: `http://127.0.0.1:${port}` });
    ws.socket.write(bytes);
    await ws.closed;
  });
});

describe('odd Origins and Hosts (row 3)', () => {
  it.each([
    ['null', 'null'],
    ['another site', 'http://evil.example'],
    ['another port of this host', 'http://127.0.0.1:1'],
    ['a look-alike host', `http://127.0.0.1:${'9'.repeat(3)}.evil.example`],
    ['a file page', 'file://'],
    ['an unparsable origin', 'http://[::1'],
    ['a javascript: origin', 'javascript:alert(1)'],
  ])('refuses Origin %s even with the cashier token', async (_name, origin) => {
    const refused = await refusedHandshake(`ws://127.0.0.1:${port}${apiPath('cashier')}`, { origin });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/^Connections from ".*" are not allowed$/);
  });

  it('accepts the page served by this host as its origin', async () => {
    const display = await connect(`ws://127.0.0.1:${port}${apiPath('display')}`);
    display.close();
  });
});

describe('slow and idle clients (row 8)', () => {
  it('closes a connection that sends nothing', async () => {
    const idle = await rawConnect(port);
    await idle.closed;
  });

  it('closes a client that sends its headers a byte at a time and never finishes', async () => {
    const slow = await rawConnect(port);
    const request = 'GET /cashier/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';
    let sent = 0;
    const drip = setInterval(() => {
      if (!slow.socket.destroyed) slow.socket.write(request[sent % request.length] ?? 'a');
      sent += 1;
    }, 20);
    await slow.closed;
    clearInterval(drip);
    expect(slow.received().toString('latin1')).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('caps the sockets one address may hold open, so the cashier on another is still served', async () => {
    const flood = await Promise.all(Array.from({ length: 40 }, () => rawConnect(port, '127.0.0.2')));
    const refused = await Promise.all(flood.map((c) => c.waitFor('Too many connections')));
    expect(refused.filter((text) => text.includes('503 Service Unavailable')).length).toBeGreaterThanOrEqual(40 - 24);
    await expectStillServing();
    for (const c of flood) c.socket.destroy();
  });
});

describe('what a display connection is told (rows 9 and 10)', () => {
  it('never receives print jobs, device details or the cashier’s notes, only the sale as the customer sees it', async () => {
    const display = await connect(`ws://127.0.0.1:${port}${apiPath('display')}`);
    try {
      const printed = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (cashier.messages.some((m) => m.type === 'event' && m.event === 'print')) {
            clearInterval(check);
            resolve();
          }
        }, 10);
      });
      const test = await cashier.command('printTest', { page: 'test_qr' });
      expect(test).toMatchObject({ type: 'result', result: { ok: true } });
      await printed;
      const charged = await cashier.command('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'ORDER-SECRET-7' });
      expect(charged).toMatchObject({ result: { ok: true } });
      // Events reach a socket before any later answer on it: once this snapshot is back, nothing is in flight.
      const snapshot = await display.command('getSnapshot', {});
      const events = display.messages.filter((m): m is Extract<ServerMessage, { type: 'event' }> => m.type === 'event');
      expect(events.map((e) => e.event)).not.toContain('print');
      expect(events.map((e) => e.event)).not.toContain('devices');
      expect(JSON.stringify(display.messages)).not.toContain('ORDER-SECRET-7');
      expect(snapshot).toMatchObject({ result: { ok: true, value: { devices: null, lastPrint: null, payment: { orderRef: null, providerRef: null, notice: null } } } });
      const paymentIds = events.filter((e) => e.event === 'payment').map((e) => (e.payload as { payment: { id: string } | null }).payment?.id);
      expect(paymentIds).toContain((charged as { result: { value: { id: string } } }).result.value.id);
      const cancel = await cashier.command('cancel', { paymentId: (charged as { result: { value: { id: string } } }).result.value.id });
      expect(cancel).toMatchObject({ result: { ok: true } });
      await cashier.command('dismiss', { paymentId: (charged as { result: { value: { id: string } } }).result.value.id });
    } finally {
      display.close();
    }
  });

  it('does not tell one display that another arrived, and refuses one over the cap with a reason', async () => {
    const first = await connect(`ws://127.0.0.1:${port}${apiPath('display')}`);
    const others: TestClient[] = [];
    try {
      const before = first.messages.length;
      for (let i = 0; i < 7; i++) others.push(await connect(`ws://127.0.0.1:${port}${apiPath('display')}`));
      await first.command('getSnapshot', {});
      expect(first.messages.slice(before).filter((m) => m.type === 'event')).toEqual([]);
      const refused = await refusedHandshake(`ws://127.0.0.1:${port}${apiPath('display')}`);
      expect(refused).toEqual({ status: 503, body: '8 customer displays are already connected: close one, then reload this page' });
    } finally {
      first.close();
      for (const other of others) other.close();
    }
  });
});

describe('pages and traversal (rows 11 and 15)', () => {
  it.each([
    ['/assets/..%2fcashier%2findex.html', 400],
    ['/assets/..%2Fcashier%2Findex.html', 400],
    ['/assets/%2e%2e%2fcashier%2findex.html', 400],
    ['/assets/..%5ccashier%5cindex.html', 400],
    ['/assets/..%252fcashier%252findex.html', 404],
    ['/assets/x%00.js', 400],
    ['/cashier%2findex.html', 400],
    ['/cashier/..%2f..%2fpackage.json', 400],
    ['/assets/../../package.json', 404],
    ['/%2e%2e/%2e%2e/package.json', 404],
    ['/assets/index.html', 404],
    ['/cashier/index.html', 401],
    ['/cashier//', 404],
  ])('refuses %s without the cashier page (%i)', async (path, status) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it('opens the cashier page only with the cashier token, even when the path climbs from the display’s', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/display/../cashier/?token=${token('display')}`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/display/?token=${token('display')}`)).status).toBe(200);
  });

  it('lets pages connect only to this host’s own WebSocket', async () => {
    const page = await fetch(terminal.host.urls.display);
    const csp = page.headers.get('content-security-policy') ?? '';
    const connectSrc = /connect-src ([^;]*)/.exec(csp)?.[1];
    expect(connectSrc).toBe(`'self' ws://127.0.0.1:${port}`);
    const built = readFileSync(join(PAGES_DIR, 'cashier', 'index.html'), 'utf8');
    expect(/connect-src ([^;"]*)/.exec(built)?.[1]).toBe("'self'");
  });
});

describe('floods and dead peers', () => {
  it('closes a connection that sends far more messages than a screen does', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${apiPath('display')}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<[number, string]>((resolve) => ws.once('close', (code, reason) => resolve([code, reason.toString()])));
    for (let i = 0; i < 1000; i++) ws.send('{}');
    expect(await closed).toEqual([1008, 'Too many messages: at most 50 a second']);
  });
});


describe('dead peers and piled-up commands', () => {
  it('disconnects a screen that stops answering pings', async () => {
    const quick = await startWebHost({ api: terminal.service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log: terminal.log, limits: { heartbeatMs: 50 } });
    try {
      const url = quick.urls.display.replace('http', 'ws').replace(/\/display\/\?/, '/api?');
      const silent = new WebSocket(url, { autoPong: false });
      await new Promise((resolve) => silent.once('open', resolve));
      const code = await new Promise<number>((resolve) => silent.once('close', (c) => resolve(c)));
      expect(code).toBe(1006);
      await expect.poll(() => quick.sessions()).toEqual({ cashier: 0, display: 0 });
    } finally {
      await quick.close();
    }
  });

  it('answers "busy" past 16 unanswered commands on one connection, and the rest once they are done', async () => {
    const release: (() => void)[] = [];
    const slow: TerminalApi = {
      dispatch: () => new Promise((resolve) => release.push(() => resolve({ ok: true, value: null }))),
      subscribe: () => () => undefined,
      attachScreen: () => () => undefined,
      close: () => Promise.resolve(),
    };
    const host = await startWebHost({ api: slow, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log: terminal.log });
    try {
      const ws = new WebSocket(host.urls.cashier.replace('http', 'ws').replace(/\/cashier\/\?/, '/api?'));
      await new Promise((resolve) => ws.once('open', resolve));
      const answers = new Map<number, ServerMessage>();
      const answered = (count: number) =>
        new Promise<void>((resolve) => {
          const check = () => (answers.size >= count ? resolve() : ws.once('message', (data: Buffer) => {
            const message = JSON.parse(data.toString()) as ServerMessage;
            if (message.type === 'result') answers.set(message.id, message);
            check();
          }));
          check();
        });
      for (let id = 1; id <= 17; id++) ws.send(JSON.stringify({ type: 'command', id, command: 'getSnapshot', args: {} }));
      await answered(1);
      expect(answers.get(17)).toMatchObject({ result: { ok: false, error: { code: 'rate_limited', message: expect.stringContaining('still working on 16 commands') } } });
      expect(release).toHaveLength(16);
      for (const done of release) done();
      await answered(17);
      expect([...answers.values()].filter((m) => m.type === 'result' && m.result.ok)).toHaveLength(16);
      ws.close();
    } finally {
      await host.close();
    }
  });
});
