import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup } from '../../electron/service/pos-api/webhooks/guarded-lookup';
import { backoffMs, DEFAULT_RETRY } from '../../electron/service/pos-api/webhooks/webhook-dispatcher';
import { signatureHeader } from '../../electron/service/pos-api/webhooks/webhook-post';
import { checkWebhookUrl } from '../../electron/service/pos-api/webhooks/webhook-url';
import { createReplayGuard, signWebhook, verifyWebhook } from '../../tools/pos-client';

describe('webhook URLs a POS may register', () => {
  it.each(['https://till.example/pos-events', 'https://192.168.1.30:8443/hook', 'http://127.0.0.1:9000/hook', 'http://localhost/hook', 'http://[::1]:9000/x', 'https://10.0.0.5/x'])(
    'accepts %s',
    (url) => expect(checkWebhookUrl(url).ok).toBe(true),
  );

  it.each([
    ['http://192.168.1.30/hook', /must use https:\/\/ unless it is on this machine/],
    ['http://till.example/hook', /must use https:\/\//],
    ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254: it is a link-local address/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://[::ffff:169.254.169.254]/', /link-local/],
    ['https://[::ffff:a9fe:a9fe]/', /link-local/],
    ['https://[fe80::1]/', /link-local/],
    ['https://0xa9fea9fe/', /169\.254\.169\.254: it is a link-local address/],
    ['https://2852039166/', /link-local/],
    ['https://0251.0376.0251.0376/', /link-local/],
    ['https://[fd00:ec2::254]/', /cloud metadata/],
    ['https://metadata.google.internal/computeMetadata/v1/', /cloud metadata service/],
    ['https://0.0.0.0/', /unspecified/],
    ['https://224.0.0.1/', /multicast/],
    ['https://255.255.255.255/', /broadcast/],
    ['ftp://till.example/', /must start with https:\/\/ \(got ftp:\)/],
    ['file:///etc/passwd', /must start with https:\/\//],
    ['https://user:pass@till.example/', /must not carry a user name or password/],
    ['not a url', /is not a URL/],
    [`https://till.example/${'a'.repeat(3000)}`, /at most 2048 characters/],
  ])('refuses %s with a sentence', (url, message) => {
    const checked = checkWebhookUrl(url);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });
});

describe('the delivery-time DNS guard', () => {
  const resolving =
    (...addresses: string[]) =>
    (_host: string, done: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void): void =>
      done(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  const ask = (lookup: ReturnType<typeof guardedLookup>, all = false): Promise<unknown> =>
    new Promise((resolve, reject) => lookup('till.example', { all }, (error, address) => (error === null ? resolve(address) : reject(error))));

  it('refuses a name that resolves to a metadata or link-local address, even among good ones', async () => {
    await expect(ask(guardedLookup(false, resolving('192.168.1.30', '169.254.169.254')))).rejects.toThrow(/till\.example resolves to 169\.254\.169\.254, a link-local address/);
    await expect(ask(guardedLookup(false, resolving('fe80::1')))).rejects.toThrow(/link-local/);
  });

  it('keeps plain http on this machine', async () => {
    await expect(ask(guardedLookup(true, resolving('192.168.1.30')))).rejects.toThrow(/not this machine/);
    await expect(ask(guardedLookup(true, resolving('127.0.0.1')))).resolves.toBe('127.0.0.1');
    await expect(ask(guardedLookup(false, resolving('192.168.1.30', '10.0.0.1')), true)).resolves.toEqual([
      { address: '192.168.1.30', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ]);
  });
});

describe('retry backoff', () => {
  it('doubles from the base, caps, and jitters between half and all of it', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect([1, 2, 3, 4, 5, 20].map((n) => backoffMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0.999_999))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});

describe('webhook signatures (terminal and reference client)', () => {
  const secret = 'whsec_test';
  const body = '{"id":"7","type":"checkout.updated","created":"2026-12-07T09:00:00.000Z","data":{"status":"paid"}}';
  const now = 1_800_000_000;
  const headers = (over: Record<string, string> = {}): Record<string, string> => ({
    'pos-webhook-id': '7',
    'pos-webhook-timestamp': String(now),
    'pos-webhook-signature': signatureHeader(secret, now, body),
    ...over,
  });

  it('agree on the scheme, documented as v1=hex(HMAC-SHA256(secret, "<timestamp>.<body>"))', () => {
    expect(signatureHeader(secret, now, body)).toBe(`v1=${signWebhook(secret, now, body)}`);
    expect(verifyWebhook(headers(), Buffer.from(body), secret, { now, replay: false })).toMatchObject({ ok: true, id: '7', timestamp: now });
    expect(verifyWebhook({ 'Pos-Webhook-Id': '8', 'Pos-Webhook-Timestamp': String(now), 'Pos-Webhook-Signature': `v0=abc, ${signatureHeader(secret, now, body)}` }, body, secret, { now }).ok).toBe(true);
  });

  it.each([
    ['a tampered body', headers(), body.replace('paid', 'cancelled'), 'bad_signature'],
    ['a wrong secret', headers({ 'pos-webhook-signature': signatureHeader('whsec_other', now, body) }), body, 'bad_signature'],
    ['a signature for another timestamp', headers({ 'pos-webhook-timestamp': String(now - 1) }), body, 'bad_signature'],
    ['a truncated signature', headers({ 'pos-webhook-signature': signatureHeader(secret, now, body).slice(0, 40) }), body, 'bad_signature'],
    ['a non-hex signature', headers({ 'pos-webhook-signature': `v1=${'z'.repeat(64)}` }), body, 'bad_signature'],
    ['an old timestamp', headers({ 'pos-webhook-timestamp': String(now - 301), 'pos-webhook-signature': signatureHeader(secret, now - 301, body) }), body, 'stale_timestamp'],
    ['a future timestamp', headers({ 'pos-webhook-timestamp': String(now + 301), 'pos-webhook-signature': signatureHeader(secret, now + 301, body) }), body, 'stale_timestamp'],
    ['a timestamp that is not a number', headers({ 'pos-webhook-timestamp': '1e9' }), body, 'stale_timestamp'],
    ['a huge timestamp', headers({ 'pos-webhook-timestamp': '9'.repeat(400) }), body, 'stale_timestamp'],
    ['no signature', { 'pos-webhook-id': '7', 'pos-webhook-timestamp': String(now) }, body, 'missing_header'],
  ])('refuses %s', (_what, given, raw, reason) => {
    expect(verifyWebhook(given, raw, secret, { now })).toMatchObject({ ok: false, reason, message: expect.any(String) });
  });

  it('refuses a replay by default, with no guard passed', () => {
    const fresh = headers({ 'pos-webhook-id': 'default-guard' });
    expect(verifyWebhook(fresh, body, secret, { now }).ok).toBe(true);
    expect(verifyWebhook(fresh, body, secret, { now })).toMatchObject({ ok: false, reason: 'replayed' });
    expect(verifyWebhook(fresh, body, secret, { now, replay: false }).ok).toBe(true);
  });

  it('refuses the same delivery twice, but accepts a retry of the event with a new timestamp', () => {
    const replay = createReplayGuard(300);
    expect(verifyWebhook(headers(), body, secret, { now, replay }).ok).toBe(true);
    expect(verifyWebhook(headers(), body, secret, { now: now + 5, replay })).toMatchObject({ ok: false, reason: 'replayed' });
    const retry = headers({ 'pos-webhook-timestamp': String(now + 30), 'pos-webhook-signature': signatureHeader(secret, now + 30, body) });
    expect(verifyWebhook(retry, body, secret, { now: now + 30, replay }).ok).toBe(true);
  });

  it('forgets deliveries outside the window, so its memory stays bounded', () => {
    const replay = createReplayGuard(300, 3);
    for (let i = 0; i < 10; i++) expect(replay.seen(`id-${i}.${now}`, now, now)).toBe(false);
    expect(replay.seen(`id-9.${now}`, now, now)).toBe(true);
    expect(replay.seen(`id-0.${now}`, now, now + 1000)).toBe(false);
  });
});
