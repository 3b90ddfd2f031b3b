import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog, type EventLog } from '../../electron/service/pos-api/events/event-log';
import { createWebhookDispatcher, type RetryPolicy, type WebhookDispatcher } from '../../electron/service/pos-api/webhooks/webhook-dispatcher';
import { createReplayGuard, verifyWebhook } from '../../tools/pos-client';
import { ManualClock, T0 } from '../support/engine-harness';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 2000, maxDelayMs: 16_000, timeoutMs: 5000 };
let dir: string;
let db: Database.Database;
let clock: ManualClock;
let log: EventLog;
let dispatcher: WebhookDispatcher;
let pos: WebhookReceiver;
let gaveUp: { clientId: string; eventId: string; reason: string }[];

function boot(): void {
  db = openPosEventDatabase(join(dir, 'pos-events.sqlite3'));
  log = createEventLog(db, { clock });
  gaveUp = [];
  dispatcher = createWebhookDispatcher({ db, log, clock, retry: RETRY, random: () => 0.5, onGiveUp: (g) => gaveUp.push(g) });
  dispatcher.start();
}

function register(url = pos.url): string {
  const registered = dispatcher.register('till-2', url);
  if (!registered.ok) throw new Error(registered.message);
  return registered.secret;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-webhooks-'));
  clock = new ManualClock(T0);
  pos = await startReceiver();
  boot();
});
afterEach(async () => {
  dispatcher.stop();
  await pos.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const eventIds = (): string[] => pos.received.map((r) => String(r.headers['pos-webhook-id']));

describe('POS webhooks', () => {
  it('POSTs each event in order, signed so the reference client verifies it, and shows the secret once', async () => {
    log.append('checkout.updated', { id: 'before registration' });
    const secret = register();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(dispatcher.endpoint('till-2'))).not.toContain(secret);
    log.append('checkout.updated', { id: 'chk_1', status: 'awaiting_customer' });
    log.append('checkout.updated', { id: 'chk_1', status: 'paid' });
    await expect.poll(() => pos.received.length).toBe(2);
    expect(eventIds()).toEqual(['2', '3']);
    const [first] = pos.received;
    expect(first!.headers).toMatchObject({ 'content-type': 'application/json', 'pos-webhook-timestamp': String(T0 / 1000) });
    expect(first!.headers['pos-webhook-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    const verified = verifyWebhook(first!.headers, first!.body, secret, { now: T0 / 1000, replay: createReplayGuard() });
    expect(verified).toEqual({ ok: true, id: '2', timestamp: T0 / 1000, event: { id: '2', type: 'checkout.updated', created: new Date(T0).toISOString(), data: { id: 'chk_1', status: 'awaiting_customer' } } });
    expect(verifyWebhook(first!.headers, first!.body.replace('awaiting_customer', 'paid'), secret, { now: T0 / 1000 })).toMatchObject({ ok: false, reason: 'bad_signature' });
    await expect.poll(() => dispatcher.endpoint('till-2')?.cursor).toBe(3);
  });

  it('passes over pages of events the client may not see (other tills\' checkouts) and delivers the next one it may', async () => {
    dispatcher.stop();
    dispatcher = createWebhookDispatcher({ db, log, clock, retry: RETRY, random: () => 0.5, visible: (_client, event) => (event.data as { till: number }).till === 2 });
    dispatcher.start();
    register();
    for (let n = 0; n < 450; n++) log.append('checkout.updated', { till: 3, n });
    log.append('checkout.updated', { till: 2, n: 450 });
    // Each page of others' events is passed over on a zero-delay timer of the dispatcher's clock.
    await expect
      .poll(async () => {
        await clock.advance(0);
        return pos.received.length;
      })
      .toBe(1);
    expect(JSON.parse(pos.received[0]!.body)).toMatchObject({ id: '451', data: { till: 2 } });
    await expect.poll(() => dispatcher.endpoint('till-2')?.cursor).toBe(451);
    expect(dispatcher.endpoint('till-2')?.attempts).toBe(0);
  });

  it('retries a 5xx with backoff, keeps the order, and re-signs each try with its own timestamp', async () => {
    register();
    pos.script(500, 503);
    log.append('checkout.updated', { n: 1 });
    log.append('checkout.updated', { n: 2 });
    await expect.poll(() => dispatcher.endpoint('till-2')?.attempts).toBe(1);
    // Equal jitter with random 0.5: three quarters of 2 s, then of 4 s.
    expect(dispatcher.endpoint('till-2')).toMatchObject({ nextAt: T0 + 1500, lastError: 'Try 1 of event 1 failed: the POS answered HTTP 500.' });
    await clock.advance(1499);
    expect(pos.received).toHaveLength(1);
    await clock.advance(1);
    await expect.poll(() => dispatcher.endpoint('till-2')?.attempts).toBe(2);
    expect(dispatcher.endpoint('till-2')?.nextAt).toBe(T0 + 1500 + 3000);
    await clock.advance(3000);
    await expect.poll(() => eventIds()).toEqual(['1', '1', '1', '2']);
    const stamps = pos.received.map((r) => Number(r.headers['pos-webhook-timestamp']) - T0 / 1000);
    expect(stamps).toEqual([0, 1, 4, 4]);
    expect(new Set(pos.received.slice(0, 3).map((r) => r.headers['pos-webhook-signature'])).size).toBe(3);
    expect(dispatcher.endpoint('till-2')).toMatchObject({ cursor: 2, attempts: 0, lastError: null });
  });

  it('gives up a POS that hangs after the timeout, then tries again', async () => {
    register();
    pos.script('hang');
    log.append('checkout.updated', {});
    await expect.poll(() => pos.received.length).toBe(1);
    await clock.advance(4999);
    expect(dispatcher.endpoint('till-2')?.attempts).toBe(0);
    await clock.advance(1);
    await expect.poll(() => dispatcher.endpoint('till-2')?.lastError).toBe('Try 1 of event 1 failed: the POS did not answer within 5 s.');
    await clock.advance(1500);
    await expect.poll(() => dispatcher.endpoint('till-2')?.cursor).toBe(1);
    expect(pos.received).toHaveLength(2);
  });

  it('takes a 2xx status as delivered without waiting for a body that never ends', async () => {
    register();
    pos.script('stall');
    log.append('checkout.updated', { n: 1 });
    await expect.poll(() => dispatcher.endpoint('till-2')?.cursor).toBe(1);
    expect(dispatcher.endpoint('till-2')).toMatchObject({ attempts: 0, lastError: null });
  });

  it('does not follow a redirect (to metadata or anywhere): it is a failed try', async () => {
    register();
    const elsewhere = await startReceiver();
    pos.script({ redirect: 'http://169.254.169.254/latest/meta-data/' }, { redirect: elsewhere.url });
    log.append('checkout.updated', {});
    await expect.poll(() => dispatcher.endpoint('till-2')?.lastError).toMatch(/redirect \(HTTP 302\); webhooks do not follow redirects/);
    await clock.advance(1500);
    await expect.poll(() => dispatcher.endpoint('till-2')?.attempts).toBe(2);
    expect(elsewhere.received).toHaveLength(0);
    await elsewhere.close();
  });

  it('after maxAttempts gives the event up, says so, and delivers the next one', async () => {
    register();
    pos.script(500, 500, 500, 500);
    log.append('checkout.updated', { n: 1 });
    log.append('checkout.updated', { n: 2 });
    for (const wait of [1500, 3000, 6000]) {
      await expect.poll(() => dispatcher.endpoint('till-2')?.nextAt).toBe(clock.now() + wait);
      await clock.advance(wait);
    }
    await expect.poll(() => eventIds()).toEqual(['1', '1', '1', '1', '2']);
    expect(gaveUp).toEqual([{ clientId: 'till-2', eventId: '1', reason: 'the POS answered HTTP 500' }]);
  });

  it('keeps trying while the POS is down, across a terminal restart, and delivers once it is back', async () => {
    const port = pos.port;
    const secret = register();
    await pos.close();
    log.append('checkout.updated', { n: 1 });
    await expect.poll(() => dispatcher.endpoint('till-2')?.lastError).toMatch(/could not be reached \(.*ECONNREFUSED/);
    dispatcher.stop();
    db.close();

    clock = new ManualClock(T0 + 60_000);
    pos = await startReceiver(port);
    boot();
    // What the file kept: one failed try of event 1, due long ago, so it goes at once.
    expect(dispatcher.endpoint('till-2')).toMatchObject({ attempts: 1, cursor: 0, nextAt: T0 + 1500 });
    await expect.poll(() => eventIds()).toEqual(['1']);
    await expect.poll(() => dispatcher.endpoint('till-2')).toMatchObject({ attempts: 0, cursor: 1, lastError: null });
    expect(verifyWebhook(pos.received[0]!.headers, pos.received[0]!.body, secret, { now: (T0 + 60_000) / 1000 }).ok).toBe(true);
  });

  it('records nothing of a try that ends after the client re-registered', async () => {
    register();
    pos.script('hang');
    log.append('checkout.updated', {});
    await expect.poll(() => pos.received.length).toBe(1);
    dispatcher.unregister('till-2');
    await clock.advance(5000);
    expect(dispatcher.endpoint('till-2')).toBeNull();
  });

  it('keeps going, and loses nothing, when the events file cannot record a delivery', async () => {
    register();
    log.append('checkout.updated', { n: 1 });
    pos.script('hang');
    await expect.poll(() => pos.received.length).toBe(1);
    db.pragma('query_only = ON');
    await clock.advance(5000);
    db.pragma('query_only = OFF');
    expect(dispatcher.endpoint('till-2')).toMatchObject({ cursor: 0, attempts: 0 });
    await clock.advance(RETRY.maxDelayMs);
    await expect.poll(() => dispatcher.endpoint('till-2')?.cursor).toBe(1);
    expect(eventIds()).toEqual(['1', '1']);
  });

  it('survives a retry falling due while the events file cannot be read', async () => {
    register();
    pos.script(500);
    log.append('checkout.updated', {});
    await expect.poll(() => dispatcher.endpoint('till-2')?.attempts).toBe(1);
    const stopped = db;
    db = openPosEventDatabase(join(dir, 'spare.sqlite3'));
    stopped.close();
    await expect(clock.advance(1500)).resolves.toBeUndefined();
    expect(pos.received).toHaveLength(1);
  });
});
