import type { ManagerAction, PinRefusalSaid, StaffSaid } from '../../../../app/i18n/said/staff';
import type { Money } from '../../../../app/money/money';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';

/** "8 saat", "2 minit": the wait before the next PIN. */
const wait = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${String(seconds)} saat` : `${String(Math.ceil(seconds / 60))} minit`;
};

const ACTION: Readonly<Record<ManagerAction, string>> = {
  refund: 'membuat bayaran balik',
  closeDay: 'menutup hari',
  saveDeviceSettings: 'menukar tetapan peranti',
  saveSettings: 'menukar tetapan',
  testConnection: 'menguji kunci penyedia',
  saveStaff: 'menukar senarai kakitangan',
  resolveParked: 'menandakan jualan yang ditangguhkan sebagai selesai tanpa bayaran',
  approveDisplay: 'memasangkan paparan pelanggan',
  revokeDisplay: 'menyahpasang paparan pelanggan',
  createPosClient: 'mencipta kunci POS',
  revokePosClient: 'membatalkan kunci POS',
  newPosCertificate: 'menggantikan sijil API POS',
};

const needed = (need: { action: ManagerAction; amount: Money | null }, f: SaidFormat): string =>
  `PIN pengurus diperlukan untuk ${need.amount === null ? ACTION[need.action] : `membayar balik ${f.money(need.amount)}`}`;

const pin: SaidWordsFor<PinRefusalSaid> = {
  choose_who: () => 'Pilih nama anda daripada senarai',
  wrong_pin: ({ name, waitMs }) => (waitMs === 0 ? `PIN salah untuk ${name}` : `PIN salah untuk ${name}: cuba lagi dalam ${wait(waitMs)}`),
  too_many_wrong: ({ waitMs }) => `Terlalu banyak PIN salah: cuba lagi dalam ${wait(waitMs)}`,
};

export const ms: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => 'Log masuk dengan PIN anda dahulu',
  ...pin,
  manager_needed: (said, f) => needed(said, f),
  manager_pin_refused: (said, f) => `${needed(said, f)}: ${wordWithin(pin, said.refusal, f)}`,
  not_a_manager: (said, f) => `${needed(said, f)}: ${said.name} bukan pengurus`,
  staff_file_damaged: ({ file, problem }) =>
    `${file} rosak (${problem === 'not_json' ? 'bukan JSON yang sah' : 'kandungannya tidak dijangka'}): senarai kakitangan tidak dapat dibaca, jadi bayaran balik, penutupan hari dan tetapan ditolak sehingga fail itu dipulihkan daripada sandaran (atau dipadam, untuk bermula semula tanpa kakitangan).`,
  staff_not_written: ({ file, reason }) => `Senarai kakitangan tidak dapat disimpan dalam ${file}: ${reason}`,
  field_pin_format: () => 'Mesti PIN 4 hingga 8 digit',
  field_staff_id: () => 'Mesti id pendek dengan huruf kecil, digit, - dan _ (cth. "mei")',
  field_plain_text: () => 'Mesti teks biasa sahaja',
  field_id_twice: ({ id }) => `Digunakan dua kali: ${id}`,
  field_pin_for_new: () => 'PIN diperlukan untuk orang baharu',
  field_one_manager: () => 'Senarai mesti ada sekurang-kurangnya seorang pengurus: tanpanya, tiada sesiapa boleh membuat bayaran balik, menutup hari atau menukar tetapan',
};
