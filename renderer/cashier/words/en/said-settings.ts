import type { SavedFieldIssue, SettingsSaid } from '../../../../app/i18n/said/settings';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../../../app/providers/opn/opn-methods';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { keyStorage } from './said-key-storage';

const PROVIDER = { opn: 'Opn', orangepill: 'Orangepill' } as const;
const KEY = { opn: 'secret key', orangepill: 'API key' } as const;
const NOT_A_KEY = { opn: 'secret key: it starts with skey_', orangepill: 'API key: it is at least 8 characters' } as const;
const EMPTY = { none: '', leave_unset: ' (leave it unset instead)', no_logo: ' (leave it unset for no logo text)' } as const;
const MIB = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const UNREADABLE = {
  folder: 'is a folder, not a file',
  pipe: 'is a named pipe (FIFO), not a regular file, so it was not read (reading it could wait forever)',
  device: 'is a device, not a regular file, so it was not read',
  socket: 'is a socket, not a regular file, so it was not read',
  not_regular: 'is not a regular file, so it was not read',
  link: 'is a symbolic link; files in the data folder must be regular files, so it was not read (remove the link)',
  link_loop: 'is a loop of symbolic links',
  permission: 'cannot be read: permission denied for this user account',
} as const;
const name = (id: keyof typeof OPN_METHODS): string => OPN_METHODS[id].names.en;

/** One field of saved settings that does not fit, its own problem worded as beneath the field (`whole`: the name for no path). */
const issue = (i: SavedFieldIssue, f: SaidFormat, whole: string): string =>
  'unknown' in i
    ? `${i.path === '' ? '' : `${i.path}: `}unknown setting(s) ${i.unknown.join(', ')}`
    : `${i.path === '' ? whole : i.path} ${i.said === null ? i.message : wordWithin(en, i.said, f)}`;

export const en: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `A sale of ${f.money(amount)} is in progress: finish or cancel it before changing settings (nothing was saved)`,
  not_written: ({ file, reason }) => `The settings could not be saved in ${file}: ${reason}`,
  restart_failed: ({ reason }) => `The terminal could not start with the new settings (${reason}); the previous settings are back in force`,
  screen_settings_not_json: ({ file }) => `${file} is not valid JSON, so the settings saved on the screen were not used`,
  keys_file_damaged: ({ file, problem }) => `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}); set the provider keys again`,
  paired_displays_damaged: ({ file, problem }) =>
    `${file} is damaged (${problem === 'not_json' ? 'not valid JSON' : 'unexpected contents'}): paired displays must pair again, and the kiosk cashier link is replaced`,
  saved_file_unreadable: ({ file, reason, code }) => `The saved file ${file} ${reason === 'other' ? `cannot be read (${code ?? 'unknown error'})` : UNREADABLE[reason]}`,
  saved_file_too_large: ({ file, size, max, grew }) =>
    `The saved file ${file} ${grew ? `is larger than ${MIB(max)}, so it was not read` : `is ${MIB(size)}; at most ${MIB(max)} is read, so it was not read (is it the right file?)`}`,
  screen_settings_wrong: ({ file, issues }, f) => `${file}: ${issues.map((i) => issue(i, f, 'settings')).join('; ')}; the settings saved on the screen were not used`,
  saved_settings_do_not_fit: ({ fields }, f) => `The settings saved on this terminal do not fit the settings file (${fields.map((i) => issue(i, f, '')).join('; ')}); the file's settings are in force until they are saved again`,
  pos_cannot_listen: ({ host, port, reason }) => `The POS API cannot listen on ${host} port ${String(port)}: ${reason}`,
  pos_lan_no_folder: () =>
    'The POS API listens on the LAN only over TLS, with a certificate kept in the data folder, and this terminal runs without one: it listens on nothing. Use "loopback" for a till on this machine',
  pos_certificate_unusable: ({ reason }) => `The POS API cannot listen on the LAN: its certificate could not be read or made (${reason})`,
  ...keyStorage,
  field_empty: ({ hint }) => `must not be empty${EMPTY[hint]}`,
  field_too_long: ({ max, hint }) => `must be at most ${String(max)} characters${hint === 'double_width' ? ' (it prints double width)' : ''}`,
  field_four_lines: () => 'must be at most four lines',
  field_not_url: () => 'must be an http(s) URL',
  field_url_not_https: () =>
    'must be an https:// address: it receives the secret key with every request (plain http:// only to this machine, e.g. http://127.0.0.1:8080)',
  field_not_alias: () => 'must be an alias like @my_shop',
  field_not_opn_key: () => 'must be an Opn secret key (skey_…)',
  field_not_orangepill_key: () => 'must be the API key from the Orangepill console (at least 8 characters)',
  field_not_api_version: () => 'must be an API version date like 2019-05-29',
  field_seconds_not_number: () => 'must be a number of seconds',
  field_seconds_not_whole: () => 'must be a whole number of seconds',
  field_seconds_at_least: ({ min }) => `must be at least ${String(min)} seconds`,
  field_seconds_at_most: ({ max }) => `must be at most ${String(max / 3600)} hours (${String(max)} seconds)`,
  field_languages_none: () => 'must name at least one language',
  field_languages_too_many: () => 'must name at most two languages (the display shows two at once)',
  field_languages_twice: () => 'must not name the same language twice',
  field_not_currency: () => 'must be a supported ISO 4217 currency code, e.g. SGD',
  field_not_locale: () => 'must be a BCP 47 locale this system knows, e.g. en-SG',
  field_alias_with_key: () => 'must be set together with the API key: every request needs a destination alias',
  field_true_false: () => 'must be true or false',
  field_not_port: () => 'must be a port number (0 to 65535)',
  field_pos_bind: () => 'must be "loopback" (this machine only) or "lan" (the shop network, over TLS)',
  field_not_ipv4: () => 'must be an IPv4 address of this machine, like 192.168.1.20 (leave it unset to listen on every address)',
  field_not_a_setting: () => 'is not a setting',
  field_set_by_environment: ({ variable }) => `is set by the environment variable ${variable}; change it there`,
  field_url_key_in_environment: ({ variable }) => `cannot move while the key is set by the environment variable ${variable}: set the address there too`,
  field_key_again: ({ url }) => `must be typed again to be sent to ${url}: a key is only sent to the address it was set for`,
  field_consent: ({ storage }, f) => `must be ticked to keep a key here: ${wordWithin(keyStorage, storage, f)}`,
  test_no_key: ({ provider }) => `No ${PROVIDER[provider]} ${KEY[provider]} is set: type the key, then test it`,
  test_not_a_key: ({ provider }) => `That is not an ${PROVIDER[provider]} ${NOT_A_KEY[provider]}`,
  test_url_locked: ({ provider, variable, inForce }) =>
    `The ${PROVIDER[provider]} base URL is set by the environment variable ${variable} (${inForce}); it cannot be changed from this screen`,
  test_type_key: ({ provider, url, inForce }) => `Type the ${PROVIDER[provider]} key to test it at ${url}: the key in force is only ever sent to ${inForce}`,
  test_failed: ({ detail }) => detail,
  test_orangepill_ok: ({ url }) => `Orangepill accepted the key at ${url}`,
  test_opn_ok: ({ url, testKey, methods, methodsDetail, gone }, f) => {
    const mode = testKey ? ' (a test key: no real money moves)' : '';
    const offers =
      methods === null
        ? `It did not say which QR methods this account has: ${methodsDetail ?? ''}.`
        : methods.length === 0
          ? `This account offers none of the QR methods the terminal takes (${OPN_METHOD_IDS.map(name).join(', ')}).`
          : `This account offers ${methods.map((m) => `${name(m.id)} (${m.currencies.join(', ')})`).join(', ')}.`;
    const lost = gone.map(
      (g) =>
        `Opn no longer offers ${name(g.id)} on this account (noticed on ${f.date(g.since)}), so the terminal does not offer it. Ask Opn to enable ${name(g.id)} again, then press Test connection in Settings.`,
    );
    return [`Opn accepted the key at ${url}${mode}. ${offers}`, ...lost].join(' ');
  },
};
