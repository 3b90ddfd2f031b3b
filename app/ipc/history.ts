import type { PaymentSaid } from '../i18n/said/payment';
import type { CurrencyCode } from '../money/currency';
import type { MethodId } from '../payment/method';
import type { Payment, PaymentStatus } from '../payment/payment';
import type { OperatorRef } from '../staff/staff';
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
  cancelled_with_money: true,
  paid_after_cancel: true,
  refunded: true,
};
export const PAYMENT_STATUSES = Object.keys(STATUS_SET) as readonly PaymentStatus[];

/**
 * Longest search text (the journal refuses more): order numbers and ids are short. Here rather than in
 * history-schemas.ts so the cashier's page can check it without bundling zod.
 */
export const HISTORY_SEARCH_MAX = 64;

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
  /**
   * Sales parked because their outcome could not be learned, still open when the figures were read:
   * "parked, outcome unknown", counted in none of the above. Absent when there were none.
   */
  readonly parked?: Tally;
  /** Sales cancelled after money had arrived, counted in none of the above; absent when there were none. */
  readonly moneyBack?: MoneyBackTally;
}

/**
 * Money that arrived on sales the cashier then cancelled (or late payments not kept): to be given back
 * through the provider's console, and marked returned once it is. Amounts are the ones the provider
 * reported; `notReported` says how many of the sales had none (counted, in no amount).
 */
export interface MoneyBackTally {
  readonly toReturn: Tally;
  readonly returned: Tally;
  readonly notReported: number;
}

/**
 * One person's figures in one currency over a period: the sales they started that were paid, and the
 * refunds they made at this terminal (a refund made in a provider's console is nobody's here, and
 * shows in the method totals only).
 */
export interface OperatorTotals {
  /** Who, by the name kept with their latest sale or refund in the period; null: nobody was signed in. */
  readonly operator: OperatorRef | null;
  readonly currency: CurrencyCode;
  readonly paid: Tally;
  readonly refunded: Tally;
  /** paid.minor − refunded.minor. */
  readonly net: number;
}

export interface DayPeriod {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  readonly totals: readonly DayTotals[];
  /**
   * The same period per person (operator, then currency; nobody signed in last). Absent from reports
   * closed before the journal kept it (schema version 5), which stay exactly as they were.
   */
  readonly operators?: readonly OperatorTotals[];
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
  /**
   * The `Said` of the failure in `summary` (a status entry's), once the service has checked it whole;
   * left out when there is none or it is malformed, so the screen words the logged sentence as it stands.
   */
  readonly failureSaid?: PaymentSaid;
}

export interface RefundEntry {
  readonly refundId: string;
  readonly amountMinor: number;
  readonly at: number;
}

/** What the audit records (journal table `audit`): every deliberate act besides selling. */
export const AUDIT_ACTIONS = ['refund', 'close_day', 'settings', 'devices', 'staff', 'park', 'resolve', 'keep_late', 'returned', 'pair_display', 'unpair_display', 'pos_key_made', 'pos_key_revoked', 'pos_certificate_replaced'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One act, with who did it and the manager who approved it; null when nobody was signed in (a one-person shop). */
export interface AuditEntry {
  readonly seq: number;
  /** Epoch ms. */
  readonly at: number;
  readonly action: AuditAction;
  /** The sale it was about, when it was about one. */
  readonly paymentId: string | null;
  readonly operator: OperatorRef | null;
  readonly approvedBy: OperatorRef | null;
  /** The amount, the sections changed, the reason given…; never a key, nor a PIN. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface PaymentDetail {
  readonly payment: Payment;
  /** Oldest first, from the journal's append-only log. */
  readonly timeline: readonly TimelineEntry[];
  /** Oldest first: who refunded this sale (or decided on it), when, and who approved. */
  readonly audit: readonly AuditEntry[];
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
