import { isFinal, type Payment } from '../payment/payment';

/**
 * Where payments are kept. The engine saves before it acts and before it shows, so whatever
 * implements this (memory now, the SQLite journal later) decides how durable "saved" is.
 */
export interface PaymentStore {
  save(payment: Payment): void;
  get(id: string): Payment | undefined;
  /** Payments not yet in a final state, to resume after a restart. */
  unfinished(): readonly Payment[];
}

export function createMemoryStore(): PaymentStore {
  const payments = new Map<string, Payment>();
  return {
    save: (payment) => void payments.set(payment.id, payment),
    get: (id) => payments.get(id),
    unfinished: () => [...payments.values()].filter((p) => !isFinal(p.state)),
  };
}
