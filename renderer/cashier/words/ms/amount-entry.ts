import type { AmountEntryWords } from '../amount-entry';

export const ms: AmountEntryWords = {
  negative: 'Jumlah tidak boleh negatif',
  zero: 'Jumlah mesti lebih daripada sifar',
  notAnAmount: (typed) => `"${typed}" bukan jumlah: gunakan digit, dengan titik perpuluhan jika perlu, cth. 12.34`,
  wholeOnly: (currency) => `${currency} tidak mempunyai pecahan: masukkan jumlah bulat`,
  decimals: (currency, places, typed, typedPlaces) => `${currency} mempunyai ${places} tempat perpuluhan, "${typed}" mempunyai ${typedPlaces}`,
  tooLarge: (max, currency) => `Jumlah melebihi had maksimum terminal, iaitu ${max} ${currency}`,
  unknownCurrency: (currency) => `Mata wang ${currency} tidak dikenali: terminal tidak menyokongnya`,
};
