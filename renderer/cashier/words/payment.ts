/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface PaymentWords {
  readonly providerHistory: string;
  /** Who is meant when the terminal does not know the provider's name. */
  readonly theProvider: string;
  /** Received, when the provider reported no amount: "amount not reported by Orangepill". */
  readonly notReported: (provider: string) => string;
  /** A sale a shop's till sent through the POS API: "Requested by Till 2 — SGD 12.34". */
  readonly requestedBy: (client: string, amount: string) => string;
  /** A till's request for which the cashier chooses the method. */
  readonly posOffer: {
    readonly choose: string;
    readonly order: (reference: string) => string;
    readonly decline: string;
  };

  /** The status line of a payment: its title, and the sentence under it. */
  readonly status: {
    readonly creating: string;
    readonly awaiting: string;
    readonly cancelling: string;
    readonly cancellingDetail: string;
    readonly unknown: (providerStatus: string) => string;
    readonly stillChecking: string;
    readonly needsAttention: string;
    /** `reason` is the terminal's own sentence, shown as it is. */
    readonly needsAttentionDetail: (reason: string) => string;
    readonly partlyPaid: string;
    /** `notReportedBy` names the provider when part arrived without an amount, else null. */
    readonly partlyPaidDetail: (notReportedBy: string | null) => string;
    readonly paid: string;
    readonly paidOverpaid: string;
    readonly paidLate: string;
    readonly paidOverpaidLate: string;
    readonly paidLateDetail: string;
    /** `decision` is `moneyBack.decision`'s "by Mei at 14:05". */
    readonly keptLate: (decision: string) => string;
    readonly failed: string;
    readonly expired: string;
    readonly expiredDetail: string;
    readonly cancelled: string;
    readonly paidAfterCancel: string;
    readonly paidAfterCancelDetail: string;
    readonly refunded: string;
  };

  /** A sale cancelled after money arrived, and how the money goes back. `received` is an amount, or null when not reported. */
  readonly moneyBack: {
    readonly title: (received: string | null, returned: boolean) => string;
    readonly toGiveBack: (received: string | null) => string;
    readonly markedReturned: (decision: string) => string;
    /** Who decided and when: "by Mei at 14:05", or "at 14:05" when nobody was signed in. */
    readonly decision: (by: string | null, time: string) => string;
    /** How the money goes back, by method; `amount` is null when the terminal was not told how much. */
    readonly orangepill: (requestId: string | null, orderId: string, amount: string | null) => string;
    readonly atome: (amount: string | null, chargeId: string | null) => string;
    readonly demo: (amount: string | null) => string;
  };

  /** The question before cancelling a sale that has money. */
  readonly cancelQuestion: {
    readonly title: string;
    readonly question: (asked: string, received: string | null, provider: string) => string;
    readonly accept: (received: string | null) => string;
  };

  /** The payment's figures and references. */
  readonly details: {
    readonly amount: string;
    readonly received: string;
    readonly outstanding: string;
    readonly method: string;
    readonly orderNo: string;
    readonly customerAlias: string;
    readonly ourReference: string;
    readonly providerReference: string;
    readonly expiresIn: string;
  };

  /** A paid payment whose amount received differs from the one asked. */
  readonly money: {
    readonly overpaidBy: (received: string, gap: string) => string;
    readonly underpaidBy: (received: string, gap: string) => string;
    readonly overpaidNoAmount: string;
  };

  readonly actions: {
    readonly cancelPayment: string;
    readonly chargeAgain: string;
    readonly newSale: string;
    readonly refund: string;
  };

  /** A sale whose QR ran out, or whose outcome cannot be learned now. */
  readonly park: {
    readonly qrExpired: (time: string, provider: string) => string;
    readonly why: string;
    readonly parking: string;
    readonly parkSale: string;
  };

  /** The provider's own history (Orangepill's status log), in words. */
  readonly trail: {
    readonly details: string;
    readonly waiting: string;
    readonly inProgress: string;
    readonly paid: string;
    readonly overpaid: string;
    readonly late: string;
    readonly partlyPaid: string;
    readonly cancelled: string;
    readonly failed: string;
    readonly error: string;
    readonly refunding: string;
    readonly refunded: string;
    readonly unknown: (status: string) => string;
  };

  /** The simulator's buttons, on a simulated method only. */
  readonly demo: {
    readonly group: string;
    readonly failureToSimulate: string;
    readonly paid: string;
    readonly failed: string;
    readonly expired: string;
    readonly partial: string;
    readonly overpaid: string;
    readonly late: string;
    readonly error: string;
  };
}
