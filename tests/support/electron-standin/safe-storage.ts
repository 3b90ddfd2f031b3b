import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { SafeStorage } from 'electron';

/**
 * safeStorage as Chromium's OSCrypt does it on Linux, where Electron's safeStorage comes from:
 * - `keyring`: the keyring holds a random password; data is "v11" + AES-128-CBC under a key derived from it;
 * - `basic_text`: no keyring; "v10" + AES-128-CBC under the fixed password "peanuts", i.e. only obfuscated;
 * - `none`: encryption is not available at all, and every call that needs it throws.
 * In each case the key is PBKDF2-HMAC-SHA1(password, "saltysalt", 1 iteration, 16 bytes) and the IV 16 spaces.
 */

export type SafeStorageMode = 'keyring' | 'basic_text' | 'none';

/** A keyring outlives one run of the app: pass the same one to a later stand-in to read what an earlier one wrote. */
export interface StandinKeyring {
  readonly password: string;
}

export const newKeyring = (): StandinKeyring => ({ password: randomBytes(16).toString('base64') });

export const SAFE_STORAGE_SURFACE = [
  'isEncryptionAvailable',
  'encryptString',
  'decryptString',
  'getSelectedStorageBackend',
  'isAsyncEncryptionAvailable',
  'encryptStringAsync',
  'decryptStringAsync',
] as const;

type Surface = Pick<SafeStorage, (typeof SAFE_STORAGE_SURFACE)[number]>;

const IV = Buffer.alloc(16, ' ');
const keyFrom = (password: string): Buffer => pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1');

export function createSafeStorage(mode: SafeStorageMode, keyring: StandinKeyring, isReady: () => boolean): Surface {
  const available = (): boolean => mode !== 'none' && isReady();
  const prefix = mode === 'keyring' ? 'v11' : 'v10';
  const key = keyFrom(mode === 'keyring' ? keyring.password : 'peanuts');

  const encrypt = (plainText: string): Buffer => {
    if (!available()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const cipher = createCipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([Buffer.from(prefix), cipher.update(plainText, 'utf8'), cipher.final()]);
  };
  const decrypt = (encrypted: Buffer): string => {
    if (!available()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (encrypted.subarray(0, 3).toString() !== prefix) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.');
    }
    try {
      const decipher = createDecipheriv('aes-128-cbc', key, IV);
      return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  };

  return {
    isEncryptionAvailable: available,
    encryptString: encrypt,
    decryptString: decrypt,
    getSelectedStorageBackend: () => {
      if (!isReady()) return 'unknown';
      if (mode === 'keyring') return 'gnome_libsecret';
      return mode === 'basic_text' ? 'basic_text' : 'unknown';
    },
    isAsyncEncryptionAvailable: () => Promise.resolve(available()),
    encryptStringAsync: (plainText) => Promise.resolve().then(() => encrypt(plainText)),
    decryptStringAsync: (encrypted) => Promise.resolve().then(() => ({ shouldReEncrypt: false, result: decrypt(encrypted) })),
  };
}
