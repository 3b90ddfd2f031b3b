import type { KeyStorageSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

/** How the provider keys are kept on this computer. */
export const keyStorage: SaidWordsFor<KeyStorageSaid> = {
  keys_plain_file: ({ file }) => `Disimpan tanpa penyulitan dalam ${file}, hanya boleh dibaca oleh akaun pengguna ini`,
  keys_in_memory: () => 'Disimpan dalam memori untuk sesi ini sahaja',
  keys_macos_keychain: ({ file }) => `Disulitkan dengan macOS Keychain, dalam ${file}`,
  keys_windows_dpapi: ({ file }) => `Disulitkan oleh Windows untuk akaun pengguna ini (DPAPI), dalam ${file}`,
  keys_system: ({ file }) => `Disulitkan oleh sistem, dalam ${file}`,
  keys_linux_keyring: ({ keyring, file }) => `Disulitkan dengan keyring sistem, ${keyring}, dalam ${file}`,
  keys_basic_text: ({ file }) =>
    'Komputer ini tiada keyring sistem (Electron beralih kepada backend basic_text), jadi kunci penyedia hanya akan ' +
    `dikaburkan dengan kata laluan terbina dalam yang tetap, bukan benar-benar disulitkan: sesiapa yang boleh membaca ${file} dapat memperoleh semula kunci itu. ` +
    'Pasang dan buka kunci keyring (GNOME Keyring atau KWallet) supaya kunci disulitkan',
  keys_unknown_keyring: ({ file }) => `Keyring sistem yang digunakan tidak dapat dikenal pasti, jadi kunci penyedia dalam ${file} mungkin hanya dikaburkan, bukan benar-benar disulitkan`,
  keys_no_encryption: () =>
    'Kunci penyedia tidak boleh disimpan di komputer ini kerana sistem tidak menyediakan penyulitan kepada aplikasi; ' +
    'tetapkannya dalam fail tetapan atau pemboleh ubah persekitaran (OPN_SECRET_KEY, ORANGEPILL_API_KEY)',
};
