import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPosKeyStore, posClientsPath } from '../../electron/service/pos-api/pos-keys';

const folders: string[] = [];
const folder = (): string => {
  const made = mkdtempSync(join(tmpdir(), 'pos-keys-'));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
let clock = 1_000;
const now = () => clock;

describe('the POS keys file', () => {
  it('shows a key once, keeps only its SHA-256 (0600), and knows the client by it after a restart', () => {
    const file = posClientsPath(folder());
    const store = openPosKeyStore({ file, now });
    const made = store.create('Till 2', ['refund', 'charge']);
    if (!made.ok) throw new Error(made.error);
    expect(made.value.key).toMatch(/^pos_[A-Za-z0-9_-]{43}$/);
    expect(made.value.client).toMatchObject({ name: 'Till 2', scopes: ['charge', 'refund'], revokedAt: null, keyHint: `${made.value.key.slice(0, 8)}…` });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(made.value.key);
    expect(text).not.toContain(made.value.key.slice(4));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(store.list())).not.toContain(made.value.key);

    const reopened = openPosKeyStore({ file, now });
    const client = reopened.authenticate(made.value.key);
    expect(client?.name).toBe('Till 2');
    expect([...(client?.scopes ?? [])]).toEqual(['charge', 'refund']);
  });

  it('refuses unknown, near-miss, malformed and revoked keys; a revocation holds after a restart', () => {
    const file = posClientsPath(folder());
    const store = openPosKeyStore({ file, now });
    const made = store.create('Till 1', ['charge']);
    if (!made.ok) throw new Error(made.error);
    const key = made.value.key;
    const flipped = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [flipped, key.slice(0, -1), `${key}x`, '', 'pos_', key.toUpperCase(), `Bearer ${key}`, 'x'.repeat(100_000)]) {
      expect(store.authenticate(wrong)).toBeNull();
    }
    clock = 5_000;
    const revoked = store.revoke(made.value.client.id);
    expect(revoked).toMatchObject({ ok: true, value: { revokedAt: 5_000 } });
    expect(store.authenticate(key)).toBeNull();
    expect(openPosKeyStore({ file, now }).authenticate(key)).toBeNull();
    expect(store.revoke('pc_unknown000')).toMatchObject({ ok: false });
  });

  it('refuses a second key in use under the same name, until the first is revoked', () => {
    const store = openPosKeyStore({ file: null, now });
    const first = store.create('Till 2', ['charge']);
    expect(store.create('till 2', ['charge'])).toMatchObject({ ok: false, error: expect.stringMatching(/already in use/) as unknown });
    if (!first.ok) throw new Error(first.error);
    store.revoke(first.value.client.id);
    expect(store.create('Till 2', ['charge']).ok).toBe(true);
  });

  it('accepts no key from a damaged file, and says so', () => {
    const dir = folder();
    const file = posClientsPath(dir);
    const store = openPosKeyStore({ file, now });
    const made = store.create('Till 1', ['charge']);
    if (!made.ok) throw new Error(made.error);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { clients: { keyHash: string }[] };
    writeFileSync(file, JSON.stringify({ ...stored, clients: stored.clients.map((c) => ({ ...c, keyHash: 'not a hash' })) }), { mode: 0o600 });
    const damaged = openPosKeyStore({ file, now });
    expect(damaged.problem).toMatch(/damaged/);
    expect(damaged.authenticate(made.value.key)).toBeNull();
    writeFileSync(file, '{', { mode: 0o600 });
    expect(openPosKeyStore({ file, now }).problem).toMatch(/damaged/);
  });
});
