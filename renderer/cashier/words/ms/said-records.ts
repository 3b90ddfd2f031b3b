import type { JournalDiskProblem, JournalProblemSaid, RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: 'cakera sudah penuh', until: 'ada ruang', remedy: (f: string) => `kosongkan ruang pada cakera yang menyimpan ${f}` },
  io: { reason: 'cakera melaporkan ralat tulis', until: 'jurnal boleh menulis semula', remedy: (f: string) => `periksa cakera yang menyimpan ${f}` },
  read_only: { reason: 'fail jurnal atau cakeranya telah menjadi baca sahaja', until: 'ia boleh ditulis semula', remedy: (f: string) => `jadikan ${f} boleh ditulis semula` },
  denied: { reason: 'terminal tidak lagi dibenarkan menulis kepadanya', until: 'terminal dibenarkan menulis semula', remedy: (f: string) => `periksa kebenaran bagi ${f}` },
  busy: { reason: 'program lain sedang menguncinya', until: 'program itu melepaskannya', remedy: (f: string) => `tutup apa-apa yang membuka jurnal dalam ${f}` },
} as const satisfies Record<JournalDiskProblem, unknown>;

const journal = (said: JournalProblemSaid): string =>
  said.kind === 'journal_cannot_save'
    ? `Tidak dapat menyimpan ke jurnal: ${disk[said.problem].reason}. Tiada jualan baharu boleh bermula sehingga ${disk[said.problem].until} (${disk[said.problem].remedy(said.folder)}).`
    : `Tidak dapat menyimpan ke jurnal (${said.detail}). Tiada jualan baharu boleh bermula sehingga jurnal dapat menyimpan semula; jualan di kaunter tetap disimpan sementara dan direkodkan sebaik sahaja boleh.`;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const SMALLER = 'Potong gambar hingga tinggal kod QR sahaja, atau ambil foto yang lebih kecil.';


const STATUS: Readonly<Record<string, string>> = {
  CREATED: 'Menunggu bayaran',
  PENDING: 'Menunggu bayaran',
  PROCESSING: 'Bayaran sedang diproses',
  ACCEPTED: 'Bayaran sedang diproses',
  DONE: 'Dibayar',
  COMPLETED: 'Dibayar',
  OVERPAID: 'Dibayar, lebih daripada jumlah yang diminta',
  LATE: 'Dibayar lewat, selepas permintaan tamat tempoh',
  INCOMPLETE: 'Dibayar sebahagian',
  REFUND: 'Sedang dibayar balik',
  REFUNDED: 'Dibayar balik',
};
const WITH_REASON: Readonly<Record<string, string>> = { CANCELLED: 'Dibatalkan', FAILED: 'Bayaran gagal', ERROR: 'Orangepill melaporkan ralat' };

const lookupStatus = ({ status, reason }: { readonly status: string; readonly reason: string | null }): string => {
  const failed = WITH_REASON[status];
  if (failed !== undefined) return reason === null ? failed : `${failed}: ${reason}`;
  return STATUS[status] ?? `Status Orangepill ${status}, yang tidak dikenali oleh terminal`;
};

export const ms: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: journal,
  journal_write_failed: journal,
  kept_until_saved: (said) =>
    `${journal(said.journal)} ${
      said.kept === 'sale'
        ? 'Maklumat terkini jualan ini tetap disimpan sementara, dan dipaparkan sebaik sahaja ia direkodkan.'
        : 'Keputusan ini tetap disimpan sementara, dan dipaparkan sebaik sahaja ia direkodkan.'
    }`,
  refund_kept_until_saved: (said) =>
    `${journal(said.journal)} Bayaran balik telah berjaya di ${said.provider}; ia akan direkodkan sebaik sahaja jurnal boleh menulis semula.`,
  day_report_not_saved: ({ problem, folder }) =>
    `Laporan hari tidak disimpan: ${disk[problem].reason} (${disk[problem].remedy(folder)}). Hari ini kekal dibuka; tutup semula setelah masalah itu diatasi.`,
  day_sales_open: ({ count }) =>
    count === 1
      ? 'Satu jualan masih berjalan: selesaikan atau batalkannya dahulu sebelum menutup hari, supaya ia dikira'
      : `${count} jualan masih berjalan: selesaikan atau batalkannya dahulu sebelum menutup hari, supaya semuanya dikira`,
  no_journal: () =>
    'Sejarah dan penutupan hari memerlukan jurnal, tetapi terminal ini menyimpan bayaran dalam memori sahaja: mulakan terminal dengan folder data (--data) untuk menyimpannya',
  day_report_not_found: ({ number, last }) =>
    last === null ? `Tiada laporan hari no. ${number}: belum ada hari yang ditutup` : `Tiada laporan hari no. ${number}: laporan yang ada ialah no. 1 hingga ${last}`,
  payment_not_in_journal: ({ paymentId }) => `Bayaran ${paymentId} tiada dalam jurnal`,
  payment_unreadable: ({ paymentId, detail }) => `Bayaran ${paymentId} dalam jurnal tidak dapat dibaca: ${detail}`,
  csv_too_many: ({ count, max }) => `${count} bayaran sepadan, melebihi had ${max} bayaran bagi satu fail: pilih julat tarikh yang lebih pendek`,
  lookup_not_set_up: () => 'Orangepill belum disediakan pada terminal ini',
  lookup_no_qr: () => 'Tiada kod QR dapat dibaca daripada imej itu',
  lookup_image_unreadable: () => 'Imej itu tidak dapat dibaca: gunakan gambar PNG atau JPEG kod QR',
  lookup_image_too_detailed: () => 'Imej itu terlalu terperinci untuk dihantar kepada Orangepill: potong hingga tinggal kod QR sahaja dan cuba lagi',
  lookup_image_too_many_pixels: ({ width, height, maxSide, maxPixels }) =>
    `Gambar itu bersaiz ${width} × ${height} piksel; saiz terbesar yang boleh dibaca oleh terminal ialah ${maxSide} × ${maxSide} (${(maxPixels / 1e6).toFixed(1)} megapiksel). ${SMALLER}`,
  lookup_image_too_many_bytes: ({ bytes, maxBytes }) =>
    `Gambar itu bersaiz ${megabytes(bytes)}; saiz terbesar yang boleh dibaca oleh terminal ialah ${megabytes(maxBytes)}. ${SMALLER}`,
  lookup_not_a_request: () => 'Kod QR itu bukan permintaan bayaran Orangepill',
  lookup_no_such_request: ({ code }) => `Orangepill tiada permintaan bayaran dengan kod ${code}`,
  lookup_status: lookupStatus,
};
