import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PairedDisplays } from '../../app/ipc/pairing-schemas';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import type { PairingLimits } from '../../electron/service/pairing/pairing-requests';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { openPairing, type PairingSocket } from '../support/pairing-client';
import { PAGES_DIR } from '../support/paths';
import { run, valueOf } from '../support/terminal-clients';
import { connect, refusedHandshake, type TestClient } from '../support/ws-client';

/*
 * What a LAN neighbour, a broken page or a display that wants more can send to pairing: each is
 * answered with a reason and changes nothing. Every test runs its own host on its own data folder.
 */

let dataDir: string | null = null;
let running: { service: TerminalService; host: WebHost } | null = null;
const sockets: (TestClient | PairingSocket)[] = [];

async function start(limits: Partial<PairingLimits> = {}, keep = true): Promise<{ service: TerminalService; host: WebHost }> {
  const log = createLogger(() => undefined);
  dataDir ??= keep ? mkdtempSync(join(tmpdir(), 'pairing-hostile-')) : null;
  const service = await createTerminalService({ settings: settingsSchema.parse({}), log, ...(dataDir === null ? {} : { dataDir }), pairingLimits: limits });
  const host = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log, pairing: service.pairing });
  running = { service, host };
  return running;
}
async function stop(): Promise<void> {
  for (const s of sockets.splice(0)) {
    if ('close' in s) s.close();
    else s.ws.close();
  }
  if (running !== null) {
    await running.host.close();
    await running.service.close();
    running = null;
  }
}
afterEach(async () => {
  await stop();
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';
const apiUrl = (host: WebHost, token: string) => `ws://127.0.0.1:${String(host.port)}/api?token=${token}`;
async function client(host: WebHost, token: string): Promise<TestClient> {
  const c = await connect(apiUrl(host, token));
  sockets.push(c);
  return c;
}
function pairingSocket(host: WebHost, headers: Record<string, string> = {}): PairingSocket {
  const p = openPairing(host.port, headers);
  sockets.push(p);
  return p;
}

describe('pairing codes a neighbour cannot flood or guess', () => {
  it('refuses a wrong code, then pauses approving after five, even for the right one', async () => {
    const { host } = await start();
    const cashier = await client(host, tokenOf(host.urls.cashier));
    const pairing = pairingSocket(host);
    const code = (await pairing.code) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await run(cashier, 'approveDisplay', { code: wrong, name: 'Tablet' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', message: `No display is showing the code ${wrong}: check the code on the display (it changes every 120 seconds)` },
    });
    for (let i = 0; i < 4; i++) await run(cashier, 'approveDisplay', { code: wrong, name: 'Tablet' });
    expect(await run(cashier, 'approveDisplay', { code, name: 'Tablet' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', message: 'Too many wrong pairing codes: pairing is paused for 10 minutes' },
    });
    expect(valueOf<PairedDisplays>(await run(cashier, 'listDisplays')).displays).toEqual([]);
    expect(pairing.messages.map((m) => m.type)).toEqual(['pairing_code']);
  });

  it('lets a code die fast: the display is told, and the code no longer pairs', async () => {
    const { host } = await start({ codeTtlMs: 150 });
    const cashier = await client(host, tokenOf(host.urls.cashier));
    const pairing = pairingSocket(host);
    const code = await pairing.code;
    expect(await pairing.closed).toEqual({ code: 4408, reason: 'The code expired' });
    expect(await run(cashier, 'approveDisplay', { code, name: 'Tablet' })).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/^No display is showing the code/) as unknown } });
  });

  it('holds one code per address, a few new ones a minute, and a few in all', async () => {
    const { host } = await start({ requestsPerSourcePerMinute: 3 });
    const first = pairingSocket(host);
    expect(await first.code).toMatch(/^\d{6}$/);
    const second = pairingSocket(host);
    expect(await second.code).toBeNull();
    expect(await second.closed).toEqual({ code: 4429, reason: 'This address already has a pairing code waiting: use the code shown, or close that page first' });
    // Before it closes, the page is told why in words it can say in the display's languages.
    expect(second.messages).toEqual([{ type: 'pairing_refused', why: 'already_waiting', languages: ['en'] }]);
    first.ws.close();
    await first.closed;
    const third = pairingSocket(host);
    expect(await third.code).toMatch(/^\d{6}$/);
    third.ws.close();
    await third.closed;
    // Three requests this minute (the refused one counted): the next is refused until the minute passes.
    const fourth = pairingSocket(host);
    expect(await fourth.closed).toEqual({ code: 4429, reason: 'Too many pairing requests from this address: wait a minute, then reload the page' });
    expect(fourth.messages).toEqual([{ type: 'pairing_refused', why: 'too_many_requests', languages: ['en'] }]);
  });

  it('keeps at most a few codes alive from everyone', async () => {
    const { host } = await start({ pendingPerSource: 10, pendingTotal: 2, requestsPerSourcePerMinute: 10 });
    const held = [pairingSocket(host), pairingSocket(host)];
    for (const p of held) expect(await p.code).toMatch(/^\d{6}$/);
    const refused = pairingSocket(host);
    expect(await refused.closed).toEqual({ code: 4429, reason: 'Too many displays are waiting to be paired: try again in a few minutes' });
    expect(refused.messages).toEqual([{ type: 'pairing_refused', why: 'too_many_waiting', languages: ['en'] }]);
  });

  it('shows an unpaired display no sale, and hangs up on one that sends anything', async () => {
    const { host } = await start();
    const cashier = await client(host, tokenOf(host.urls.cashier));
    const pairing = pairingSocket(host);
    await pairing.code;
    // A display with a link, watching: once it has the sale, the unpaired one has had every chance to.
    const watcher = await client(host, tokenOf(host.urls.display));
    valueOf(await run(cashier, 'charge', { amount: { minor: 4321, currency: 'SGD' }, method: 'demo' }));
    await expect.poll(() => JSON.stringify(watcher.messages).includes('4321')).toBe(true);
    pairing.ws.send(JSON.stringify({ type: 'command', id: 1, command: 'getSnapshot', args: {} }));
    expect(await pairing.closed).toEqual({ code: 1008, reason: 'An unpaired display sends nothing' });
    expect(pairing.messages.map((m) => m.type)).toEqual(['pairing_code']);
    expect(JSON.stringify(pairing.messages)).not.toContain('4321');
  });

  it('refuses a pairing socket from another site', async () => {
    const { host } = await start();
    const refused = await refusedHandshake(`ws://127.0.0.1:${String(host.port)}/api/pair`, { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
  });
});

describe('a display cannot pair itself or act', () => {
  it('refuses the display role every pairing command, and the code stays usable', async () => {
    const { host } = await start();
    const display = await client(host, tokenOf(host.urls.display));
    const pairing = pairingSocket(host);
    const code = await pairing.code;
    for (const [command, args] of [
      ['approveDisplay', { code, name: 'Me' }],
      ['listDisplays', {}],
      ['revokeDisplay', { id: 'abc' }],
    ] as const) {
      expect(await run(display, command, args)).toEqual({ ok: false, error: { code: 'forbidden', message: `The customer display may not run ${command}` } });
    }
    const cashier = await client(host, tokenOf(host.urls.cashier));
    expect(valueOf<PairedDisplays>(await run(cashier, 'approveDisplay', { code, name: 'Tablet' })).displays).toHaveLength(1);
  });

  it.each([
    [{ code: '12345', name: 'Tablet' }, 'code must be the 6-digit code shown on the display'],
    [{ code: 123456, name: 'Tablet' }, 'code must be the code shown on the display (digits)'],
    [{ code: '123456', name: 'x'.repeat(41) }, 'name must be at most 40 characters'],
    [{ code: '123456', name: '   ' }, 'name must not be empty: name the display, e.g. "Counter tablet"'],
    [{ code: '123456', name: 'Tab\u0000let' }, 'name may not hold control or formatting characters'],
    [{ code: '123456', name: 'Tab\u202elet' }, 'name may not hold control or formatting characters'],
    [{ code: '123456', name: 'Tablet', token: 'mine' }, 'unexpected field(s) token'],
  ])('refuses %j with a sentence naming the field', async (args, message) => {
    const { host } = await start();
    const cashier = await client(host, tokenOf(host.urls.cashier));
    expect(await run(cashier, 'approveDisplay', args)).toMatchObject({ ok: false, error: { code: 'invalid_args', message: `approveDisplay: ${message}` } });
    expect(await run(cashier, 'revokeDisplay', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid_args', message: 'revokeDisplay: id must be a display id' } });
  });
});

describe('the kiosk cashier link', () => {
  it('is made once, kept hashed across a restart, and replaced on request', async () => {
    let { service, host } = await start();
    const token = service.pairing.makeCashierLink(false) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(service.pairing.makeCashierLink(false)).toBeNull();
    await stop();
    ({ service, host } = await start());
    const kiosk = await client(host, token);
    expect(await run(kiosk, 'listDisplays')).toMatchObject({ ok: true });
    const renewed = service.pairing.makeCashierLink(true) ?? '';
    expect(renewed).not.toBe(token);
    expect((await refusedHandshake(apiUrl(host, token))).status).toBe(401);
    expect(await run(await client(host, renewed), 'listDisplays')).toMatchObject({ ok: true });
  });

  it('is not made in memory mode, where displays still pair for this run only', async () => {
    const { service, host } = await start({}, false);
    expect(service.pairing.makeCashierLink(true)).toBeNull();
    const cashier = await client(host, tokenOf(host.urls.cashier));
    const pairing = pairingSocket(host);
    const listed = valueOf<PairedDisplays>(await run(cashier, 'approveDisplay', { code: await pairing.code, name: 'Tablet' }));
    expect(listed).toMatchObject({ kept: false, canPair: true });
  });
});
