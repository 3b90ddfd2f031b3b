import type { KeyStorageSaid, SettingsSaid } from '../../../app/i18n/said/settings';

const FILE = '/var/lib/qr-terminal/credentials.json';
const S = 'settings' as const;

/** One of each way keys are kept (credential-store.ts, electron/main/credential-vault.ts). */
export const KEY_STORAGE_SAMPLES: readonly KeyStorageSaid[] = [
  { area: S, kind: 'keys_plain_file', file: FILE },
  { area: S, kind: 'keys_in_memory' },
  { area: S, kind: 'keys_macos_keychain', file: FILE },
  { area: S, kind: 'keys_windows_dpapi', file: FILE },
  { area: S, kind: 'keys_system', file: FILE },
  { area: S, kind: 'keys_linux_keyring', keyring: 'GNOME Keyring (libsecret)', file: FILE },
  { area: S, kind: 'keys_basic_text', file: FILE },
  { area: S, kind: 'keys_unknown_keyring', file: FILE },
  { area: S, kind: 'keys_no_encryption' },
];

const OPN = 'https://api.omise.co';

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const SETTINGS_SAMPLES: readonly SettingsSaid[] = [
  { area: S, kind: 'sale_in_progress', amount: { minor: 1234, currency: 'SGD' } },
  { area: S, kind: 'not_written', file: '/var/lib/qr-terminal/screen-settings.json', reason: 'EACCES: permission denied' },
  { area: S, kind: 'restart_failed', reason: 'the printer port /dev/ttyUSB0 is in use' },
  { area: S, kind: 'screen_settings_not_json', file: '/var/lib/qr-terminal/screen-settings.json' },
  ...(['not_json', 'unexpected'] as const).map((problem) => ({ area: S, kind: 'keys_file_damaged', file: '/var/lib/qr-terminal/provider-keys.json', problem }) as const),
  ...(['not_json', 'unexpected'] as const).map((problem) => ({ area: S, kind: 'paired_displays_damaged', file: '/var/lib/qr-terminal/screen-links.json', problem }) as const),
  ...(['folder', 'pipe', 'device', 'socket', 'not_regular', 'link', 'link_loop', 'permission'] as const).map(
    (reason) => ({ area: S, kind: 'saved_file_unreadable', file: '/var/lib/qr-terminal/staff.json', reason, code: null }) as const,
  ),
  { area: S, kind: 'saved_file_unreadable', file: '/var/lib/qr-terminal/staff.json', reason: 'other', code: 'EIO' },
  { area: S, kind: 'saved_file_too_large', file: '/var/lib/qr-terminal/screen-settings.json', size: 2 * 1024 * 1024, max: 1024 * 1024, grew: false },
  { area: S, kind: 'saved_file_too_large', file: '/var/lib/qr-terminal/screen-settings.json', size: 1024 * 1024 + 1, max: 1024 * 1024, grew: true },
  {
    area: S,
    kind: 'screen_settings_wrong',
    file: '/var/lib/qr-terminal/screen-settings.json',
    issues: [
      { path: 'payment.qrExpirySeconds', message: 'must be at least 30 seconds', said: { area: S, kind: 'field_seconds_at_least', min: 30 } },
      { path: 'merchant.name', message: 'Invalid input: expected string, received number', said: null },
      { path: '', unknown: ['bogus'] },
      { path: 'sounds', unknown: ['volume', 'tone'] },
    ],
  },
  {
    area: S,
    kind: 'saved_settings_do_not_fit',
    fields: [
      { path: 'providers.orangepill.merchantAlias', message: 'must be set together with the API key: every request needs a destination alias', said: { area: S, kind: 'field_alias_with_key' } },
      { path: 'merchant.currency', message: 'Invalid input', said: null },
    ],
  },
  { area: S, kind: 'pos_cannot_listen', host: '127.0.0.1', port: 8787, inUse: true, reason: 'listen EADDRINUSE: address already in use 127.0.0.1:8787' },
  { area: S, kind: 'pos_cannot_listen', host: '192.168.1.20', port: 8787, inUse: false, reason: 'listen EADDRNOTAVAIL: address not available 192.168.1.20:8787' },
  { area: S, kind: 'pos_lan_no_folder' },
  { area: S, kind: 'pos_certificate_unusable', reason: "EACCES: permission denied, open '/var/lib/qr-terminal/pos-tls-key.pem'" },
  ...KEY_STORAGE_SAMPLES,
  ...(['none', 'leave_unset', 'no_logo'] as const).map((hint) => ({ area: S, kind: 'field_empty', hint }) as const),
  { area: S, kind: 'field_too_long', max: 40, hint: 'none' },
  { area: S, kind: 'field_too_long', max: 16, hint: 'double_width' },
  { area: S, kind: 'field_four_lines' },
  { area: S, kind: 'field_not_url' },
  { area: S, kind: 'field_url_not_https' },
  { area: S, kind: 'field_not_alias' },
  { area: S, kind: 'field_true_false' },
  { area: S, kind: 'field_not_port' },
  { area: S, kind: 'field_pos_bind' },
  { area: S, kind: 'field_not_ipv4' },
  { area: S, kind: 'field_not_opn_key' },
  { area: S, kind: 'field_not_orangepill_key' },
  { area: S, kind: 'field_not_api_version' },
  { area: S, kind: 'field_seconds_not_number' },
  { area: S, kind: 'field_seconds_not_whole' },
  { area: S, kind: 'field_seconds_at_least', min: 30 },
  { area: S, kind: 'field_seconds_at_most', max: 43_200 },
  { area: S, kind: 'field_languages_none' },
  { area: S, kind: 'field_languages_too_many' },
  { area: S, kind: 'field_languages_twice' },
  { area: S, kind: 'field_not_currency' },
  { area: S, kind: 'field_not_locale' },
  { area: S, kind: 'field_alias_with_key' },
  { area: S, kind: 'field_not_a_setting' },
  { area: S, kind: 'field_set_by_environment', variable: 'OPN_SECRET_KEY' },
  { area: S, kind: 'field_url_key_in_environment', variable: 'OPN_SECRET_KEY' },
  { area: S, kind: 'field_key_again', url: 'https://eu.api.omise.co' },
  { area: S, kind: 'field_consent', storage: { area: S, kind: 'keys_plain_file', file: FILE } },
  ...(['opn', 'orangepill'] as const).flatMap((provider) => [
    { area: S, kind: 'test_no_key', provider } as const,
    { area: S, kind: 'test_not_a_key', provider } as const,
  ]),
  { area: S, kind: 'test_url_locked', provider: 'opn', variable: 'OPN_BASE_URL', inForce: OPN },
  { area: S, kind: 'test_type_key', provider: 'orangepill', url: 'https://staging.orangepill.cloud', inForce: 'https://api.orangepill.cloud' },
  ...(['network', 'timeout', 'auth', 'rejected', 'not_found', 'rate_limited', 'server', 'invalid_response', 'outcome_unknown'] as const).map(
    (problem) => ({ area: S, kind: 'test_failed', provider: 'opn', problem, detail: "Opn refused the terminal's secret key \u2014 check it in settings" }) as const,
  ),
  { area: S, kind: 'test_orangepill_ok', url: 'https://api.orangepill.cloud' },
  { area: S, kind: 'test_opn_ok', url: OPN, testKey: true, methods: [{ id: 'paynow', currencies: ['SGD'] }, { id: 'atome', currencies: ['SGD', 'MYR'] }], methodsDetail: null, gone: [] },
  { area: S, kind: 'test_opn_ok', url: OPN, testKey: false, methods: [], methodsDetail: null, gone: [{ id: 'wechatpay', since: Date.UTC(2026, 4, 3) }] },
  { area: S, kind: 'test_opn_ok', url: OPN, testKey: false, methods: null, methodsDetail: 'Opn sent a response the terminal cannot read', gone: [] },
];
