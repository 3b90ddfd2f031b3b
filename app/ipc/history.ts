import type { CurrencyCode } from '../money/currency';
import type { MethodId } from '../payment/method';
import type { Payment, PaymentStatus } from '../payment/payment';
import type { PrintReport } from './devices';

/** Every status by type, so a new one must be listed here before history can filter on it. */
const STATUS_SET: Readonly<Record<PaymentStatus, true>> = {
  creating: true,
  awaiting: true,
  cancelling: true,
  unknown: true,
  needs_attention: true,
  partially_paid: true,
  paid: true,
  failed: true,
  expired: true,
  cancelled: true,
  paid_after_cancel: true,
  refunded: true,
};
export const PAYMENT_STATUSES = Object.keys(STATUS_SET) as readonly PaymentStatus[];

export interface Tally {
  readonly count: number;
  /** Minor units of the row's currency. */
  readonly minor: number;
}

/** One method and currency's figures over a period; every amount is integer minor units. */
export interface DayTotals {
  readonly method: MethodId;
  readonly currency: CurrencyCode;
  /** Payments created in the period that were paid (paid, paid after cancel, or since refunded): the amounts asked. */
  readonly paid: Tally;
  /** Refunds made in the period, whichever day their payment was. */
  readonly refunded: Tally;
  /** paid.minor − refunded.minor; negative when a day refunds more than it takes. */
  readonly net: number;
  readonly failed: number;
  readonly expired: number;
  readonly cancelled: number;
}

export interface DayPeriod {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  readonly totals: readonly DayTotals[];
}

/** A closed day, numbered like a Z report: kept for good, never renumbered. */
export interface DayReport extends DayPeriod {
  readonly number: number;
  readonly createdAt: number;
}

export interface PaymentPage {
  /** Newest first. */
  readonly payments: readonly Payment[];
  /** How many payments match the filter in all. */
  readonly total: number;
  /** Rows of this page the journal could not read (left out of `payments`). */
  readonly unreadable: number;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly at: number;
  /** 'status', 'refund', 'provider', … */
  readonly kind: string;
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface RefundEntry {
  readonly refundId: string;
  readonly amountMinor: number;
  readonly at: number;
}

export interface PaymentDetail {
  readonly payment: Payment;
  /** Oldest first, from the journal's append-only log. */
  readonly timeline: readonly TimelineEntry[];
  readonly refunds: readonly RefundEntry[];
  /** The provider's ids for the payment: its reference and any related ids it reported. */
  readonly providerIds: readonly { readonly label: string; readonly value: string }[];
}

export interface CsvFile {
  readonly filename: string;
  readonly csv: string;
}

export interface ClosedDay {
  readonly report: DayReport;
  /** How the printing went; null when no printer is set up. The report is kept either way. */
  readonly print: PrintReport | null;
  readonly printError: string | null;
}

export interface HistoryResults {
  readonly listPayments: PaymentPage;
  readonly paymentDetail: PaymentDetail;
  readonly exportPaymentsCsv: CsvFile;
  readonly endOfDay: DayPeriod;
  readonly closeDay: ClosedDay;
  readonly listDayReports: readonly DayReport[];
  readonly reprintDayReport: PrintReport;
  readonly exportDayReportCsv: CsvFile;
}
