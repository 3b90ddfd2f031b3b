import { join } from 'node:path';
import { z } from 'zod';
import type { KeyStorageSaid } from '../../../app/i18n/said/settings';
import type { SettingsProblem } from '../../../app/ipc/settings-schemas';
import { err, ok, type Result } from '../../../app/util/result';
import { readSavedFile, writePrivateFile } from '../files/private-file';

/**
 * The provider keys set on the settings screen. They never travel back to a screen: the screen only
 * learns whether each is set. A key from the settings file or the environment wins over a stored one.
 */
export interface ProviderCredentials {
  readonly opnSecretKey: string | null;
  readonly orangepillApiKey: string | null;
}

export const NO_CREDENTIALS: ProviderCredentials = { opnSecretKey: null, orangepillApiKey: null };

/** How the stored keys are protected on disk, in words the settings screen shows. */
export interface CredentialProtection {
  /** `os-keychain`: encrypted by the OS (Electron safeStorage); `plain-file`: a 0600 file, not encrypted. */
  readonly kind: 'os-keychain' | 'plain-file';
  /** One sentence for the cashier, e.g. "Encrypted with the system keychain (gnome-libsecret)". */
  readonly description: string;
  /** The same sentence, for the settings screen to word in the cashier's language. */
  readonly said: KeyStorageSaid;
  /**
   * True when storing a key needs the person's explicit agreement first, because the protection is
   * weak (safeStorage's `basic_text` backend on Linux without a keyring, or the headless plain file).
   */
  readonly needsConsent: boolean;
}

export interface CredentialStore {
  readonly protection: CredentialProtection;
  /** Where the keys are kept, for the README and the settings screen; never their contents. */
  readonly path: string;
  load(): Promise<Result<ProviderCredentials, string | SettingsProblem>>;
  /** Replaces the stored keys, written whole (temporary file, then rename) with mode 0600. */
  save(credentials: ProviderCredentials): Promise<Result<void, string>>;
}

export const CREDENTIALS_FILE = 'credentials.json';

const fileSchema = z.strictObject({
  opnSecretKey: z.string().min(1).nullable().default(null),
  orangepillApiKey: z.string().min(1).nullable().default(null),
});

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Parses the stored JSON (after any decryption), naming the file when it is damaged. */
export function parseCredentials(file: string, text: string): Result<ProviderCredentials, SettingsProblem> {
  const damaged = (problem: 'not_json' | 'unexpected'): Result<ProviderCredentials, SettingsProblem> =>
    err({
      message: `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}); set the provider keys again`,
      said: { area: 'settings', kind: 'keys_file_damaged', file, problem },
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return damaged('not_json');
  }
  const parsed = fileSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : damaged('unexpected');
}

/**
 * The headless host's store: a JSON file readable only by this user account (0600), not encrypted,
 * since a plain Node process has no OS keychain. The settings screen says so and asks before saving.
 */
export function plainFileCredentialStore(dataDir: string): CredentialStore {
  const file = join(dataDir, CREDENTIALS_FILE);
  return {
    path: file,
    protection: {
      kind: 'plain-file',
      description: `Stored unencrypted in ${file}, readable only by this user account`,
      needsConsent: true,
      said: { area: 'settings', kind: 'keys_plain_file', file },
    },
    load: () => {
      const read = readSavedFile(file);
      if (!read.ok) return Promise.resolve(read);
      if (read.value === null) return Promise.resolve(ok(NO_CREDENTIALS));
      return Promise.resolve(parseCredentials(file, read.value.toString('utf8')));
    },
    save: (credentials) => {
      try {
        writePrivateFile(file, `${JSON.stringify(credentials)}\n`);
        return Promise.resolve(ok(undefined));
      } catch (error) {
        return Promise.resolve(err(`The provider keys could not be saved in ${file}: ${message(error)}`));
      }
    },
  };
}

/** A store that keeps keys for this run only (tests, or a host without a data folder). */
export function memoryCredentialStore(initial: ProviderCredentials = NO_CREDENTIALS): CredentialStore {
  let current = initial;
  return {
    path: '(memory)',
    protection: { kind: 'plain-file', description: 'Kept in memory for this run only', needsConsent: false, said: { area: 'settings', kind: 'keys_in_memory' } },
    load: () => Promise.resolve(ok(current)),
    save: (credentials) => {
      current = credentials;
      return Promise.resolve(ok(undefined));
    },
  };
}
