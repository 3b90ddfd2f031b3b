import type { ParkedWords } from '../parked';

export const en: ParkedWords = {
  needsAttention: 'Needs attention',
  badgeLabel: (count) => `Needs attention: ${count} parked ${count === 1 ? 'sale' : 'sales'}`,
  close: 'Close (Esc)',
  intro:
    'Parked sales: their outcome could not be learned at the counter. Each is still checked with its provider, less often the longer it ' +
    'stays unanswered. None counts as paid until the provider says so.',
  couldNotRead: (problem) => `Could not read the parked sales: ${problem}`,
  empty: 'Nothing needs attention: no sale is parked.',
  newsLabel: 'Parked sales that ended',
  details: 'Details',
  seen: 'Seen',

  card: {
    started: (time) => `Started ${time}`,
    parkedAt: (time) => `, parked ${time}`,
    order: (ref) => `, order ${ref}`,
    outcomeUnknown: (lastAnswer) => `Outcome unknown — not paid so far. Last answer: ${lastAnswer}`,
    checkNow: 'Check now',
    checking: 'Checking…',
    markResolved: 'Mark resolved…',
    reasonLabel: "Why it was not paid (what the provider's console shows); a manager decides",
    back: 'Back',
    markNotPaidAsk: 'Mark not paid…',
    refund: 'Refund',
    resolveTitle: (amount) => `Mark ${amount} as not paid?`,
    markNotPaid: 'Mark not paid',
    marking: 'Marking…',
    resolveQuestion: (name) =>
      `${name} will be closed as not paid, with your reason and the manager's name, and the terminal stops ` +
      'checking it. Do this only once the provider’s console shows it was not paid.',
  },

  sale: {
    name: (id, amount) => `Parked sale ${id} of ${amount}`,
    unknownStatus: (providerStatus) => `The provider answers with a status the terminal does not know (${providerStatus}); not paid on that word.`,
    partArrived: (amount) => `Part has arrived: ${amount}; the rest has not.`,
    partArrivedUnreported: 'Part has arrived (amount not reported); the rest has not.',
    notPaidYet: 'The provider still says the customer has not paid.',
    paid: (name, time, flags) => `${name} was paid at ${time}${flags.length === 0 ? '' : ` (${flags.join(', ')})`}`,
    flagOverpaid: 'overpaid',
    flagLate: 'after its QR expired',
    paidAfterClosed: (name, time) => `${name} was paid at ${time}, after it was closed: refund it or keep the sale`,
    refunded: (name) => `${name} was paid, and has been refunded in full`,
    failed: (name, message) => `${name} failed — not paid: ${message}`,
    expired: (name) => `${name} expired — not paid`,
    cancelled: (name) => `${name} was cancelled — not paid`,
    cancelledWithMoney: (name, received) => `${name} was cancelled after ${received}: it is to be given back`,
    received: (amount) => `${amount} received`,
    receivedUnreported: 'money received (amount not reported)',
    stillOpen: (name, lastAnswer) => `${name} is still open: ${lastAnswer}`,
    askedJustNow: (lastAnswer) => `Asked just now: ${lastAnswer}`,
  },

  warning: {
    title: (count) =>
      `${count === 1 ? '1 parked sale' : `${count} parked sales`}, outcome unknown: not counted as paid. The report lists ` +
      `${count === 1 ? 'it' : 'them'} as “parked, outcome unknown”; a sale found paid later is in History.`,
    line: (amount, method, id, time) => `${amount} · ${method} · ${id}, started ${time}`,
  },
};
