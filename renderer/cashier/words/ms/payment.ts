import type { PaymentWords } from '../payment';

const notReported = (provider: string): string => `jumlah tidak dilaporkan oleh ${provider}`;
const markReturned = 'kemudian tekan Tandakan dipulangkan di sini.';

/** The amount to refund when the terminal was not told how much arrived. */
const refundable = (amount: string | null): string => amount ?? 'jumlah yang dibayar pelanggan (terminal tidak dimaklumkan jumlahnya)';

export const ms: PaymentWords = {
  providerHistory: 'Sejarah penyedia',
  theProvider: 'penyedia',
  requestedBy: (client, amount) => `Diminta oleh ${client} \u2014 ${amount}`,
  posOffer: { choose: 'Pilih cara pelanggan membayar:', order: (reference) => `Pesanan ${reference}`, decline: 'Tolak' },
  notReported,

  status: {
    creating: 'Menyediakan bayaran…',
    awaiting: 'Menunggu pelanggan mengimbas dan membayar',
    cancelling: 'Membatalkan…',
    cancellingDetail: 'Bayaran mungkin masih berjaya sehingga penyedia mengesahkan',
    unknown: (providerStatus) => `Status tidak diketahui daripada penyedia: ${providerStatus} — tidak dibayar`,
    stillChecking: 'Masih menyemak dengan penyedia…',
    needsAttention: 'Perlu perhatian — bayaran belum disahkan',
    needsAttentionDetail: (reason) => `${reason}. Semak bayaran dengan penyedia sebelum menyerahkan barang; terminal terus menyemak.`,
    partlyPaid: 'Dibayar sebahagian',
    partlyPaidDetail: (by) =>
      `${by === null ? '' : `Sebahagian bayaran telah diterima (${notReported(by)}). `}Pelanggan masih boleh membayar bakinya, atau batalkan bayaran`,
    paid: 'Telah dibayar',
    paidOverpaid: 'Telah dibayar — terlebih bayar',
    paidLate: 'Dibayar lewat — simpan atau bayar balik',
    paidOverpaidLate: 'Telah dibayar — terlebih bayar, lewat — simpan atau bayar balik',
    paidLateDetail: 'Pelanggan membayar selepas permintaan tamat tempoh. Simpan bayaran (dikira sebagai dibayar), atau bayar balik.',
    keptLate: (decision) => `Dibayar selepas permintaan tamat tempoh; disimpan ${decision}`,
    failed: 'Bayaran gagal',
    expired: 'Tamat tempoh — tidak dibayar',
    expiredDetail: 'Kod QR tamat tempoh sebelum pelanggan membayar',
    cancelled: 'Dibatalkan — tidak dibayar',
    paidAfterCancel: 'Dibayar selepas dibatalkan — bayar balik atau simpan',
    paidAfterCancelDetail: 'Pelanggan membayar selepas jualan dibatalkan: bayar balik bayaran itu atau simpan jualan',
    refunded: 'Dibayar balik sepenuhnya',
  },

  moneyBack: {
    title: (received, returned) =>
      `Dibatalkan — ${received === null ? 'wang diterima (jumlah tidak dilaporkan)' : `${received} diterima`}, ${returned ? 'sudah dipulangkan' : 'perlu dipulangkan'}`,
    toGiveBack: (received) =>
      `${received === null ? 'Wang yang diterima (jumlah tidak dilaporkan)' : `${received} yang diterima`} mesti dipulangkan kepada pelanggan; ` +
      'tandakan sebagai dipulangkan setelah selesai.',
    markedReturned: (decision) => `Ditandakan dipulangkan ${decision}`,
    decision: (by, time) => `${by === null ? '' : `oleh ${by} `}pada ${time}`,
    orangepill: (requestId, orderId, amount) =>
      `Bayaran balik Orangepill dibuat di konsol Orangepill: buka permintaan bayaran ${requestId ?? '(tiada ID permintaan)'} ` +
      `(pesanan ${orderId}), semak apa yang diterima, dan bayar balik ${refundable(amount)} kepada pembayar. Kemudian tekan Tandakan dipulangkan di sini.`,
    atome: (amount, chargeId) => `Bayar balik ${refundable(amount)} kepada pelanggan di papan pemuka Opn (caj ${chargeId ?? 'tidak diketahui'}), ${markReturned}`,
    demo: (amount) => `Demo: tiada wang sebenar berpindah. Pulangkan ${refundable(amount)} kepada pelanggan seperti biasa, ${markReturned}`,
  },

  cancelQuestion: {
    title: 'Batalkan jualan? Wang telah diterima',
    question: (asked, received, provider) =>
      received === null
        ? `Sebahagian daripada ${asked} telah diterima (${notReported(provider)}). Batalkan jualan? Wang yang diterima mesti dipulangkan kepada pelanggan.`
        : `${received} daripada ${asked} telah diterima. Batalkan jualan? ${received} itu mesti dipulangkan kepada pelanggan.`,
    accept: (received) => (received === null ? 'Batalkan jualan, wang perlu dipulangkan' : `Batal, ${received} perlu dipulangkan`),
  },

  details: {
    amount: 'Jumlah',
    received: 'Diterima',
    outstanding: 'Baki',
    method: 'Kaedah',
    orderNo: 'No. pesanan',
    customerAlias: 'Alias pelanggan',
    ourReference: 'Rujukan kami',
    providerReference: 'Rujukan penyedia',
    expiresIn: 'Tamat dalam',
  },

  money: {
    overpaidBy: (received, gap) => `Telah dibayar — terlebih bayar: diterima ${received} (${gap} lebih daripada yang diminta)`,
    underpaidBy: (received, gap) => `Telah dibayar — diterima ${received} (${gap} kurang daripada yang diminta)`,
    overpaidNoAmount: 'Telah dibayar — terlebih bayar: jumlah yang diterima melebihi yang diminta',
  },

  actions: {
    cancelPayment: 'Batal bayaran (Esc)',
    chargeAgain: 'Caj semula',
    newSale: 'Jualan baharu (Enter)',
    refund: 'Bayaran balik',
  },

  park: {
    qrExpired: (time, provider) =>
      `Kod QR tamat tempoh pada ${time}: paparan pelanggan telah menurunkannya, dan keputusannya masih disemak dengan ${provider}.`,
    why: 'Keputusan tidak dapat diketahui sekarang. Tangguhkan jualan ini untuk mengambil jualan seterusnya: ia masuk ke Perlu perhatian dan terus disemak di latar belakang.',
    parking: 'Menangguhkan…',
    parkSale: 'Tangguhkan jualan ini',
  },

  trail: {
    details: 'Butiran',
    waiting: 'Menunggu bayaran',
    inProgress: 'Bayaran sedang diproses',
    paid: 'Telah dibayar',
    overpaid: 'Dibayar, melebihi jumlah yang diminta',
    late: 'Dibayar lewat, selepas permintaan tamat tempoh',
    partlyPaid: 'Dibayar sebahagian',
    cancelled: 'Dibatalkan',
    failed: 'Bayaran gagal',
    error: 'Orangepill melaporkan ralat',
    refunding: 'Sedang dibayar balik',
    refunded: 'Telah dibayar balik',
    unknown: (status) => `Status Orangepill ${status}, yang tidak dikenali oleh terminal`,
  },

  demo: {
    group: 'Kawalan demo',
    failureToSimulate: 'Kegagalan untuk disimulasikan',
    paid: 'Simulasi dibayar',
    failed: 'Simulasi gagal',
    expired: 'Simulasi tamat tempoh',
    partial: 'Simulasi bayaran separa',
    overpaid: 'Simulasi terlebih bayar',
    late: 'Simulasi bayaran lewat',
    error: 'Simulasi ralat',
  },
};
