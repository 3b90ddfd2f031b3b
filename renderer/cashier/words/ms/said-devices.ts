import type { DeviceSaid, DeviceSummary, NamedPrinter, PrintedPage, PrinterCondition, PrintProblem, StatusUnknown } from '../../../../app/i18n/said/devices';
import { assertNever } from '../../../../app/util/assert-never';
import type { SaidWordsFor } from '../said';
import { devicePathRefused } from './said-devices-path';

const label = (printed: PrintedPage): string => {
  switch (printed.page) {
    case 'qr_slip':
      return `Slip QR ${printed.paymentId}`;
    case 'receipt':
      return `Resit ${printed.paymentId}`;
    case 'refund_slip':
      return `Slip bayaran balik ${printed.paymentId}`;
    case 'test_page':
      return 'Halaman ujian pencetak';
    case 'counter_card':
      return 'Kad kaunter Orangepill';
    case 'day_report':
      return `Laporan akhir hari ${printed.reportNumber}`;
    default:
      return assertNever(printed, 'printed page');
  }
};

const CONDITION: Readonly<Record<PrinterCondition, string>> = {
  out_of_paper: 'Kertas pencetak sudah habis',
  cover_open: 'Penutup pencetak terbuka',
  cutter_jammed: 'Pemotong kertas pencetak tersekat',
  fault: 'Pencetak mengalami kerosakan: matikan dan hidupkan semula',
  cooling: 'Pencetak sedang menyejuk (kepala cetak terlalu panas)',
  error: 'Pencetak melaporkan ralat',
  offline: 'Pencetak di luar talian',
  paper_low: 'Kertas pencetak hampir habis',
};

const problemText = (p: PrintProblem): string => {
  switch (p.problem) {
    case 'unreachable':
      return `pencetak di ${p.where} tidak dapat dihubungi: ${p.reason}`;
    case 'connect_timeout':
      return `pencetak di ${p.where} tidak menerima sambungan dalam masa ${p.ms} ms`;
    case 'write_timeout':
      return `pencetak ${p.where} tidak menerima data dalam masa ${p.ms} ms`;
    case 'send_failed':
      return `data gagal dihantar ke pencetak ${p.where}: ${p.reason}`;
    case 'serial_open_failed':
      return `port bersiri pencetak ${p.path} tidak dapat dibuka: ${p.reason}`;
    case 'usb_write_failed':
      return `data tidak dapat ditulis ke pencetak ${p.path}: ${p.reason}`;
    case 'not_connected':
      return `${p.device === 'printer path' ? 'laluan pencetak' : 'port paparan tiang'} ${p.path} tidak bersambung sekarang: tiada apa-apa pada laluan itu.`;
    case 'no_response':
      return `pencetak (${p.where}) tidak menjawab dalam masa ${p.ms} ms`;
    case 'shutting_down':
      return 'terminal sedang ditutup';
    case 'condition':
      return CONDITION[p.condition].toLowerCase();
    case 'not_prepared':
      return p.reason;
    default:
      return assertNever(p, 'print problem');
  }
};

const failed = (printed: PrintedPage, p: PrintProblem): string =>
  p.problem === 'not_prepared' ? `${label(printed)} tidak dapat disediakan untuk dicetak: ${p.reason}` : `${label(printed)} tidak dicetak: ${problemText(p)}`;

const nameOf = (printer: NamedPrinter): string => (printer.kind === 'real' ? `pencetak di ${printer.where}` : 'pencetak maya demo');
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const unknownText = (unknown: StatusUnknown): string => {
  switch (unknown.why) {
    case 'not_asked':
      return 'belum ditanya lagi';
    case 'write_only':
      return `pencetak ${unknown.link} tidak dapat melaporkan statusnya`;
    case 'no_answer':
      return unknown.reason;
    default:
      return assertNever(unknown, 'unknown status');
  }
};

const stateAction = (condition: PrinterCondition, printer: NamedPrinter): string => {
  if (condition === 'out_of_paper') return 'Masukkan gulungan baharu; pembayaran diteruskan sementara itu, dan slip boleh dicetak semula.';
  if (condition === 'cover_open') return 'Tutup penutupnya, kemudian cetak semula.';
  if (condition === 'paper_low') return 'Sediakan gulungan baharu.';
  return `Periksa ${nameOf(printer)}.`;
};

const SUMMARY = {
  printer: 'Pencetak',
  printer_not_printing: 'Pencetak tidak mencetak',
  printer_offline: 'Pencetak di luar talian',
  printer_path_refused: 'Laluan pencetak ditolak',
  no_printer: 'Tiada pencetak',
  pole: 'Paparan tiang',
  pole_connecting: 'Paparan tiang: menyambung',
  pole_disconnected: 'Paparan tiang terputus',
  pole_stopped: 'Paparan tiang dihentikan',
  pole_port_refused: 'Port paparan tiang ditolak',
  no_pole: 'Tiada paparan tiang',
  journal: 'Jurnal',
  no_journal: 'Tiada jurnal',
  no_customer_display: 'Tiada paparan pelanggan',
  customer_display_one_monitor: 'Tiada paparan pelanggan (satu monitor)',
  customer_display_restarted: 'Paparan pelanggan dimulakan semula',
  customer_display_stopped: 'Paparan pelanggan berhenti',
} as const;

const STATE_SUMMARY = { out_of_paper: 'Pencetak: kertas habis', cover_open: 'Pencetak: penutup terbuka', paper_low: 'Pencetak: kertas hampir habis' } as const;

const JOURNAL_SUMMARY = {
  full: 'Jurnal: cakera penuh',
  io: 'Jurnal: ralat cakera',
  read_only: 'Jurnal: baca sahaja',
  denied: 'Jurnal: tiada kebenaran',
  busy: 'Jurnal: dikunci',
  write_failed: 'Jurnal tidak dapat menyimpan',
} as const;

const summary = (said: DeviceSummary): string => {
  switch (said.summary) {
    case 'printer_state':
      return STATE_SUMMARY[said.condition];
    case 'journal_problem':
      return JOURNAL_SUMMARY[said.problem];
    case 'customer_displays':
      return said.count === 1 ? 'Paparan pelanggan' : `${said.count} paparan pelanggan`;
    default:
      return SUMMARY[said.summary];
  }
};

const POLE_STATE = { connecting: 'sedang disambungkan', connected: 'bersambung', disconnected: 'terputus', stopped: 'dihentikan' } as const;

export const ms: SaidWordsFor<DeviceSaid> = {
  print_job_gone: () => 'Kerja cetak itu tidak lagi disimpan; cetak semula dari bayaran',
  print_label: ({ printed }) => label(printed),
  print_started: ({ printed }) => `Sedang mencetak ${label(printed)}…`,
  print_done: ({ warnings }) => (warnings.length === 0 ? 'Sudah dicetak' : `Sudah dicetak; ${warnings.join('; ')}`),
  print_failed: ({ printed, problem }) => failed(printed, problem),
  printer_not_set_up: ({ detail }) => `Tiada pencetak resit disediakan: pilih cara ia disambungkan dalam Peranti, di bawah Tetapan pencetak${detail ? '.' : ''}`,
  printer_ready: ({ printer }) =>
    printer.kind === 'real'
      ? `Pencetak di ${printer.where} sedia digunakan.`
      : 'Tiada pencetak resit disediakan, jadi demo mencetak ke pencetak mayanya: setiap slip dipaparkan pada skrin ini. Pilih sambungan dalam Tetapan pencetak untuk mencetak pada kertas.',
  printer_no_status: ({ printer, unknown }) => `${capital(nameOf(printer))} tidak melaporkan statusnya (${unknownText(unknown)}).`,
  printer_state: ({ printer, condition }) => `${CONDITION[condition]}. ${stateAction(condition, printer)}`,
  printer_job_failed: ({ printer, printed, problem, quiet }) =>
    quiet
      ? `${failed(printed, problem)}. Pastikan ${nameOf(printer)} dihidupkan dan bersambung, kemudian cetak semula.`
      : `${failed(printed, problem)}. Cetak semula setelah masalah itu dibaiki.`,
  pole_not_set_up: ({ detail }) => `Tiada paparan tiang disediakan: pilih port bersirinya dalam Peranti, di bawah Tetapan paparan tiang${detail ? '.' : ''}`,
  pole_line: ({ state, path }) => `Paparan tiang ${POLE_STATE[state]}: ${path}`,
  pole_connecting: ({ path }) => `Paparan tiang sedang disambungkan: ${path}.`,
  pole_connected: ({ path }) => `Paparan tiang pada ${path} sedang menunjukkan jualan.`,
  pole_disconnected: ({ path, reason }) =>
    `Paparan tiang terputus: ${path} (${reason}). Periksa kabel dan bekalan kuasanya; terminal akan menyambung semula dengan sendirinya, dan pembayaran diteruskan sementara itu.`,
  pole_stopped: ({ path }) => `Paparan tiang dihentikan: ${path}.`,
  customer_displays: ({ count }) =>
    count === 0
      ? 'Tiada skrin pelanggan bersambung: pelanggan tidak dapat melihat QR kecuali ia dicetak. Buka pautan Paparan, atau pasangkan monitor kedua.'
      : count === 1
        ? 'Skrin pelanggan bersambung.'
        : `${count} skrin pelanggan bersambung.`,
  customer_display_one_monitor: () =>
    'Hanya satu monitor bersambung, jadi tiada paparan pelanggan: pelanggan mengimbas QR daripada slip QR (Cetak slip QR; ia dicetak dengan sendirinya kecuali tetapan pencetak menyatakan sebaliknya). Pasangkan monitor kedua dan paparan pelanggan akan dibuka padanya.',
  customer_display_restarted: () =>
    'Paparan pelanggan berhenti berfungsi dan telah dibuka semula; ia menunjukkan jualan seperti sebelumnya. Jika ini terus berlaku, mulakan semula terminal.',
  customer_display_stopped: ({ crashes, seconds }) =>
    `Paparan pelanggan berhenti berfungsi ${crashes} kali dalam ${seconds} saat, jadi ia tidak dibuka semula: pelanggan mengimbas QR daripada slip QR. Mulakan semula terminal untuk membukanya semula.`,
  journal_ok: () => 'Setiap jualan disimpan dalam jurnal sebelum ia dipaparkan.',
  no_journal: () => 'Jualan hanya disimpan dalam memori, jadi ia hilang apabila terminal dimulakan semula: mulakan terminal dengan folder data untuk menyimpannya.',
  provider_not_asked: ({ provider }) => `Belum disemak: terminal menyemak ${provider} apabila ia menerima bayaran.`,
  summary: ({ said }) => summary(said),
  method_gone: ({ method }) => `Kaedah bayaran ${method} tidak lagi disediakan pada terminal ini`,
  no_counter_card: () => 'Orangepill tidak disediakan pada terminal ini, jadi tiada kad kaunter untuknya',
  ports_not_listed: ({ reason, scanned }) =>
    scanned ? `Port bersiri tidak dapat disenaraikan (${reason}), dan /dev tiada peranti bersiri` : `Port bersiri tidak dapat disenaraikan: ${reason}`,
  device_path_refused: devicePathRefused,
  displays_full: ({ max }) => `${max} paparan sudah dipasangkan: nyahpasang satu dahulu`,
  pairing_paused: ({ minutes }) => `Terlalu banyak kod pasangan yang salah: pemasangan dihentikan seketika selama ${minutes} minit`,
  pairing_code_unknown: ({ code, seconds }) => `Tiada paparan yang menunjukkan kod ${code}: semak kod pada paparan (ia bertukar setiap ${seconds} saat)`,
  pairing_code_expired: ({ code }) => `Kod ${code} sudah tamat tempoh: paparan kini menunjukkan kod baharu, taip kod itu`,
  pairing_screen_closed: () => 'Paparan menutup skrin pasangannya sebelum ia dipasangkan: bukanya semula dan taip kod baharu',
  display_not_paired: () => 'Paparan itu tidak dipasangkan (mungkin ia sudah dinyahpasang)',
  pairing_code_shape: ({ digits }) => `mesti kod ${digits} digit yang ditunjukkan pada paparan`,
  display_name_empty: () => 'tidak boleh kosong: namakan paparan itu, contohnya "Tablet kaunter"',
  display_name_control: () => 'tidak boleh mengandungi aksara kawalan atau format',
  display_not_saved: ({ paired, reason }) => `Paparan itu tidak ${paired ? 'dipasangkan' : 'dinyahpasang'}: ${reason}`,
};
