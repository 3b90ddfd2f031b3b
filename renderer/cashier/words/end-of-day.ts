/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface EndOfDayWords {
  readonly noPayments: string;
}
