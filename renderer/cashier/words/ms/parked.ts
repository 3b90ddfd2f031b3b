import type { ParkedWords } from '../parked';

export const ms: ParkedWords = {
  needsAttention: 'Perlu perhatian',
  badgeLabel: (count) => `Perlu perhatian: ${count} jualan ditangguh`,
  close: 'Tutup (Esc)',
  intro:
    'Jualan ditangguh: keputusannya tidak dapat diketahui di kaunter. Setiap satu masih disemak dengan penyedianya, semakin jarang jika ' +
    'lama tiada jawapan. Tiada yang dikira dibayar sehingga penyedia mengesahkannya.',
  couldNotRead: (problem) => `Senarai jualan ditangguh tidak dapat dibaca: ${problem}`,
  empty: 'Tiada apa-apa yang perlu perhatian: tiada jualan ditangguh.',
  newsLabel: 'Jualan ditangguh yang sudah berakhir',
  details: 'Butiran',
  seen: 'Sudah dilihat',

  card: {
    started: (time) => `Dimulakan ${time}`,
    parkedAt: (time) => `, ditangguh ${time}`,
    order: (ref) => `, pesanan ${ref}`,
    outcomeUnknown: (lastAnswer) => `Keputusan tidak diketahui — belum dibayar setakat ini. Jawapan terakhir: ${lastAnswer}`,
    checkNow: 'Semak sekarang',
    checking: 'Menyemak…',
    markResolved: 'Tandakan selesai…',
    reasonLabel: 'Sebab tidak dibayar (seperti yang ditunjukkan konsol penyedia); pengurus yang memutuskan',
    back: 'Kembali',
    markNotPaidAsk: 'Tandakan tidak dibayar…',
    refund: 'Bayaran balik',
    resolveTitle: (amount) => `Tandakan ${amount} sebagai tidak dibayar?`,
    markNotPaid: 'Tandakan tidak dibayar',
    marking: 'Menandakan…',
    resolveQuestion: (name) =>
      `${name} akan ditutup sebagai tidak dibayar, bersama sebab anda dan nama pengurus, dan terminal berhenti menyemaknya. ` +
      'Lakukan ini hanya selepas konsol penyedia menunjukkan ia tidak dibayar.',
  },

  sale: {
    name: (id, amount) => `Jualan ditangguh ${id} bernilai ${amount}`,
    unknownStatus: (providerStatus) => `Penyedia menjawab dengan status yang tidak dikenali terminal (${providerStatus}); tidak dikira dibayar.`,
    partArrived: (amount) => `Sebahagian telah diterima: ${amount}; bakinya belum.`,
    partArrivedUnreported: 'Sebahagian telah diterima (jumlah tidak dilaporkan); bakinya belum.',
    notPaidYet: 'Penyedia masih menyatakan pelanggan belum membayar.',
    paid: (name, time, flags) => `${name} telah dibayar pada ${time}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}`,
    flagOverpaid: 'terlebih bayar',
    flagLate: 'selepas QR tamat tempoh',
    paidAfterClosed: (name, time) => `${name} telah dibayar pada ${time}, selepas ditutup: buat bayaran balik atau simpan jualan`,
    refunded: (name) => `${name} telah dibayar, dan telah dibayar balik sepenuhnya`,
    failed: (name, message) => `${name} gagal — tidak dibayar: ${message}`,
    expired: (name) => `${name} tamat tempoh — tidak dibayar`,
    cancelled: (name) => `${name} telah dibatalkan — tidak dibayar`,
    cancelledWithMoney: (name, received) => `${name} dibatalkan selepas ${received}: wang itu perlu dipulangkan`,
    received: (amount) => `${amount} diterima`,
    receivedUnreported: 'wang diterima (jumlah tidak dilaporkan)',
    stillOpen: (name, lastAnswer) => `${name} masih terbuka: ${lastAnswer}`,
    askedJustNow: (lastAnswer) => `Baru disemak: ${lastAnswer}`,
  },

  warning: {
    title: (count) =>
      `${count} jualan ditangguh, keputusan tidak diketahui: tidak dikira dibayar. Laporan menyenaraikannya sebagai ` +
      '“ditangguh, keputusan tidak diketahui”; jualan yang didapati dibayar kemudian ada dalam Sejarah.',
    line: (amount, method, id, time) => `${amount} · ${method} · ${id}, dimulakan ${time}`,
  },
};
