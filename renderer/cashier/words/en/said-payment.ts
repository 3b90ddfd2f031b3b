import type { PaymentSaid } from '../../../../app/i18n/said/payment';
import type { SaidWordsFor } from '../said';

export const en: SaidWordsFor<PaymentSaid> = {
  opn_failure: ({ code, method }, f) => {
    const name = f.method(method);
    switch (code) {
      case 'payment_expired':
        return 'The QR code expired before the customer paid.';
      case 'payment_rejected':
        return `${name} rejected the payment.`;
      case 'failed_processing':
        return `${name} could not process the payment; ask the customer to try again.`;
      case 'insufficient_balance':
        return `The customer's account did not have enough money for this ${name} payment; ask them to top up or pay another way.`;
      case 'payment_cancelled':
        return `The customer cancelled the ${name} payment in their app.`;
      case 'timeout':
        return `The customer did not confirm the ${name} payment before the QR code expired.`;
      case 'invalid_account':
        return `${name} found no valid account for the customer; ask them to check their app or pay another way.`;
    }
  },
};
