import type { PaymentWords } from '../payment';

const notReported = (provider: string): string => `amount not reported by ${provider}`;
const receivedWords = (received: string | null): string => (received === null ? 'money received (amount not reported)' : `${received} received`);

/** The amount to refund when the terminal was not told how much arrived. */
const refundable = (amount: string | null): string => amount ?? 'the amount the customer paid (the terminal was not told how much)';

export const en: PaymentWords = {
  providerHistory: 'Provider history',
  theProvider: 'the provider',
  requestedBy: (client, amount) => `Requested by ${client} \u2014 ${amount}`,
  posOffer: { choose: 'Choose how the customer pays:', order: (reference) => `Order ${reference}`, decline: 'Decline' },
  notReported,

  status: {
    creating: 'Creating payment…',
    awaiting: 'Waiting for the customer to scan and pay',
    cancelling: 'Cancelling…',
    cancellingDetail: 'The payment may still complete until the provider confirms',
    unknown: (providerStatus) => `Unknown status from provider: ${providerStatus} — not paid`,
    stillChecking: 'Still checking with the provider…',
    needsAttention: 'Needs attention — payment not confirmed',
    needsAttentionDetail: (reason) => `${reason}. Check the payment with the provider before handing over goods; the terminal keeps checking.`,
    partlyPaid: 'Partly paid',
    partlyPaidDetail: (by) =>
      `${by === null ? '' : `Part of the payment has arrived (${notReported(by)}). `}The customer can still pay the rest, or cancel the payment`,
    paid: 'Paid',
    paidOverpaid: 'Paid — overpaid',
    paidLate: 'Paid late — keep or refund',
    paidOverpaidLate: 'Paid — overpaid late — keep or refund',
    paidLateDetail: 'The customer paid after the request expired. Keep the payment (it counts as paid), or refund it.',
    keptLate: (decision) => `Paid after the request expired; kept ${decision}`,
    failed: 'Payment failed',
    expired: 'Expired — not paid',
    expiredDetail: 'The QR code timed out before the customer paid',
    cancelled: 'Cancelled — not paid',
    paidAfterCancel: 'Paid after cancel — refund or keep',
    paidAfterCancelDetail: 'The customer paid after the sale was cancelled: refund the payment or keep the sale',
    refunded: 'Refunded in full',
  },

  moneyBack: {
    title: (received, returned) => `Cancelled — ${receivedWords(received)}, ${returned ? 'returned' : 'to be returned'}`,
    toGiveBack: (received) => `The ${receivedWords(received)} must be given back to the customer; mark it returned once it is.`,
    markedReturned: (decision) => `Marked returned ${decision}`,
    decision: (by, time) => `${by === null ? '' : `by ${by} `}at ${time}`,
    orangepill: (requestId, orderId, amount) =>
      `Orangepill refunds are made in the Orangepill console: open the payment request ${requestId ?? '(no request id)'} ` +
      `(order ${orderId}), check what arrived, and refund ${refundable(amount)} to the payer. Then press Mark returned here.`,
    atome: (amount, chargeId) => `Refund ${refundable(amount)} to the customer in the Opn dashboard (charge ${chargeId ?? 'unknown'}), then press Mark returned here.`,
    demo: (amount) => `Demo: no real money moved. Give the customer back ${refundable(amount)} as you would, then press Mark returned here.`,
  },

  cancelQuestion: {
    title: 'Cancel the sale? Money has arrived',
    question: (asked, received, provider) =>
      received === null
        ? `Part of ${asked} has arrived (${notReported(provider)}). Cancel the sale? The money received must be given back to the customer.`
        : `${received} of ${asked} has arrived. Cancel the sale? The ${received} must be given back to the customer.`,
    accept: (received) => (received === null ? 'Cancel the sale, money to return' : `Cancel, ${received} to return`),
  },

  details: {
    amount: 'Amount',
    received: 'Received',
    outstanding: 'Outstanding',
    method: 'Method',
    orderNo: 'Order no.',
    customerAlias: 'Customer alias',
    ourReference: 'Our reference',
    providerReference: 'Provider reference',
    expiresIn: 'Expires in',
  },

  money: {
    overpaidBy: (received, gap) => `Paid — overpaid: received ${received} (${gap} more than asked)`,
    underpaidBy: (received, gap) => `Paid — received ${received} (${gap} less than asked)`,
    overpaidNoAmount: 'Paid — overpaid: more than the amount asked arrived',
  },

  actions: {
    cancelPayment: 'Cancel payment (Esc)',
    chargeAgain: 'Charge again',
    newSale: 'New sale (Enter)',
    refund: 'Refund',
  },

  park: {
    qrExpired: (time, provider) =>
      `The QR expired at ${time}: the customer display has taken it down, and the outcome is still being checked with ${provider}.`,
    why: 'The outcome cannot be learned now. Park the sale to take the next one: it goes to Needs attention and is still checked in the background.',
    parking: 'Parking…',
    parkSale: 'Park this sale',
  },

  trail: {
    details: 'Details',
    waiting: 'Waiting for payment',
    inProgress: 'Payment in progress',
    paid: 'Paid',
    overpaid: 'Paid, more than the amount asked',
    late: 'Paid late, after the request expired',
    partlyPaid: 'Partly paid',
    cancelled: 'Cancelled',
    failed: 'Payment failed',
    error: 'Orangepill reported an error',
    refunding: 'Being refunded',
    refunded: 'Refunded',
    unknown: (status) => `Orangepill status ${status}, which the terminal does not know`,
  },

  demo: {
    group: 'Demo controls',
    failureToSimulate: 'Failure to simulate',
    paid: 'Simulate paid',
    failed: 'Simulate failed',
    expired: 'Simulate expired',
    partial: 'Simulate partial payment',
    overpaid: 'Simulate overpaid',
    late: 'Simulate paid late',
    error: 'Simulate error',
  },
};
