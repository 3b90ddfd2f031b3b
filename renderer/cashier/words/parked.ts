/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface ParkedWords {
  /** The badge's text and the list's heading. */
  readonly needsAttention: string;
  /** The badge as a screen reader says it. */
  readonly badgeLabel: (count: number) => string;
  readonly close: string;
  readonly intro: string;
  /** The list could not be read; the service's own sentence follows. */
  readonly couldNotRead: (problem: string) => string;
  readonly empty: string;
  /** The banners of parked sales that ended, as a screen reader names them. */
  readonly newsLabel: string;
  readonly details: string;
  readonly seen: string;

  /** One sale's card. */
  readonly card: {
    readonly started: (time: string) => string;
    readonly parkedAt: (time: string) => string;
    readonly order: (ref: string) => string;
    readonly outcomeUnknown: (lastAnswer: string) => string;
    readonly checkNow: string;
    readonly checking: string;
    readonly markResolved: string;
    readonly reasonLabel: string;
    readonly back: string;
    readonly markNotPaidAsk: string;
    readonly refund: string;
    readonly resolveTitle: (amount: string) => string;
    readonly markNotPaid: string;
    readonly marking: string;
    /** The question before a manager closes the sale as not paid; `name` is `sale.name`. */
    readonly resolveQuestion: (name: string) => string;
  };

  /** What is known of a parked sale, and how it ended. */
  readonly sale: {
    /** How the cashier names a parked sale everywhere: "Parked sale T-0042 of SGD 12.00". */
    readonly name: (id: string, amount: string) => string;
    readonly unknownStatus: (providerStatus: string) => string;
    readonly partArrived: (amount: string) => string;
    readonly partArrivedUnreported: string;
    readonly notPaidYet: string;
    /** Paid at a time; `flags` are `flagOverpaid` / `flagLate`, when any. */
    readonly paid: (name: string, time: string, flags: readonly string[]) => string;
    readonly flagOverpaid: string;
    readonly flagLate: string;
    readonly paidAfterClosed: (name: string, time: string) => string;
    readonly refunded: (name: string) => string;
    /** `message` is the provider's own sentence. */
    readonly failed: (name: string, message: string) => string;
    readonly expired: (name: string) => string;
    readonly cancelled: (name: string) => string;
    /** `received` is `received` or `receivedUnreported`. */
    readonly cancelledWithMoney: (name: string, received: string) => string;
    readonly received: (amount: string) => string;
    readonly receivedUnreported: string;
    readonly stillOpen: (name: string, lastAnswer: string) => string;
    readonly askedJustNow: (lastAnswer: string) => string;
  };

  /** End of day's warning about parked sales whose outcome is unknown. */
  readonly warning: {
    readonly title: (count: number) => string;
    readonly line: (amount: string, method: string, id: string, time: string) => string;
  };
}
