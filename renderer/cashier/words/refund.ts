import type { AmountEntryWords } from './amount-entry';

/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface RefundWords {
  /** The late payment's heading. */
  readonly paidAfterExpiry: string;

  /** The refund form and the question before it sends. */
  readonly form: {
    /** The form's name for a screen reader, and its title on a parked sale's card. */
    readonly refund: string;
    /** `rule` is the method's own sentence from the terminal. */
    readonly noRefundsHere: (rule: string) => string;
    readonly rule: (rule: string) => string;
    readonly amountLabel: (left: string) => string;
    readonly refundAsk: string;
    readonly confirmTitle: (amount: string) => string;
    readonly confirmAccept: (amount: string) => string;
    readonly refunding: string;
    readonly typeAmount: (left: string) => string;
    readonly typeAbove: (zero: string) => string;
    readonly moreThanLeft: (amount: string, left: string) => string;
    /** `already` is `alreadyRefunded`, or null; `display` one of the display sentences. */
    readonly question: (amount: string, total: string, already: string | null, method: string, display: string) => string;
    readonly alreadyRefunded: (amount: string) => string;
    readonly displayShows: (words: string) => string;
    readonly displayPartial: string;
    readonly displayNotOnCounter: string;
    readonly refundedInFull: (amount: string) => string;
    readonly refundedLeft: (amount: string, left: string) => string;
    readonly partlyRefunded: (refunded: string, total: string) => string;
    /** A status as History lists it, with part given back. */
    readonly partlyRefundedStatus: (status: string) => string;
  };

  /** Why a typed amount is not one: the shared part (amount-entry.ts). */
  readonly amount: AmountEntryWords;

  /** Money that goes back by hand, and the late payment's decision; where it goes back, and who marked it, are the sale screen's words (`payment.moneyBack`). */
  readonly moneyBack: {
    readonly toReturn: string;
    readonly returned: string;
    readonly markReturnedAsk: string;
    readonly markReturned: string;
    readonly markedReturned: string;
    readonly markReturnedTitle: string;
    readonly saving: string;
    /** `what` is an amount, or `moneyReceived`. */
    readonly markReturnedQuestion: (what: string) => string;
    readonly moneyReceived: string;
    readonly lateLabel: string;
    readonly lateRule: (amount: string) => string;
    readonly keep: string;
    readonly refundAsk: (amount: string) => string;
    readonly useFormBelow: string;
    readonly kept: string;
    readonly toBeReturned: (amount: string) => string;
    /**
     * `how` is where the money goes back (the sale screen's sentence), `outcome` what the sale will then
     * read (its title), `display` what the customer display will say.
     */
    readonly lateQuestion: (amount: string, how: string, outcome: string, display: string) => string;
  };
}
