/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface LookupWords {
  readonly title: string;
  readonly help: string;
  readonly reading: string;
  readonly choose: string;
  readonly close: string;
  /** Why a pasted or chosen picture was not sent; what the terminal says of one it read is in the `said` catalog (records). */
  readonly noPicture: string;
  readonly notAPicture: string;
  readonly tooLarge: string;
  readonly unreadable: string;
  readonly status: string;
  readonly amount: string;
  readonly notStated: string;
  readonly order: string;
  readonly none: string;
  readonly code: string;
  readonly created: string;
}
