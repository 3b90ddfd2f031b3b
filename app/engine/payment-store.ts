import { isFinal, type Payment } from '../payment/payment';
import type { JournalProblemSaid } from '../i18n/said/records';

/**
 * Where payments are kept. The engine saves before it acts and before it shows, so whatever
 * implements this (memory now, the SQLite journal later) decides how durable "saved" is.
 */
export interface PaymentStore {
  /**
   * Throws when the payment could not be saved: a StoreWriteError when the cause is outside the
   * payment (disk full, read-only); the engine then keeps the change and saves it later.
   */
  save(payment: Payment): void;
  get(id: string): Payment | undefined;
  /** Payments not yet in a final state, to resume after a restart. */
  unfinished(): readonly Payment[];
}

/**
 * The store cannot write for a reason outside the payment (disk full, read-only, no permission).
 * The message is the cashier's sentence for it; the summary is a few words for the device bar;
 * `said` the sentence for a screen to word in its cashier's language, where the store gives it.
 */
export class StoreWriteError extends Error {
  override readonly name: string = 'StoreWriteError';
  constructor(
    readonly summary: string,
    message: string,
    readonly said?: JournalProblemSaid,
  ) {
    super(message);
  }
}

export function createMemoryStore(): PaymentStore {
  const payments = new Map<string, Payment>();
  return {
    save: (payment) => void payments.set(payment.id, payment),
    get: (id) => payments.get(id),
    unfinished: () => [...payments.values()].filter((p) => !isFinal(p.state)),
  };
}
