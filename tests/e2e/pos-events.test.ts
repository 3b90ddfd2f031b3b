import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { createPosClient, type PosEvent } from '../../tools/pos-client';
import { verifyWebhook } from '../../tools/pos-client/verify-webhook';
import { launchChromium } from '../support/chromium';
import { openScreens, scanDisplay, type Screens } from '../support/screens';
import { startServe, type ServeProcess } from '../support/serve-process';
import { connect } from '../support/ws-client';

/*
 * A till on the same machine follows its checkouts through the real headless host (`npm run serve`'s
 * entry point) with the reference client: the SSE stream, a resume by Last-Event-ID across a restart
 * of the host, and a signed webhook retried while the till is down. Providers are the simulators.
 */

const SECRET = 'skey_test_posEventsSECRET7';
/** The test host's webhook retry base (QR_TERMINAL_POS_WEBHOOK_RETRY_MS): retries in ms, not seconds, so none is waited for by a sleep. */
const RETRY_MS = '20';
let opn: OpnSimulator;
let dir: string;
/** The host: with the demo simulators (demo, orangepill), or with Opn's simulator, which outlives a restart of the host. */
let config: string;
let data: string;
let serve: ServeProcess | undefined;
let api: string;
let key: string;
let browser: Browser | undefined;
let screens: Screens | undefined;
const streams: AbortController[] = [];
const servers: Server[] = [];

const start = async (): Promise<ServeProcess> => {
  const started = await startServe(['--config', config, '--data', data], 20_000, { QR_TERMINAL_POS_WEBHOOK_RETRY_MS: RETRY_MS });
  serve = started;
  api = /^POS API: (http:\/\/127\.0\.0\.1:\d+)\/v1\/ /m.exec(started.stdout())?.[1] ?? '';
  expect(api).not.toBe('');
  return started;
};

/** A host of its own, with its data folder and a key for Till 2. */
async function host(name: string, settings: Record<string, unknown>): Promise<ServeProcess> {
  await serve?.stop();
  config = join(dir, `${name}.json`);
  data = join(dir, name);
  writeFileSync(config, JSON.stringify({ posApi: { enabled: true, port: 0 }, ...settings }), { mode: 0o600 });
  const started = await start();
  key = (await cashier<{ key: string }>('createPosClient', { name: 'Till 2', scopes: ['charge'] })).key;
  return started;
}

/** One command over the cashier's API, as the cashier screen sends it. */
async function cashier<T>(command: string, args: unknown): Promise<T> {
  const url = new URL(serve?.cashierUrl ?? '');
  const ws = await connect(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`);
  try {
    const answer = await ws.command(command, args);
    if (answer.type !== 'result' || !answer.result.ok) throw new Error(`${command}: ${JSON.stringify(answer)}`);
    return answer.result.value as T;
  } finally {
    ws.close();
  }
}

beforeAll(async () => {
  opn = await startOpnSimulator({ secretKey: SECRET });
  dir = mkdtempSync(join(tmpdir(), 'pos-events-e2e-'));
});

afterAll(async () => {
  for (const s of streams) s.abort();
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await screens?.close();
  await browser?.close();
  await serve?.stop();
  await opn?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The till's event stream through the reference client, collected as it arrives. */
function follow(lastEventId?: string): { readonly events: PosEvent[]; readonly stop: () => void } {
  const abort = new AbortController();
  streams.push(abort);
  const events: PosEvent[] = [];
  const client = createPosClient({ baseUrl: api, key });
  void (async () => {
    for await (const event of client.events({ signal: abort.signal, ...(lastEventId === undefined ? {} : { lastEventId }), })) events.push(event);
  })().catch(() => undefined);
  return { events, stop: () => abort.abort() };
}

const of = (events: readonly PosEvent[], id: string): Checkout[] => events.filter((e) => e.type === 'checkout.updated').map((e) => e.data as Checkout).filter((c) => c.id === id);
const statuses = (events: readonly PosEvent[], id: string): string[] => of(events, id).map((c) => c.status);

describe('a till following its checkouts through the real host', () => {
  it('sees the QR on the customer display, then the paid event on its stream, and GET says paid', async () => {
    browser = await launchChromium();
    const { cashierUrl, displayUrl } = await host('demo', {});
    screens = await openScreens(browser, { cashier: cashierUrl, display: displayUrl });
    const stream = follow('0');
    const pos = createPosClient({ baseUrl: api, key });
    const checkout = (await pos.createCheckout({ amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'TABLE-4' })) as Checkout;
    expect(checkout.status).toBe('awaiting_customer');
    await screens.display.locator('[data-testid="qr"]').waitFor();
    expect(await scanDisplay(screens.display)).toBe(checkout.qr?.payload);
    await expect.poll(() => statuses(stream.events, checkout.id)).toContain('awaiting_customer');

    await cashier('demoSimulate', { paymentId: checkout.provider.paymentId, outcome: 'paid' });
    await expect.poll(() => statuses(stream.events, checkout.id).at(-1)).toBe('paid');
    expect(((await pos.getCheckout(checkout.id)) as Checkout).status).toBe('paid');
    stream.stop();
    await screens.close();
    screens = undefined;
    await cashier('dismiss', { paymentId: checkout.provider.paymentId });
  });

  it('reports a partly paid Orangepill request honestly: never cancelled, then needs attention with the money to give back', async () => {
    const stream = follow('0');
    const pos = createPosClient({ baseUrl: api, key });
    const checkout = (await pos.createCheckout({ amount: { minor: 2000, currency: 'SGD' }, method: 'orangepill', reference: 'ORDER-9' })) as Checkout;
    await cashier('demoSimulate', { paymentId: checkout.provider.paymentId, outcome: 'partial' });
    await expect.poll(() => statuses(stream.events, checkout.id).at(-1)).toBe('partly_paid');
    await expect(pos.cancel(checkout.id)).rejects.toMatchObject({ status: 409, code: 'money_received' });
    await cashier('cancel', { paymentId: checkout.provider.paymentId, moneyReceived: 'to_return' });
    await expect.poll(() => statuses(stream.events, checkout.id).at(-1)).toBe('needs_attention');
    expect(statuses(stream.events, checkout.id)).not.toContain('cancelled');
    expect(of(stream.events, checkout.id).at(-1)?.attention).toMatch(/given back/);
    stream.stop();
    await cashier('dismiss', { paymentId: checkout.provider.paymentId });
  });

  it('resumes by Last-Event-ID after the host restarts mid-checkout: the final event once, no gap', async () => {
    const first = await host('opn', { providers: { opn: { secretKey: SECRET, baseUrl: opn.baseUrl } } });
    const stream = follow('0');
    const pos = createPosClient({ baseUrl: api, key });
    const checkout = (await pos.createCheckout({ amount: { minor: 2500, currency: 'SGD' }, method: 'atome', reference: 'ORDER-10' })) as Checkout;
    await expect.poll(() => statuses(stream.events, checkout.id)).toContain('awaiting_customer');
    const lastSeen = Number(stream.events.at(-1)?.id);
    stream.stop();
    first.child.kill('SIGKILL');
    await first.stop();
    // The customer pays while the terminal is down.
    expect(opn.settle(checkout.provider.providerRef ?? '', 'paid').ok).toBe(true);

    await start();
    const resumed = follow(String(lastSeen));
    await expect.poll(() => statuses(resumed.events, checkout.id).at(-1), { timeout: 15_000 }).toBe('paid');
    const ids = resumed.events.map((e) => Number(e.id));
    expect(ids).toEqual(ids.map((_, i) => lastSeen + 1 + i));
    expect(statuses(resumed.events, checkout.id).filter((s) => s === 'paid')).toHaveLength(1);
    expect(((await createPosClient({ baseUrl: api, key }).getCheckout(checkout.id)) as Checkout).status).toBe('paid');
    resumed.stop();
    await cashier('dismiss', { paymentId: checkout.provider.paymentId });
  });

  it('runs the walkthrough’s curl -N: the events arrive, and Last-Event-ID resumes after the one given', async () => {
    await host('curl', {});
    const curl = (...extra: string[]): { readonly out: () => string; readonly stop: () => void } => {
      let out = '';
      const child = spawn('curl', ['-sN', '-H', `Authorization: Bearer ${key}`, ...extra, `${api}/v1/events`], { stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      return { out: () => out, stop: () => void child.kill() };
    };
    const live = curl();
    await expect.poll(() => live.out()).toContain(': connected');
    const checkout = (await createPosClient({ baseUrl: api, key }).createCheckout({ amount: { minor: 900, currency: 'SGD' }, method: 'demo', reference: 'TABLE-9' })) as Checkout;
    await cashier('demoSimulate', { paymentId: checkout.provider.paymentId, outcome: 'paid' });
    await expect.poll(() => live.out()).toContain('"status":"paid"');
    live.stop();
    const ids = [...live.out().matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const resumed = curl('-H', `Last-Event-ID: ${String(ids[0])}`);
    await expect.poll(() => resumed.out()).toContain('"status":"paid"');
    resumed.stop();
    expect([...resumed.out().matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(ids.slice(1));
    await cashier('dismiss', { paymentId: checkout.provider.paymentId });
  });

  it('signs a webhook the reference client verifies, and delivers it by retries once the till is back', async () => {
    await host('webhook', {});
    // The till's receiver is down: its port is known, nothing listens on it yet.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as AddressInfo;
        probe.close(() => resolve(p));
      });
    });
    const call = (method: string, body?: unknown) =>
      fetch(`${api}/v1/webhook`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const registered = (await (await call('PUT', { url: `http://127.0.0.1:${port}/pos-events` })).json()) as { secret: string };
    const pos = createPosClient({ baseUrl: api, key });
    const checkout = (await pos.createCheckout({ amount: { minor: 500, currency: 'SGD' }, method: 'demo', reference: 'TABLE-7' })) as Checkout;
    await expect.poll(async () => ((await (await call('GET')).json()) as { failedAttempts: number }).failedAttempts, { interval: 100 }).toBeGreaterThanOrEqual(2);
    expect(((await (await call('GET')).json()) as { lastError: string }).lastError).toMatch(/^Try \d+ of event \d+ failed/);

    const got: { headers: IncomingMessage['headers']; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => (got.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    servers.push(receiver);
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    await expect.poll(() => got.some((g) => ((JSON.parse(g.body) as PosEvent).data as Checkout).id === checkout.id)).toBe(true);
    for (const delivery of got) expect(verifyWebhook(delivery.headers, delivery.body, registered.secret)).toMatchObject({ ok: true });
    expect(verifyWebhook(got[0]!.headers, got[0]!.body.replace('TABLE-7', 'TABLE-8'), registered.secret)).toMatchObject({ ok: false, reason: 'bad_signature' });
    await expect.poll(async () => ((await (await call('GET')).json()) as { failedAttempts: number }).failedAttempts).toBe(0);
    await pos.cancel(checkout.id);
  });
});
