import { join } from 'node:path';
import { err, ok, type Result } from '../../app/util/result';
import type { SettingsProblem } from '../../app/ipc/settings-schemas';
import {
  NO_CREDENTIALS,
  parseCredentials,
  type CredentialProtection,
  type CredentialStore,
  type ProviderCredentials,
} from '../service/settings/credential-store';
import { readOptionalFile, writePrivateFile } from '../service/files/private-file';

/**
 * The Electron app's credential store: the provider keys as JSON, encrypted with Electron's
 * safeStorage (the OS keychain: macOS Keychain, Windows DPAPI, a Linux keyring) and kept as opaque
 * bytes in a 0600 file in the user-data folder. No Electron import here: main.ts passes
 * `safeStorage` in, and the tests pass a fake, so everything below runs in plain Node.
 */

/** The safeStorage backends Electron names on Linux (`getSelectedStorageBackend`). */
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * The part of Electron's `safeStorage` this store uses. Electron 45 has both APIs; the synchronous
 * one is deprecated there (and gone in Electron 46), so the asynchronous one is used whenever it is
 * present and the synchronous one only as a fallback.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): LinuxStorageBackend;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the key was rotated or a better one is available; the data should be written again. */
  decryptStringAsync?(encrypted: Buffer): Promise<{ readonly shouldReEncrypt: boolean; readonly result: string }>;
}

export interface CredentialVaultOptions {
  readonly safeStorage: SafeStorageLike;
  /** Electron's `app.getPath('userData')`. */
  readonly userDataDir: string;
  /** `process.platform`; only `linux` asks for the storage backend. */
  readonly platform: NodeJS.Platform;
}

/** Not `credentials.json`: these bytes are ciphertext, and the headless host's plain JSON file must never be mistaken for it. */
export const VAULT_FILE = 'credentials.enc';

const LINUX_BACKENDS: Readonly<Record<Exclude<LinuxStorageBackend, 'basic_text' | 'unknown'>, string>> = {
  gnome_libsecret: 'GNOME Keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

const UNAVAILABLE_SAVE =
  'The provider keys were not saved: this computer offers the app no encryption (no keychain or keyring is available), ' +
  'so they cannot be stored safely; set them in the settings file or the environment (OPN_SECRET_KEY, ORANGEPILL_API_KEY) instead';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What the settings screen says about how keys are kept, decided once the app is ready. */
export function describeVaultProtection(available: boolean, platform: NodeJS.Platform, backend: LinuxStorageBackend | null, file: string): CredentialProtection {
  if (!available) {
    return {
      kind: 'os-keychain',
      description:
        'Provider keys cannot be stored on this computer because the system offers no encryption to the app; ' +
        'set them in the settings file or the environment (OPN_SECRET_KEY, ORANGEPILL_API_KEY) instead',
      needsConsent: false,
      said: { area: 'settings', kind: 'keys_no_encryption' },
    };
  }
  if (platform === 'darwin') return { kind: 'os-keychain', description: `Encrypted with the macOS Keychain, in ${file}`, needsConsent: false, said: { area: 'settings', kind: 'keys_macos_keychain', file } };
  if (platform === 'win32') {
    const said = { area: 'settings', kind: 'keys_windows_dpapi', file } as const;
    return { kind: 'os-keychain', description: `Encrypted by Windows for this user account (DPAPI), in ${file}`, needsConsent: false, said };
  }
  if (platform !== 'linux') return { kind: 'os-keychain', description: `Encrypted by the system, in ${file}`, needsConsent: false, said: { area: 'settings', kind: 'keys_system', file } };
  if (backend === 'basic_text') {
    return {
      kind: 'os-keychain',
      description:
        'This computer has no system keyring (Electron falls back to its basic_text backend), so the provider keys would be ' +
        `only obfuscated with a fixed built-in password, not truly encrypted: anyone who can read ${file} could recover them. ` +
        'Install and unlock a keyring (GNOME Keyring or KWallet) to have them encrypted',
      needsConsent: true,
      said: { area: 'settings', kind: 'keys_basic_text', file },
    };
  }
  if (backend === null || backend === 'unknown') {
    return {
      kind: 'os-keychain',
      description: `The system keyring in use could not be identified, so the provider keys in ${file} may be only obfuscated, not truly encrypted`,
      needsConsent: true,
      said: { area: 'settings', kind: 'keys_unknown_keyring', file },
    };
  }
  const keyring = LINUX_BACKENDS[backend];
  return { kind: 'os-keychain', description: `Encrypted with the system keyring, ${keyring}, in ${file}`, needsConsent: false, said: { area: 'settings', kind: 'keys_linux_keyring', keyring, file } };
}

/** Only the two keys, and an empty key as "not set", so the file always reads back. */
const stored = (credentials: ProviderCredentials): ProviderCredentials => ({
  opnSecretKey: credentials.opnSecretKey === '' ? null : credentials.opnSecretKey,
  orangepillApiKey: credentials.orangepillApiKey === '' ? null : credentials.orangepillApiKey,
});

/**
 * Creates the store once the app is ready (before 'ready' safeStorage reports no encryption and an
 * unknown Linux backend). Saves are taken one at a time, so an earlier save can never land last.
 */
export async function createCredentialVault(options: CredentialVaultOptions): Promise<CredentialStore> {
  const { safeStorage } = options;
  const file = join(options.userDataDir, VAULT_FILE);
  const asyncApi =
    typeof safeStorage.isAsyncEncryptionAvailable === 'function' &&
    typeof safeStorage.encryptStringAsync === 'function' &&
    typeof safeStorage.decryptStringAsync === 'function';

  const encrypt = (text: string): Promise<Buffer> =>
    asyncApi && safeStorage.encryptStringAsync ? safeStorage.encryptStringAsync(text) : Promise.resolve().then(() => safeStorage.encryptString(text));
  const decrypt = (bytes: Buffer): Promise<{ readonly shouldReEncrypt: boolean; readonly result: string }> =>
    asyncApi && safeStorage.decryptStringAsync
      ? safeStorage.decryptStringAsync(bytes)
      : Promise.resolve().then(() => ({ shouldReEncrypt: false, result: safeStorage.decryptString(bytes) }));

  let available: boolean;
  try {
    available = asyncApi && safeStorage.isAsyncEncryptionAvailable ? await safeStorage.isAsyncEncryptionAvailable() : safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  let backend: LinuxStorageBackend | null = null;
  if (options.platform === 'linux' && typeof safeStorage.getSelectedStorageBackend === 'function') {
    try {
      backend = safeStorage.getSelectedStorageBackend();
    } catch {
      backend = 'unknown';
    }
  }
  const protection = describeVaultProtection(available, options.platform, backend, file);

  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const write = async (credentials: ProviderCredentials): Promise<Result<void, string>> => {
    if (!available) return err(UNAVAILABLE_SAVE);
    let bytes: Buffer;
    try {
      bytes = await encrypt(JSON.stringify(stored(credentials)));
    } catch (error) {
      return err(`The provider keys were not saved: the system could not encrypt them (${message(error)})`);
    }
    try {
      writePrivateFile(file, bytes);
      return ok(undefined);
    } catch (error) {
      return err(`The provider keys could not be saved in ${file}: ${message(error)}`);
    }
  };

  return {
    path: file,
    protection,
    load: () =>
      oneAtATime(async (): Promise<Result<ProviderCredentials, string | SettingsProblem>> => {
        const read = readOptionalFile(file);
        if (!read.ok) return read;
        if (read.value === null) return ok(NO_CREDENTIALS);
        if (!available) return err(`${file} cannot be decrypted now: the system's encryption is not available to the app (is the keyring locked or missing?)`);
        if (read.value.length === 0) return err(`${file} is damaged (empty); set the provider keys again`);
        let decrypted: { readonly shouldReEncrypt: boolean; readonly result: string };
        try {
          decrypted = await decrypt(read.value);
        } catch (error) {
          return err(
            `${file} cannot be decrypted (${message(error)}); it is damaged or was encrypted by another user account or computer: set the provider keys again`,
          );
        }
        const parsed = parseCredentials(file, decrypted.result);
        // A rotated key: write the same keys again under the new one. Failing that, the old bytes still decrypt.
        if (parsed.ok && decrypted.shouldReEncrypt) await write(parsed.value);
        return parsed;
      }),
    save: (credentials) => oneAtATime(() => write(credentials)),
  };
}
