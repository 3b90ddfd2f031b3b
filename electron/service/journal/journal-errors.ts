/** The journal file cannot be used as it is; the message says why and what to do. */
export class JournalOpenError extends Error {
  override readonly name = 'JournalOpenError';
}

/** One payment row cannot be read back; the rest of the journal is still usable. */
export class UnreadablePaymentError extends Error {
  override readonly name = 'UnreadablePaymentError';
  constructor(
    readonly paymentId: string,
    readonly detail: string,
  ) {
    super(`Payment ${paymentId} in the journal cannot be read: ${detail}`);
  }
}

/** A write the journal refuses: it would contradict what it already holds. */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
}
