import type { SavedFieldIssue, SettingsSaid } from '../../../../app/i18n/said/settings';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { connection } from './said-connection';
import { keyStorage } from './said-key-storage';

const EMPTY = { none: '', leave_unset: ' (biarkan tanpa nilai jika tidak diperlukan)', no_logo: ' (biarkan tanpa nilai jika tiada teks logo)' } as const;

const MIB = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const UNREADABLE = {
  folder: 'ialah folder, bukan fail',
  pipe: 'ialah paip bernama (FIFO), bukan fail biasa, jadi ia tidak dibaca (membacanya boleh menunggu selama-lamanya)',
  device: 'ialah peranti, bukan fail biasa, jadi ia tidak dibaca',
  socket: 'ialah soket, bukan fail biasa, jadi ia tidak dibaca',
  not_regular: 'bukan fail biasa, jadi ia tidak dibaca',
  link: 'ialah pautan simbolik; fail dalam folder data mesti fail biasa, jadi ia tidak dibaca (buang pautan itu)',
  link_loop: 'ialah gelung pautan simbolik',
  permission: 'tidak dapat dibaca: kebenaran ditolak untuk akaun pengguna ini',
} as const;

/** One field of saved settings that does not fit, its own problem worded as beneath the field (`whole`: the name for no path). */
const issue = (i: SavedFieldIssue, f: SaidFormat, whole: string): string =>
  'unknown' in i
    ? `${i.path === '' ? '' : `${i.path}: `}tetapan tidak dikenali ${i.unknown.join(', ')}`
    : `${i.path === '' ? whole : i.path} ${i.said === null ? i.message : wordWithin(ms, i.said, f)}`;

export const ms: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `Jualan ${f.money(amount)} sedang berjalan: selesaikan atau batalkannya sebelum menukar tetapan (tiada apa-apa disimpan)`,
  not_written: ({ file, reason }) => `Tetapan tidak dapat disimpan dalam ${file}: ${reason}`,
  restart_failed: ({ reason }) => `Terminal tidak dapat dimulakan dengan tetapan baharu (${reason}); tetapan sebelumnya digunakan semula`,
  screen_settings_not_json: ({ file }) => `${file} bukan JSON yang sah, jadi tetapan yang disimpan pada skrin tidak digunakan`,
  keys_file_damaged: ({ file, problem }) => `${file} rosak (${problem === 'not_json' ? 'bukan JSON yang sah' : 'kandungan tidak dijangka'}); tetapkan semula kunci penyedia`,
  paired_displays_damaged: ({ file, problem }) =>
    `${file} rosak (${problem === 'not_json' ? 'bukan JSON yang sah' : 'kandungan tidak dijangka'}): paparan yang dipasangkan mesti dipasangkan semula, dan pautan juruwang kiosk diganti`,
  saved_file_unreadable: ({ file, reason, code }) => `Fail yang disimpan ${file} ${reason === 'other' ? `tidak dapat dibaca (${code ?? 'ralat tidak diketahui'})` : UNREADABLE[reason]}`,
  saved_file_too_large: ({ file, size, max, grew }) =>
    `Fail yang disimpan ${file} ${grew ? `lebih besar daripada ${MIB(max)}, jadi ia tidak dibaca` : `bersaiz ${MIB(size)}; paling banyak ${MIB(max)} dibaca, jadi ia tidak dibaca (adakah ini fail yang betul?)`}`,
  screen_settings_wrong: ({ file, issues }, f) => `${file}: ${issues.map((i) => issue(i, f, 'tetapan')).join('; ')}; tetapan yang disimpan pada skrin tidak digunakan`,
  saved_settings_do_not_fit: ({ fields }, f) => `Tetapan yang disimpan pada terminal ini tidak sepadan dengan fail tetapan (${fields.map((i) => issue(i, f, '')).join('; ')}); tetapan dalam fail digunakan sehingga tetapan disimpan semula`,
  pos_cannot_listen: ({ host, port, inUse, reason }) =>
    `API POS tidak dapat menerima sambungan pada ${host} port ${String(port)}: ${inUse ? `port itu sedang digunakan oleh program lain (${reason})` : reason}`,
  pos_lan_no_folder: () =>
    'API POS hanya menerima sambungan pada LAN melalui TLS, dengan sijil yang disimpan dalam folder data, dan terminal ini berjalan tanpanya: ia tidak menerima sambungan. Gunakan "loopback" untuk kaunter di komputer ini',
  pos_certificate_unusable: ({ reason }) => `API POS tidak dapat menerima sambungan pada LAN: sijilnya tidak dapat dibaca atau dibuat (${reason})`,
  ...keyStorage,
  ...connection,
  field_empty: ({ hint }) => `Tidak boleh dibiarkan kosong${EMPTY[hint]}`,
  field_too_long: ({ max, hint }) => `Tidak boleh melebihi ${String(max)} aksara${hint === 'double_width' ? ' (ia dicetak dua kali lebar)' : ''}`,
  field_four_lines: () => 'Tidak boleh melebihi empat baris',
  field_not_url: () => 'Mesti alamat URL http(s)',
  field_url_not_https: () =>
    'Mesti alamat https://: alamat ini menerima kunci rahsia dengan setiap permintaan (http:// biasa hanya untuk komputer ini, cth. http://127.0.0.1:8080)',
  field_not_alias: () => 'Mesti alias seperti @my_shop',
  field_not_opn_key: () => 'Mesti kunci rahsia Opn (skey_…)',
  field_not_orangepill_key: () => 'Mesti kunci API daripada konsol Orangepill (sekurang-kurangnya 8 aksara)',
  field_not_api_version: () => 'Mesti tarikh versi API seperti 2019-05-29',
  field_seconds_not_number: () => 'Mesti bilangan saat',
  field_seconds_not_whole: () => 'Mesti nombor bulat dalam saat',
  field_seconds_at_least: ({ min }) => `Mesti sekurang-kurangnya ${String(min)} saat`,
  field_seconds_at_most: ({ max }) => `Tidak boleh melebihi ${String(max / 3600)} jam (${String(max)} saat)`,
  field_languages_none: () => 'Pilih sekurang-kurangnya satu bahasa',
  field_languages_too_many: () => 'Pilih paling banyak dua bahasa (paparan menunjukkan dua bahasa serentak)',
  field_languages_twice: () => 'Bahasa yang sama tidak boleh dipilih dua kali',
  field_not_currency: () => 'Mesti kod mata wang ISO 4217 yang disokong, cth. SGD',
  field_not_locale: () => 'Mesti lokaliti BCP 47 yang dikenali sistem ini, cth. en-SG',
  field_alias_with_key: () => 'Mesti ditetapkan bersama kunci API: setiap permintaan memerlukan alias destinasi',
  field_true_false: () => 'Mesti benar atau palsu',
  field_not_port: () => 'Mesti nombor port (0 hingga 65535)',
  field_pos_bind: () => 'Mesti "loopback" (mesin ini sahaja) atau "lan" (rangkaian kedai, melalui TLS)',
  field_not_ipv4: () => 'Mesti alamat IPv4 mesin ini, seperti 192.168.1.20 (biarkan kosong untuk mendengar pada semua alamat)',
  field_not_a_setting: () => 'Ini bukan satu tetapan',
  field_set_by_environment: ({ variable }) => `Ditetapkan oleh pemboleh ubah persekitaran ${variable}; tukarkannya di sana`,
  field_url_key_in_environment: ({ variable }) =>
    `Tidak boleh ditukar selagi kunci ditetapkan oleh pemboleh ubah persekitaran ${variable}: tetapkan alamat itu di sana juga`,
  field_key_again: ({ url }) => `Kunci perlu ditaip semula untuk dihantar ke ${url}: kunci hanya dihantar ke alamat yang ditetapkan untuknya`,
  field_consent: ({ storage }, f) => `Mesti ditanda untuk menyimpan kunci di sini: ${wordWithin(keyStorage, storage, f)}`,
};
