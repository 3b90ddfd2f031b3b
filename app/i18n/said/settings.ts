import type { Money } from '../../money/money';
import type { OpnMethodId } from '../../providers/opn/opn-methods';

/**
 * Why a provider request failed: app/providers/provider.ts ProviderErrorKind, repeated here because
 * that module leads back to this one (a kind added there fails the connection test's build).
 */
export type ProviderProblem = 'network' | 'timeout' | 'auth' | 'rejected' | 'not_found' | 'rate_limited' | 'server' | 'invalid_response' | 'outcome_unknown';

/** The two providers a key is set for on the settings screen. */
export type KeyProvider = 'opn' | 'orangepill';

/**
 * How the provider keys are kept on this computer, as the settings screen describes it (one per
 * protection level the credential stores know; `file` is where the keys are).
 */
export type KeyStorageSaid =
  | { readonly area: 'settings'; readonly kind: 'keys_plain_file'; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_in_memory' }
  | { readonly area: 'settings'; readonly kind: 'keys_macos_keychain'; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_windows_dpapi'; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_system'; readonly file: string }
  /** `keyring` names the Linux keyring ("GNOME Keyring (libsecret)"), as Electron reports it. */
  | { readonly area: 'settings'; readonly kind: 'keys_linux_keyring'; readonly keyring: string; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_basic_text'; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_unknown_keyring'; readonly file: string }
  | { readonly area: 'settings'; readonly kind: 'keys_no_encryption' };

/**
 * A problem at one field of the settings form (or the settings file), as the field shows it beneath
 * itself: "must be at most 40 characters". Carried in `ApiError.fieldsSaid` beside `fields`.
 */
export type SettingsFieldSaid =
  | { readonly area: 'settings'; readonly kind: 'field_empty'; readonly hint: 'none' | 'leave_unset' | 'no_logo' }
  | { readonly area: 'settings'; readonly kind: 'field_too_long'; readonly max: number; readonly hint: 'none' | 'double_width' }
  | { readonly area: 'settings'; readonly kind: 'field_four_lines' }
  | { readonly area: 'settings'; readonly kind: 'field_not_url' }
  | { readonly area: 'settings'; readonly kind: 'field_url_not_https' }
  | { readonly area: 'settings'; readonly kind: 'field_not_alias' }
  | { readonly area: 'settings'; readonly kind: 'field_not_opn_key' }
  | { readonly area: 'settings'; readonly kind: 'field_not_orangepill_key' }
  | { readonly area: 'settings'; readonly kind: 'field_not_api_version' }
  | { readonly area: 'settings'; readonly kind: 'field_seconds_not_number' }
  | { readonly area: 'settings'; readonly kind: 'field_seconds_not_whole' }
  | { readonly area: 'settings'; readonly kind: 'field_seconds_at_least'; readonly min: number }
  /** At most `max` seconds, said in hours too ("12 hours (43200 seconds)"). */
  | { readonly area: 'settings'; readonly kind: 'field_seconds_at_most'; readonly max: number }
  | { readonly area: 'settings'; readonly kind: 'field_languages_none' }
  | { readonly area: 'settings'; readonly kind: 'field_languages_too_many' }
  | { readonly area: 'settings'; readonly kind: 'field_languages_twice' }
  | { readonly area: 'settings'; readonly kind: 'field_not_currency' }
  | { readonly area: 'settings'; readonly kind: 'field_not_locale' }
  | { readonly area: 'settings'; readonly kind: 'field_alias_with_key' }
  | { readonly area: 'settings'; readonly kind: 'field_not_a_setting' }
  | { readonly area: 'settings'; readonly kind: 'field_true_false' }
  | { readonly area: 'settings'; readonly kind: 'field_not_port' }
  /** The POS API's bind: this machine only, or the shop's network over TLS. */
  | { readonly area: 'settings'; readonly kind: 'field_pos_bind' }
  | { readonly area: 'settings'; readonly kind: 'field_not_ipv4' }
  /** The environment variable `variable` sets this field; it cannot change here. */
  | { readonly area: 'settings'; readonly kind: 'field_set_by_environment'; readonly variable: string }
  | { readonly area: 'settings'; readonly kind: 'field_url_key_in_environment'; readonly variable: string }
  /** A key in force goes only to the address it was set for: moving it to `url` takes it typed again. */
  | { readonly area: 'settings'; readonly kind: 'field_key_again'; readonly url: string }
  /** Keeping a key where it is weakly protected needs the box ticked; `storage` says how it would be kept. */
  | { readonly area: 'settings'; readonly kind: 'field_consent'; readonly storage: KeyStorageSaid };

/**
 * What "Test connection" answers. `provider` is whose key was tested; a provider's own sentence
 * (`detail`) stays as it came, in its words.
 */
export type ConnectionSaid =
  | { readonly area: 'settings'; readonly kind: 'test_no_key'; readonly provider: KeyProvider }
  | { readonly area: 'settings'; readonly kind: 'test_not_a_key'; readonly provider: KeyProvider }
  /** The base URL is set by the environment variable `variable` (to `inForce`). */
  | { readonly area: 'settings'; readonly kind: 'test_url_locked'; readonly provider: KeyProvider; readonly variable: string; readonly inForce: string }
  /** A test at `url` needs the key typed: the key in force only ever goes to `inForce`. */
  | { readonly area: 'settings'; readonly kind: 'test_type_key'; readonly provider: KeyProvider; readonly url: string; readonly inForce: string }
  /** The provider's request failed (`problem`); `detail` is the client's English sentence. */
  | { readonly area: 'settings'; readonly kind: 'test_failed'; readonly provider: KeyProvider; readonly problem: ProviderProblem; readonly detail: string }
  | { readonly area: 'settings'; readonly kind: 'test_orangepill_ok'; readonly url: string }
  /**
   * Opn accepted the key at `url`; `testKey` for a skey_test_ key. `methods`: what the account offers
   * (null when Opn did not say, with `methodsDetail` its reason); `gone`: methods gone since, and when noticed.
   */
  | {
      readonly area: 'settings';
      readonly kind: 'test_opn_ok';
      readonly url: string;
      readonly testKey: boolean;
      readonly methods: readonly { readonly id: OpnMethodId; readonly currencies: readonly string[] }[] | null;
      readonly methodsDetail: string | null;
      readonly gone: readonly { readonly id: OpnMethodId; readonly since: number }[];
    };

/**
 * What the service says about the settings: saving them, checking them, keeping keys (see ../said.ts).
 */
/**
 * One field of saved settings that does not fit: its dotted path ('' for the whole) with the schema's
 * English and, where the schema words it, the same as a `Said`; or the unknown settings under `path`.
 */
export type SavedFieldIssue =
  | { readonly path: string; readonly unknown: readonly string[] }
  | { readonly path: string; readonly message: string; readonly said: SettingsSaid | null };

/** Why a file was not read: what it is instead of a regular file, or the system's refusal. */
export type UnreadableReason = 'folder' | 'pipe' | 'device' | 'socket' | 'not_regular' | 'link' | 'link_loop' | 'permission' | 'other';

/** A file that could not be read at all, as the shared reader (electron/service/files/regular-file.ts) says it. */
export type SavedFileReadSaid = Extract<SavedFileSaid, { readonly kind: 'saved_file_unreadable' | 'saved_file_too_large' }>;

/**
 * A file saved before that could not be used at start, shown on the settings screen until settings are
 * saved again. Names the file and what was wrong with it, never its contents.
 */
export type SavedFileSaid =
  /** The settings saved on the screen (`file`) have fields of the wrong type or unknown, so they were not used. */
  | { readonly area: 'settings'; readonly kind: 'screen_settings_wrong'; readonly file: string; readonly issues: readonly SavedFieldIssue[] }
  /** The saved settings with the settings file make settings that do not fit (`fields`), so the file's are in force. */
  | { readonly area: 'settings'; readonly kind: 'saved_settings_do_not_fit'; readonly fields: readonly SavedFieldIssue[] }
  /**
   * A file in the data folder that was not read at all: `reason` is what it is instead of a regular file,
   * or why the system refused it (`code`, the system's error code, for `other`).
   */
  | { readonly area: 'settings'; readonly kind: 'saved_file_unreadable'; readonly file: string; readonly reason: UnreadableReason; readonly code: string | null }
  /** A file in the data folder over `max` bytes (`size`; or grown past `max` while read, `grew`), so it was not read. */
  | { readonly area: 'settings'; readonly kind: 'saved_file_too_large'; readonly file: string; readonly size: number; readonly max: number; readonly grew: boolean }
  /** The settings saved on the screen (`file`) are not JSON, so they were not used. */
  | { readonly area: 'settings'; readonly kind: 'screen_settings_not_json'; readonly file: string }
  /** The stored provider keys (`file`) cannot be read: not JSON, or not what a keys file holds. */
  | { readonly area: 'settings'; readonly kind: 'keys_file_damaged'; readonly file: string; readonly problem: 'not_json' | 'unexpected' }
  /** The paired displays' file is damaged: displays pair again, and the kiosk cashier link is replaced. */
  | { readonly area: 'settings'; readonly kind: 'paired_displays_damaged'; readonly file: string; readonly problem: 'not_json' | 'unexpected' };

/** Why the POS API listens on nothing (electron/service/pos-api/pos-listener.ts, tls/pos-certificate.ts). */
export type PosListenSaid =
  /** The listener could not open `host` `port`; `inUse` when another program holds the port; `reason` is the system's, in English. */
  | { readonly area: 'settings'; readonly kind: 'pos_cannot_listen'; readonly host: string; readonly port: number; readonly inUse: boolean; readonly reason: string }
  /** The LAN needs a certificate kept in the data folder, and the terminal runs without one. */
  | { readonly area: 'settings'; readonly kind: 'pos_lan_no_folder' }
  /** The certificate could not be read or made; `reason` is the system's, in English. */
  | { readonly area: 'settings'; readonly kind: 'pos_certificate_unusable'; readonly reason: string };

export type SettingsSaid =
  | PosListenSaid
  /** A save while a sale is going: nothing was saved. */
  | { readonly area: 'settings'; readonly kind: 'sale_in_progress'; readonly amount: Money }
  /** The screen's settings could not be written to `file`; `reason` is the system's, in English. */
  | { readonly area: 'settings'; readonly kind: 'not_written'; readonly file: string; readonly reason: string }
  /** The terminal did not start with the new settings (`reason`, in English), so the previous ones are back. */
  | { readonly area: 'settings'; readonly kind: 'restart_failed'; readonly reason: string }
  | SavedFileSaid
  | KeyStorageSaid
  | SettingsFieldSaid
  | ConnectionSaid;
