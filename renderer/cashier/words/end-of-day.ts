/** The figures' tables: per method, the grand totals, cancels with money received, and per person. */
export interface DayTableWords {
  readonly method: string;
  readonly paid: string;
  readonly refunded: string;
  readonly net: string;
  readonly failed: string;
  readonly expired: string;
  readonly cancelled: string;
  readonly parked: string;
  readonly grandTotal: (currency: string) => string;
  readonly moneyBack: string;
  readonly toReturn: string;
  readonly returned: string;
  /** How many cancels with money had no amount from the provider. */
  readonly notReported: (count: number) => string;
  readonly perPerson: string;
  readonly who: string;
  readonly salesPaid: string;
  readonly refundsMade: string;
  readonly nobody: string;
}

/** The question before a day is closed, and the answer once it is. `time` is "18:02", or `timeOnDate` when not today. */
export interface DayCloseWords {
  readonly timeOnDate: (time: string, date: string) => string;
  readonly emptyTitle: string;
  readonly title: (number: number) => string;
  readonly emptyNoReports: string;
  readonly emptySince: (number: number, time: string) => string;
  readonly question: (from: string, number: number) => string;
  readonly acceptEmpty: string;
  readonly accept: string;
  readonly figures: string;
  readonly closedPrinted: (number: number) => string;
  /** `printError` is the printer's own sentence, shown as it is. */
  readonly closedNotPrinted: (number: number, printError: string) => string;
  /** `problem` is the terminal's own sentence, shown as it is. */
  readonly notClosed: (problem: string) => string;
}

/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface EndOfDayWords {
  readonly noPayments: string;
  readonly title: string;
  readonly close: string;
  readonly openDay: string;
  readonly since: (when: string) => string;
  readonly closeDay: string;
  readonly closing: string;
  readonly earlierReports: string;
  readonly noReports: string;
  readonly report: (number: number, from: string, to: string) => string;
  readonly reprint: string;
  readonly csv: string;
  readonly table: DayTableWords;
  readonly closeWords: DayCloseWords;
}
