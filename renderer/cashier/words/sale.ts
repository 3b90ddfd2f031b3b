/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface SaleWords {
  /** The sale's fields: currency, method, order number, and Orangepill's direct-request alias. */
  readonly currency: string;
  readonly method: string;
  readonly chooseMethod: string;
  readonly noMethodTakes: (currency: string) => string;
  readonly orderRef: string;
  readonly payerAlias: string;
  /** The screen's regions, for screen readers. */
  readonly saleRegion: string;
  readonly amount: string;
  /** The buttons beside the sale. */
  readonly lookUpQr: string;
  readonly history: string;
  readonly endOfDay: string;
  readonly settings: string;
  /** Charge, with the amount keyed once there is one, and while the request is on its way. */
  readonly charge: string;
  readonly chargeAmount: (amount: string) => string;
  readonly charging: string;
  /** The on-screen keypad's name and its keys' spoken names (the digits say themselves). */
  readonly keypad: {
    readonly name: string;
    readonly doubleZero: string;
    readonly point: string;
    readonly backspace: string;
    readonly clear: string;
  };
  /** Why a key, a paste or Charge was refused; shown on the error line by the keypad. */
  readonly refused: {
    readonly secondPoint: string;
    readonly noDecimals: (currency: string) => string;
    readonly decimals: (currency: string, places: number) => string;
    readonly tooManyDigits: (max: number) => string;
    readonly tooManyBeforePoint: (max: number, currency: string) => string;
    readonly pasteTooLong: string;
    readonly pasteOtherCurrency: (pasted: string, sale: string) => string;
    readonly pasteForeignDigits: string;
    readonly pasteNegative: string;
    readonly pasteTwoPoints: string;
    readonly pasteNotAnAmount: string;
    readonly noMethod: (currency: string) => string;
  };
  /** What a currency (or the terminal's method list) change did that the cashier did not key. */
  readonly notice: {
    readonly amountCleared: (currency: string) => string;
    readonly methodRefuses: (method: string, currency: string) => string;
    readonly methodGone: string;
    /** Two of these at once, as one line: a space between sentences, or none in Chinese. */
    readonly join: (sentences: readonly string[]) => string;
  };
}
