import type { RefundWords } from '../refund';
import { ms as amountEntry } from './amount-entry';

export const ms: RefundWords = {
  paidAfterExpiry: 'Dibayar selepas permintaan tamat tempoh',

  form: {
    refund: 'Bayaran balik',
    noRefundsHere: (rule) => `Bayaran balik tidak dibuat melalui terminal: ${rule}`,
    rule: (rule) => `Bayaran balik: ${rule}`,
    amountLabel: (left) => `Jumlah bayaran balik, sehingga ${left}`,
    refundAsk: 'Bayar balik…',
    confirmTitle: (amount) => `Bayar balik ${amount}?`,
    confirmAccept: (amount) => `Bayar balik ${amount}`,
    refunding: 'Membuat bayaran balik…',
    typeAmount: (left) => `Taipkan jumlah bayaran balik: sehingga ${left}`,
    typeAbove: (zero) => `Taipkan jumlah melebihi ${zero}`,
    moreThanLeft: (amount, left) => `${amount} melebihi baki ${left} yang boleh dibayar balik`,
    question: (amount, total, already, method, display) =>
      `Bayar balik ${amount} daripada ${total}${already === null ? '' : ` ${already}`} ke akaun ${method} pelanggan? ${display} ` +
      'Tindakan ini tidak boleh dibatalkan.',
    alreadyRefunded: (amount) => `(${amount} sudah dibayar balik)`,
    displayShows: (words) => `Paparan pelanggan akan menunjukkan '${words}'.`,
    displayPartial: 'Paparan pelanggan tidak akan berubah: ia hanya menunjukkan bayaran balik penuh.',
    displayNotOnCounter: 'Paparan pelanggan tidak akan berubah: jualan ini tiada lagi di kaunter.',
    refundedInFull: (amount) => `${amount} telah dibayar balik: bayaran ini telah dibayar balik sepenuhnya`,
    refundedLeft: (amount, left) => `${amount} telah dibayar balik: ${left} masih boleh dibayar balik`,
    partlyRefunded: (refunded, total) => `Dibayar balik sebahagian: ${refunded} daripada ${total}`,
    partlyRefundedStatus: (status) => `${status}, dibayar balik sebahagian`,
  },

  amount: amountEntry,

  moneyBack: {
    toReturn: 'Wang untuk dipulangkan',
    returned: 'Wang telah dipulangkan',
    markReturnedAsk: 'Tandakan dipulangkan…',
    markReturned: 'Tandakan dipulangkan',
    markedReturned: 'Ditandakan dipulangkan',
    markReturnedTitle: 'Tandakan wang sudah dipulangkan?',
    saving: 'Menyimpan…',
    markReturnedQuestion: (what) =>
      `Adakah ${what} sudah dipulangkan kepada pelanggan? Jurnal merekodkan bahawa anda yang menandakannya dipulangkan, dan bila. ` +
      'Tindakan ini tidak boleh dibatalkan.',
    moneyReceived: 'wang yang diterima',
    lateLabel: 'Bayaran lewat',
    lateRule: (amount) =>
      `${amount} diterima selepas QR tamat tempoh. Simpan bayaran ini dan jualan dikira dibayar; bayar balik dan wang dipulangkan kepada pelanggan.`,
    keep: 'Simpan bayaran',
    refundAsk: (amount) => `Bayar balik ${amount}…`,
    useFormBelow: 'Untuk membayar balik, gunakan borang bayaran balik di bawah.',
    kept: 'Disimpan: bayaran dikira dibayar',
    toBeReturned: (amount) => `${amount} perlu dipulangkan kepada pelanggan`,
    lateQuestion: (amount, how, outcome, display) =>
      `Bayar balik ${amount} kepada pelanggan? ${how} ` +
      `Sehingga itu jualan ini tertera "${outcome}", dan dikira dalam Akhir hari sebagai wang ` +
      `untuk dipulangkan, bukan sebagai dibayar. Paparan pelanggan akan menunjukkan '${display}'`,
  },
};
