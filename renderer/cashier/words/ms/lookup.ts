import type { LookupWords } from '../lookup';

export const ms: LookupWords = {
  title: 'Semak QR pelanggan',
  help: 'Tampal gambar QR Orangepill pelanggan (Ctrl+V), atau pilih fail imej.',
  reading: 'Membaca QR…',
  choose: 'Pilih imej…',
  close: 'Tutup',
  noPicture: 'Papan keratan tiada gambar: salin imej QR, kemudian tampal di sini',
  notAPicture: 'Fail itu bukan gambar: pilih imej PNG atau JPEG kod QR',
  tooLarge: 'Gambar itu terlalu besar untuk dihantar: potong hingga tinggal kod QR sahaja dan cuba lagi',
  unreadable: 'Gambar itu tidak dapat dibuka: gunakan imej PNG atau JPEG kod QR',
  status: 'Status',
  amount: 'Jumlah',
  notStated: 'Tidak dinyatakan',
  order: 'Pesanan',
  none: 'Tiada',
  code: 'Kod',
  created: 'Dibuat pada',
};
