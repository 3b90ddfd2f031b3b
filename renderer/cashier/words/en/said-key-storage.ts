import type { KeyStorageSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

/** How the provider keys are kept, as the service describes it (electron/main/credential-vault.ts, credential-store.ts). */
export const keyStorage: SaidWordsFor<KeyStorageSaid> = {
  keys_plain_file: ({ file }) => `Stored unencrypted in ${file}, readable only by this user account`,
  keys_in_memory: () => 'Kept in memory for this run only',
  keys_macos_keychain: ({ file }) => `Encrypted with the macOS Keychain, in ${file}`,
  keys_windows_dpapi: ({ file }) => `Encrypted by Windows for this user account (DPAPI), in ${file}`,
  keys_system: ({ file }) => `Encrypted by the system, in ${file}`,
  keys_linux_keyring: ({ keyring, file }) => `Encrypted with the system keyring, ${keyring}, in ${file}`,
  keys_basic_text: ({ file }) =>
    'This computer has no system keyring (Electron falls back to its basic_text backend), so the provider keys would be ' +
    `only obfuscated with a fixed built-in password, not truly encrypted: anyone who can read ${file} could recover them. ` +
    'Install and unlock a keyring (GNOME Keyring or KWallet) to have them encrypted',
  keys_unknown_keyring: ({ file }) => `The system keyring in use could not be identified, so the provider keys in ${file} may be only obfuscated, not truly encrypted`,
  keys_no_encryption: () =>
    'Provider keys cannot be stored on this computer because the system offers no encryption to the app; ' +
    'set them in the settings file or the environment (OPN_SECRET_KEY, ORANGEPILL_API_KEY) instead',
};
