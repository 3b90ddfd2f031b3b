/**
 * Why a typed amount is not one, the same on every screen that takes money typed as text (refund, the
 * History filter's amounts, the staff refund threshold); each screen frames the sentence its own way.
 * Every language's copy has this type, so a missing one fails the build.
 */
export interface AmountEntryWords {
  readonly negative: string;
  readonly zero: string;
  /** `typed` is the text as the cashier typed it. */
  readonly notAnAmount: (typed: string) => string;
  /** The currency has no minor unit (JPY). */
  readonly wholeOnly: (currency: string) => string;
  readonly decimals: (currency: string, places: number, typed: string, typedPlaces: number) => string;
  readonly tooLarge: (max: string, currency: string) => string;
  /** The screen's currency is not one the terminal knows (a newer setting); not from typing. */
  readonly unknownCurrency: (currency: string) => string;
}
