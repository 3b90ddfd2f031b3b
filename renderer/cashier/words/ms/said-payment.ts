import type { PaymentSaid } from '../../../../app/i18n/said/payment';
import type { SaidWordsFor } from '../said';

export const ms: SaidWordsFor<PaymentSaid> = {
  opn_failure: ({ code, method }, f) => {
    const name = f.method(method);
    switch (code) {
      case 'payment_expired':
        return 'Kod QR tamat tempoh sebelum pelanggan membayar.';
      case 'payment_rejected':
        return `${name} menolak bayaran ini.`;
      case 'failed_processing':
        return `${name} tidak dapat memproses bayaran ini; minta pelanggan cuba lagi.`;
      case 'insufficient_balance':
        return `Akaun pelanggan tidak mempunyai wang yang cukup untuk bayaran ${name} ini; minta mereka tambah nilai atau bayar dengan cara lain.`;
      case 'payment_cancelled':
        return `Pelanggan membatalkan bayaran ${name} dalam aplikasi mereka.`;
      case 'timeout':
        return `Pelanggan tidak mengesahkan bayaran ${name} sebelum kod QR tamat tempoh.`;
      case 'invalid_account':
        return `${name} tidak menemui akaun yang sah untuk pelanggan; minta mereka semak aplikasi atau bayar dengan cara lain.`;
    }
  },
};
