import type { RefundWords } from '../refund';
import { en as amountEntry } from './amount-entry';

export const en: RefundWords = {
  paidAfterExpiry: 'Paid after the request expired',

  form: {
    refund: 'Refund',
    noRefundsHere: (rule) => `No refunds through the terminal: ${rule}`,
    rule: (rule) => `Refunds: ${rule}`,
    amountLabel: (left) => `Amount to refund, up to ${left}`,
    refundAsk: 'Refund…',
    confirmTitle: (amount) => `Refund ${amount}?`,
    confirmAccept: (amount) => `Refund ${amount}`,
    refunding: 'Refunding…',
    typeAmount: (left) => `Type the amount to refund: up to ${left}`,
    typeAbove: (zero) => `Type an amount above ${zero}`,
    moreThanLeft: (amount, left) => `${amount} is more than the ${left} left to refund`,
    question: (amount, total, already, method, display) =>
      `Refund ${amount} of ${total}${already === null ? '' : ` ${already}`} to the customer's ${method} account? ${display} This cannot be undone.`,
    alreadyRefunded: (amount) => `(${amount} already refunded)`,
    displayShows: (words) => `The customer display will show '${words}'.`,
    displayPartial: 'The customer display will not change: it shows only a refund in full.',
    displayNotOnCounter: 'The customer display will not change: this sale is no longer on the counter.',
    refundedInFull: (amount) => `Refunded ${amount}: the payment is refunded in full`,
    refundedLeft: (amount, left) => `Refunded ${amount}: ${left} can still be refunded`,
    partlyRefunded: (refunded, total) => `Partly refunded: ${refunded} of ${total}`,
    partlyRefundedStatus: (status) => `${status}, partly refunded`,
  },

  amount: amountEntry,

  moneyBack: {
    toReturn: 'Money to return',
    returned: 'Money returned',
    markReturnedAsk: 'Mark returned…',
    markReturned: 'Mark returned',
    markedReturned: 'Marked returned',
    markReturnedTitle: 'Mark the money returned?',
    saving: 'Saving…',
    markReturnedQuestion: (what) => `Has ${what} been given back to the customer? The journal records that you marked it returned, and when. This cannot be undone.`,
    moneyReceived: 'the money received',
    lateLabel: 'Late payment',
    lateRule: (amount) => `${amount} arrived after the QR expired. Keep it and the sale counts as paid; refund it and the money goes back to the customer.`,
    keep: 'Keep the payment',
    refundAsk: (amount) => `Refund ${amount}…`,
    useFormBelow: 'To refund it, use the refund form below.',
    kept: 'Kept: the payment counts as paid',
    toBeReturned: (amount) => `${amount} is to be returned to the customer`,
    lateQuestion: (amount, how, outcome, display) =>
      `Refund ${amount} to the customer? ${how} ` +
      `Until then the sale reads "${outcome}", and counts in End of day as money to return, not as paid. ` +
      // The display's words end with their own full stop.
      `The customer display will show '${display}'`,
  },
};
