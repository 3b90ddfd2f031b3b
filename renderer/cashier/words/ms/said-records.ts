import type { RecordsSaid } from '../../../../app/i18n/said/records';
import type { SaidWordsFor } from '../said';

const disk = {
  full: { reason: 'cakera sudah penuh', until: 'ada ruang', remedy: (f: string) => `kosongkan ruang pada cakera yang menyimpan ${f}` },
  io: { reason: 'cakera melaporkan ralat tulis', until: 'jurnal boleh menulis semula', remedy: (f: string) => `periksa cakera yang menyimpan ${f}` },
  read_only: { reason: 'fail jurnal atau cakeranya telah menjadi baca sahaja', until: 'ia boleh ditulis semula', remedy: (f: string) => `jadikan ${f} boleh ditulis semula` },
  denied: { reason: 'terminal tidak lagi dibenarkan menulis kepadanya', until: 'terminal dibenarkan menulis semula', remedy: (f: string) => `periksa kebenaran bagi ${f}` },
  busy: { reason: 'program lain sedang menguncinya', until: 'program itu melepaskannya', remedy: (f: string) => `tutup apa-apa yang membuka jurnal dalam ${f}` },
} as const;

export const ms: SaidWordsFor<RecordsSaid> = {
  journal_cannot_save: ({ problem, folder }) =>
    `Tidak dapat menyimpan ke jurnal: ${disk[problem].reason}. Tiada jualan baharu boleh bermula sehingga ${disk[problem].until} (${disk[problem].remedy(folder)}).`,
};
