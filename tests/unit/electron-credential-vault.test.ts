import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault, VAULT_FILE, type LinuxStorageBackend, type SafeStorageLike } from '../../electron/main/credential-vault';
import { NO_CREDENTIALS, type ProviderCredentials } from '../../electron/service/settings/credential-store';
import { worded } from '../support/said-english';

/**
 * Electron's safeStorage cannot run here (no Electron binary), so a fake stands in for the OS: it
 * "encrypts" by prefixing and reversing, and refuses bytes it did not make, as the real one does.
 */
interface FakeOptions {
  readonly available?: boolean;
  readonly backend?: LinuxStorageBackend;
  /** Without the asynchronous API, as in Electron before it existed. */
  readonly syncOnly?: boolean;
  readonly reEncrypt?: boolean;
  readonly encryptDelayMs?: (plainText: string) => number;
}

const MARK = Buffer.from('v11');
const seal = (text: string) => Buffer.concat([MARK, Buffer.from([...text].reverse().join(''), 'utf8')]);
const open = (bytes: Buffer) => {
  if (!bytes.subarray(0, 3).equals(MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return [...bytes.subarray(3).toString('utf8')].reverse().join('');
};

function fakeSafeStorage(options: FakeOptions = {}) {
  const calls: string[] = [];
  const available = options.available ?? true;
  const sync = {
    isEncryptionAvailable: () => (calls.push('isEncryptionAvailable'), available),
    encryptString: (text: string) => {
      calls.push('encryptString');
      if (!available) throw new Error('Encryption is not available.');
      return seal(text);
    },
    decryptString: (bytes: Buffer) => (calls.push('decryptString'), open(bytes)),
    getSelectedStorageBackend: () => (calls.push('getSelectedStorageBackend'), options.backend ?? 'gnome_libsecret'),
  };
  const asyncApi = {
    isAsyncEncryptionAvailable: () => (calls.push('isAsyncEncryptionAvailable'), Promise.resolve(available)),
    encryptStringAsync: async (text: string) => {
      calls.push('encryptStringAsync');
      await new Promise((resolve) => setTimeout(resolve, options.encryptDelayMs?.(text) ?? 0));
      if (!available) throw new Error('Encryption is not available.');
      return seal(text);
    },
    decryptStringAsync: (bytes: Buffer) => {
      calls.push('decryptStringAsync');
      try {
        return Promise.resolve({ shouldReEncrypt: options.reEncrypt ?? false, result: open(bytes) });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
  const storage: SafeStorageLike = options.syncOnly ? sync : { ...sync, ...asyncApi };
  return { storage, calls };
}

const KEYS: ProviderCredentials = { opnSecretKey: 'skey_test_5xq3vault', orangepillApiKey: 'op_live_9hZ2vault' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'credential-vault-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const vault = (options: FakeOptions = {}, platform: NodeJS.Platform = 'linux') => {
  const fake = fakeSafeStorage(options);
  return createCredentialVault({ safeStorage: fake.storage, userDataDir: dir, platform }).then((store) => ({ store, calls: fake.calls }));
};

describe('the credential vault (safeStorage)', () => {
  it('round-trips the keys through the asynchronous API, never the deprecated synchronous one', async () => {
    const { store, calls } = await vault();
    expect(store.path).toBe(join(dir, VAULT_FILE));
    expect(await store.load()).toEqual({ ok: true, value: NO_CREDENTIALS });
    expect(await store.save(KEYS)).toEqual({ ok: true, value: undefined });
    expect(await store.load()).toEqual({ ok: true, value: KEYS });
    // A second vault on the same folder (the next launch) reads the same keys.
    const { store: next } = await vault();
    expect(await next.load()).toEqual({ ok: true, value: KEYS });
    expect(calls).toEqual(expect.arrayContaining(['isAsyncEncryptionAvailable', 'encryptStringAsync', 'decryptStringAsync']));
    expect(calls).not.toContain('encryptString');
    expect(calls).not.toContain('decryptString');
    expect(calls).not.toContain('isEncryptionAvailable');
  });

  it('falls back to the synchronous API where the asynchronous one is missing', async () => {
    const { store, calls } = await vault({ syncOnly: true });
    expect(await store.save(KEYS)).toEqual({ ok: true, value: undefined });
    expect(await store.load()).toEqual({ ok: true, value: KEYS });
    expect(calls).toEqual(expect.arrayContaining(['isEncryptionAvailable', 'encryptString', 'decryptString']));
  });

  it('writes only ciphertext, in a file readable by this user alone (0600)', async () => {
    const { store } = await vault();
    await store.save(KEYS);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(store.path);
    expect(bytes.toString('utf8')).not.toContain(KEYS.opnSecretKey);
    expect(bytes.toString('utf8')).not.toContain(KEYS.orangepillApiKey);
    expect(bytes.toString('utf8')).not.toContain('opnSecretKey');
    // Replaced whole: no temporary file is left beside it.
    await store.save({ ...KEYS, orangepillApiKey: null });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual({ ok: true, value: { ...KEYS, orangepillApiKey: null } });
    expect(readdirSync(dir)).toEqual([VAULT_FILE]);
  });

  it('keeps an empty key as "not set", so what it writes always reads back', async () => {
    const { store } = await vault();
    expect((await store.save({ opnSecretKey: '', orangepillApiKey: 'op_1234' })).ok).toBe(true);
    expect(await store.load()).toEqual({ ok: true, value: { opnSecretKey: null, orangepillApiKey: 'op_1234' } });
  });

  it.each([
    ['bytes it cannot decrypt (another account, or damaged)', Buffer.from('not encrypted at all'), /cannot be decrypted .*set the provider keys again/],
    ['ciphertext that is not JSON', seal('{"opnSecretKey":'), /is damaged \(not valid JSON\); set the provider keys again/],
    ['JSON of the wrong shape', seal('{"opnSecretKey":42}'), /is damaged \(unexpected contents\); set the provider keys again/],
    ['an empty file', Buffer.alloc(0), /is damaged \(empty\); set the provider keys again/],
  ])('reports a damaged file, naming it: %s', async (_what, bytes, expected) => {
    const { store } = await vault();
    writeFileSync(store.path, bytes, { mode: 0o600 });
    const loaded = await store.load();
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    // Damaged JSON comes with its Said for the settings screen's language; the rest is English only.
    const message = typeof loaded.error === 'string' ? loaded.error : loaded.error.message;
    expect(message).toContain(store.path);
    expect(message).toMatch(expected);
    // Saving again replaces the damaged file.
    expect((await store.save(KEYS)).ok).toBe(true);
    expect(await store.load()).toEqual({ ok: true, value: KEYS });
  });

  it('says plainly that Linux without a keyring (basic_text) only obfuscates, and asks for consent', async () => {
    const { store } = await vault({ backend: 'basic_text' });
    expect(store.protection.kind).toBe('os-keychain');
    expect(store.protection.needsConsent).toBe(true);
    expect(store.protection.description).toContain('basic_text');
    expect(store.protection.description).toContain('only obfuscated');
    expect(store.protection.description).toContain('not truly encrypted');
    expect(store.protection.description).toContain(store.path);
    expect(worded(store.protection.said)).toBe(store.protection.description);
    // Consent is the settings screen's question; once given, the keys are kept.
    expect((await store.save(KEYS)).ok).toBe(true);
  });

  it.each([
    ['gnome_libsecret', 'GNOME Keyring (libsecret)'],
    ['kwallet5', 'KWallet 5'],
  ] as const)('needs no consent with a real Linux keyring (%s)', async (backend, name) => {
    const { store } = await vault({ backend });
    expect(store.protection).toEqual({
      kind: 'os-keychain',
      description: `Encrypted with the system keyring, ${name}, in ${store.path}`,
      needsConsent: false,
      said: { area: 'settings', kind: 'keys_linux_keyring', keyring: name, file: store.path },
    });
    expect(worded(store.protection.said)).toBe(store.protection.description);
  });

  it('asks for consent when the Linux backend cannot be identified', async () => {
    const { store } = await vault({ backend: 'unknown' });
    expect(store.protection.needsConsent).toBe(true);
    expect(store.protection.description).toMatch(/could not be identified.*only obfuscated/);
    expect(worded(store.protection.said)).toBe(store.protection.description);
  });

  it.each([
    ['darwin', 'Encrypted with the macOS Keychain'],
    ['win32', 'Encrypted by Windows for this user account (DPAPI)'],
  ] as const)('on %s, describes the OS keychain and never asks for a Linux backend', async (platform, words) => {
    const { store, calls } = await vault({ backend: 'basic_text' }, platform);
    expect(store.protection).toMatchObject({ kind: 'os-keychain', description: `${words}, in ${store.path}`, needsConsent: false });
    expect(worded(store.protection.said)).toBe(store.protection.description);
    expect(calls).not.toContain('getSelectedStorageBackend');
  });

  it('refuses to save with a clear sentence when the system offers no encryption, and writes nothing', async () => {
    const { store } = await vault({ available: false });
    expect(store.protection.needsConsent).toBe(false);
    expect(store.protection.description).toMatch(/cannot be stored on this computer.*OPN_SECRET_KEY, ORANGEPILL_API_KEY/);
    expect(worded(store.protection.said)).toBe(store.protection.description);
    expect(await store.save(KEYS)).toEqual({
      ok: false,
      error:
        'The provider keys were not saved: this computer offers the app no encryption (no keychain or keyring is available), ' +
        'so they cannot be stored safely; set them in the settings file or the environment (OPN_SECRET_KEY, ORANGEPILL_API_KEY) instead',
    });
    expect(existsSync(store.path)).toBe(false);
    // Nothing stored is simply no keys.
    expect(await store.load()).toEqual({ ok: true, value: NO_CREDENTIALS });
  });

  it('cannot read a stored file while encryption is unavailable, and says why', async () => {
    const { store } = await vault();
    await store.save(KEYS);
    const { store: locked } = await vault({ available: false });
    const loaded = await locked.load();
    expect(loaded).toEqual({ ok: false, error: expect.stringMatching(/cannot be decrypted now: .*keyring locked or missing/) as unknown });
  });

  it('writes the keys again when the OS asks for re-encryption (a rotated key)', async () => {
    const { store } = await vault();
    // Bytes of the old format, which the fake still decrypts and flags for re-encryption.
    writeFileSync(store.path, seal(JSON.stringify(KEYS)), { mode: 0o644 });
    const { store: rotating, calls } = await vault({ reEncrypt: true });
    expect(await rotating.load()).toEqual({ ok: true, value: KEYS });
    expect(calls.filter((c) => c === 'encryptStringAsync')).toHaveLength(1);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('takes saves one at a time, so a slow earlier save never lands last', async () => {
    const { store } = await vault({ encryptDelayMs: (text) => (text.includes('first') ? 60 : 0) });
    const first = store.save({ opnSecretKey: 'skey_first', orangepillApiKey: null });
    const second = store.save({ opnSecretKey: 'skey_second', orangepillApiKey: null });
    await Promise.all([first, second]);
    expect(await store.load()).toEqual({ ok: true, value: { opnSecretKey: 'skey_second', orangepillApiKey: null } });
  });

  it('reports an encryption failure as a sentence, not an exception', async () => {
    const fake = fakeSafeStorage();
    const storage: SafeStorageLike = { ...fake.storage, encryptStringAsync: () => Promise.reject(new Error('Keyring is locked')) };
    const store = await createCredentialVault({ safeStorage: storage, userDataDir: dir, platform: 'linux' });
    expect(await store.save(KEYS)).toEqual({ ok: false, error: 'The provider keys were not saved: the system could not encrypt them (Keyring is locked)' });
  });
});
