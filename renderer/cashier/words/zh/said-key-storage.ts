import type { KeyStorageSaid } from '../../../../app/i18n/said/settings';
import type { SaidWordsFor } from '../said';

/** How the provider keys are kept on this computer. */
export const keyStorage: SaidWordsFor<KeyStorageSaid> = {
  keys_plain_file: ({ file }) => `以未加密方式存储在 ${file} 中，仅此用户账户可以读取`,
  keys_in_memory: () => '仅在本次运行期间保存在内存中',
  keys_macos_keychain: ({ file }) => `已使用 macOS 钥匙串加密，存储在 ${file} 中`,
  keys_windows_dpapi: ({ file }) => `已由 Windows 为此用户账户加密（DPAPI），存储在 ${file} 中`,
  keys_system: ({ file }) => `已由系统加密，存储在 ${file} 中`,
  keys_linux_keyring: ({ keyring, file }) => `已使用系统密钥环 ${keyring} 加密，存储在 ${file} 中`,
  keys_basic_text: ({ file }) =>
    '此电脑没有系统密钥环（Electron 改用其 basic_text 后端），因此支付服务商密钥只会用固定的内置密码混淆，并未真正加密：' +
    `任何能读取 ${file} 的人都可以还原这些密钥。请安装并解锁密钥环（GNOME Keyring 或 KWallet），以便加密这些密钥`,
  keys_unknown_keyring: ({ file }) => `无法识别正在使用的系统密钥环，因此 ${file} 中的支付服务商密钥可能只是被混淆，并未真正加密`,
  keys_no_encryption: () => '系统没有为本应用提供加密功能，因此无法在此电脑上存储支付服务商密钥；请改在设置文件或环境变量（OPN_SECRET_KEY、ORANGEPILL_API_KEY）中设置',
};
