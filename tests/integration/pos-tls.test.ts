import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadOrCreateTlsIdentity,
  regenerateTlsIdentity,
  TLS_CERT_FILE,
  TLS_KEY_FILE,
  TlsIdentityError,
  type TlsIdentity,
} from '../../electron/service/pos-api/tls/tls-identity';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog } from '../../electron/service/pos-api/events/event-log';
import { createSseHandler } from '../../electron/service/pos-api/events/sse-handler';
import { createPosClient, PinMismatchError, PosNetworkError } from '../../tools/pos-client';
import { ManualClock, T0 } from '../support/engine-harness';

let dir: string;
let server: Server | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-tls-'));
});
afterEach(async () => {
  if (server !== undefined) await new Promise((r) => server!.close(r));
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const mode = (name: string): number => statSync(join(dir, name)).mode & 0o777;

async function serve(identity: TlsIdentity): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  server = createServer({ key: identity.key, cert: identity.cert }, (req, res) => {
    seen.push(String(req.headers.authorization));
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'chk_1', status: 'paid' }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("the POS API's TLS identity", () => {
  it('is made once, kept 0600, and the same across restarts, with the fingerprint openssl shows', async () => {
    const first = await loadOrCreateTlsIdentity(dir);
    expect(first.replaced).toEqual({ reason: 'created' });
    expect([mode(TLS_KEY_FILE), mode(TLS_CERT_FILE)]).toEqual([0o600, 0o600]);
    const der = new X509Certificate(first.cert).raw;
    const expected = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
    expect(first.fingerprint256).toBe(expected);
    expect(first.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.validTo.getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000);

    chmodSync(join(dir, TLS_KEY_FILE), 0o644);
    const again = await loadOrCreateTlsIdentity(dir);
    expect([again.fingerprint256, again.replaced, again.key]).toEqual([first.fingerprint256, null, first.key]);
    expect(mode(TLS_KEY_FILE)).toBe(0o600);
  });

  it('lets a client that pins the right fingerprint in, and refuses a wrong one before sending the key', async () => {
    const identity = await loadOrCreateTlsIdentity(dir);
    const { url, seen } = await serve(identity);
    const pinned = createPosClient({ baseUrl: url, key: 'pos_live_secret', fingerprint256: identity.fingerprint256.replace(/:/g, '').toLowerCase() });
    expect(await pinned.getCheckout('chk_1')).toEqual({ id: 'chk_1', status: 'paid' });
    expect(seen).toEqual(['Bearer pos_live_secret']);

    const other = await regenerateTlsIdentity(join(dir, 'other'));
    const wrong = createPosClient({ baseUrl: url, key: 'pos_live_secret', fingerprint256: other.fingerprint256 });
    const refused = wrong.getCheckout('chk_1');
    await expect(refused).rejects.toThrow(PinMismatchError);
    await expect(refused).rejects.toThrow(/not the pinned .*nothing was sent/);
    const unpinned = createPosClient({ baseUrl: url, key: 'pos_live_secret' });
    await expect(unpinned.getCheckout('chk_1')).rejects.toThrow(PosNetworkError);
    expect(seen).toHaveLength(1);
  });

  it('carries the event stream over the pinned connection', async () => {
    const identity = await loadOrCreateTlsIdentity(dir);
    const db = openPosEventDatabase(':memory:');
    const clock = new ManualClock(T0);
    const log = createEventLog(db, { clock });
    const sse = createSseHandler({ log, clock });
    server = createServer({ key: identity.key, cert: identity.cert }, (req, res) => sse.handle(req, res, { id: 'till-2' }));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const abort = new AbortController();
    const events = createPosClient({ baseUrl, key: 'k', fingerprint256: identity.fingerprint256 }).events({ lastEventId: '0', signal: abort.signal });
    log.append('checkout.updated', { status: 'paid' });
    expect((await events.next()).value).toMatchObject({ id: '1', data: { status: 'paid' } });
    abort.abort();
    sse.close();
    server.closeAllConnections();
    db.close();
  });

  it('refuses a fingerprint that is not 32 bytes of hex, with a sentence', () => {
    for (const bad of ['AB:CD', 'G'.repeat(64), `${'A'.repeat(64)}\r\nX-Evil: 1`, ''])
      expect(() => createPosClient({ baseUrl: 'https://127.0.0.1:1', key: 'k', fingerprint256: bad })).toThrow(/64 hex digits/);
  });

  it.each([
    ['a corrupt certificate', (): void => writeFileSync(join(dir, TLS_CERT_FILE), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n'), /not a certificate/],
    ['a corrupt key', (): void => writeFileSync(join(dir, TLS_KEY_FILE), 'garbage'), /not a private key/],
    ['an empty key', (): void => writeFileSync(join(dir, TLS_KEY_FILE), ''), /not a private key/],
    ['a missing certificate', (): void => rmSync(join(dir, TLS_CERT_FILE)), /not a certificate/],
  ])('replaces %s, says why, and keeps the broken files aside', async (_what, damage, reason) => {
    const before = await loadOrCreateTlsIdentity(dir);
    damage();
    const after = await loadOrCreateTlsIdentity(dir);
    expect(after.replaced?.reason).toMatch(reason);
    expect(after.fingerprint256).not.toBe(before.fingerprint256);
    expect(readdirSync(dir).some((name) => name.includes('.broken-'))).toBe(true);
    expect((await loadOrCreateTlsIdentity(dir)).fingerprint256).toBe(after.fingerprint256);
  });

  it('replaces a key that belongs to another certificate', async () => {
    await loadOrCreateTlsIdentity(dir);
    const other = await regenerateTlsIdentity(join(dir, 'other'));
    writeFileSync(join(dir, TLS_KEY_FILE), other.key);
    expect((await loadOrCreateTlsIdentity(dir)).replaced?.reason).toMatch(/does not belong to the certificate/);
  });

  it('replaces a certificate about to expire', async () => {
    await loadOrCreateTlsIdentity(dir);
    const later = new Date(Date.now() + 3651 * 86_400_000);
    const renewed = await loadOrCreateTlsIdentity(dir, { now: () => later });
    expect(renewed.replaced?.reason).toMatch(/expired/);
    expect(renewed.validTo.getTime()).toBeGreaterThan(later.getTime());
  });

  it('says so, and overwrites nothing, when the files cannot be read at all', async () => {
    mkdirSync(join(dir, TLS_CERT_FILE));
    writeFileSync(join(dir, TLS_KEY_FILE), 'kept');
    await expect(loadOrCreateTlsIdentity(dir)).rejects.toThrow(TlsIdentityError);
    await expect(loadOrCreateTlsIdentity(dir)).rejects.toThrow(/Cannot read the POS API's TLS files in .*must then pin its new fingerprint/);
    expect(readFileSync(join(dir, TLS_KEY_FILE), 'utf8')).toBe('kept');
  });

  it('regenerates on request with a new fingerprint and names the LAN address', async () => {
    const first = await loadOrCreateTlsIdentity(dir);
    const second = await regenerateTlsIdentity(dir, { ips: ['192.168.1.20'], dns: ['till-terminal.local'] });
    expect(second.fingerprint256).not.toBe(first.fingerprint256);
    expect(second.replaced).toEqual({ reason: 'regenerated on request' });
    expect(new X509Certificate(second.cert).subjectAltName).toBe('DNS:localhost, DNS:till-terminal.local, IP Address:127.0.0.1, IP Address:192.168.1.20');
    await expect(regenerateTlsIdentity(dir, { ips: ['::1'] })).rejects.toThrow(/not an IPv4 address/);
  });
});
