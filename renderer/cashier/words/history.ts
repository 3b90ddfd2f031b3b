import type { PaymentStatus } from '../../../app/payment/payment';
import type { AmountEntryWords } from './amount-entry';

/** The History panel's search form: labels, choices and hints. Dates come as the shop's hint (dd/mm/yyyy). */
export interface HistoryFilterWords {
  readonly search: string;
  readonly from: (hint: string) => string;
  readonly to: (hint: string) => string;
  readonly anyStatus: string;
  readonly anyMethod: string;
  readonly amountFrom: string;
  readonly amountTo: string;
  readonly currency: string;
  readonly anyone: string;
}

/** What to fix in a search form that does not read; each amount sentence is said of one field (`which`). */
export interface HistoryProblemWords {
  readonly searchTooLong: (max: number, length: number) => string;
  readonly dates: (hint: string, example: string) => string;
  readonly toBeforeFrom: string;
  readonly lowest: string;
  readonly highest: string;
  readonly highestBelowLowest: string;
  readonly ofField: (which: string, problem: string) => string;
  /** Why a typed amount is not one: the shared part (amount-entry.ts). */
  readonly amount: AmountEntryWords;
}

/** One payment opened from the list. */
export interface HistoryDetailWords {
  readonly label: string;
  readonly back: string;
  readonly refunded: string;
  readonly orderNo: string;
  readonly timeline: string;
  readonly reprint: string;
}

/** A payment's status as the list and the detail name it, with what a list must not hide. */
export interface HistoryStateWords {
  readonly partlyPaidNotReported: string;
  readonly overpaid: string;
  readonly lateToDecide: string;
  readonly lateKept: string;
  /** `received` is the amount already formatted, or null when the provider did not report it. */
  readonly cancelledWithMoney: (received: string | null, returned: boolean) => string;
}

/** The journal's log lines. `failure` is the provider's or engine's own sentence, shown as it is. */
export interface HistoryTimelineWords {
  readonly unknownStatus: (raw: string) => string;
  readonly withFailure: (status: string, failure: string) => string;
  readonly refunded: string;
  readonly refundedAmount: (amount: string) => string;
}

/** The audit's acts; `who` is made of `by`/`nobody` and `approved`, so each language orders it its own way. */
export interface HistoryAuditWords {
  readonly by: (name: string) => string;
  readonly nobody: string;
  readonly approved: (who: string, name: string) => string;
  readonly refund: (amount: string | null, who: string) => string;
  readonly lateNotKept: (amount: string, who: string) => string;
  readonly closeDay: (who: string) => string;
  readonly settings: (who: string) => string;
  readonly devices: (who: string) => string;
  readonly staff: (who: string) => string;
  readonly park: (who: string) => string;
  readonly resolve: (who: string) => string;
  readonly keepLate: (who: string) => string;
  readonly returned: (who: string) => string;
  /** `name` is what the shop called the display ("Counter tablet"). */
  readonly pairDisplay: (name: string, who: string) => string;
  readonly unpairDisplay: (name: string, who: string) => string;
  /** A POS key made or revoked for the till `name`. */
  readonly posKeyMade: (name: string, who: string) => string;
  readonly posKeyRevoked: (name: string, who: string) => string;
  readonly posCertificateReplaced: (who: string) => string;
}

/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface HistoryWords {
  readonly title: string;
  readonly status: string;
  readonly method: string;
  readonly soldBy: string;
  readonly search: string;
  readonly exportCsv: string;
  readonly noneFound: string;
  /** "1–10 of 42": the rows on screen and how many the search found. */
  readonly shown: (first: number, last: number, total: number) => string;
  readonly newer: string;
  readonly older: string;
  readonly close: string;
  readonly filters: HistoryFilterWords;
  readonly problems: HistoryProblemWords;
  readonly detail: HistoryDetailWords;
  readonly statuses: Readonly<Record<PaymentStatus, string>>;
  readonly state: HistoryStateWords;
  readonly timeline: HistoryTimelineWords;
  readonly audit: HistoryAuditWords;
}
