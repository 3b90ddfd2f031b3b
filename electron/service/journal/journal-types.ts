import type { PaymentStore } from '../../../app/engine/payment-store';
import type { AuditEntry } from '../../../app/ipc/history';
import type { CurrencyCode } from '../../../app/money/currency';
import type { MethodId } from '../../../app/payment/method';
import type { Payment, PaymentStatus } from '../../../app/payment/payment';
import type { DayReportBook } from './day-reports';
import type { PrintLedger } from './print-ledger';
import type { JournalDiskError } from './write-problems';
import type { AuditActors, NewAuditEntry } from './audit-log';
import type { ConnectionInfo } from './sqlite-connection';

export type { AuditActors, NewAuditEntry, ConnectionInfo };

/** One entry of a payment's append-only history: a status change, a provider reply, a refund. */
export interface JournalEvent {
  /** Position in the whole journal; strictly increasing, never reused. */
  readonly seq: number;
  readonly paymentId: string;
  /** Epoch milliseconds when the journal recorded it. */
  readonly at: number;
  readonly kind: string;
  /** Redacted before it was written, so it holds no credential. */
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface NewJournalEvent {
  readonly kind: string;
  readonly summary: Readonly<Record<string, unknown>>;
}

/** A refund the provider confirmed. `refundId` is the provider's id for the refund. */
export interface RefundRecord {
  readonly paymentId: string;
  readonly refundId: string;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  /** Epoch milliseconds. */
  readonly at: number;
}


/** Which payments a history view wants; times are epoch milliseconds on `createdAt`, `from` inclusive, `to` exclusive. */
export interface ListFilter {
  readonly from?: number;
  readonly to?: number;
  readonly status?: readonly PaymentStatus[];
  readonly method?: readonly MethodId[];
  readonly minMinor?: number;
  readonly maxMinor?: number;
  /** Only payments in this currency: an amount range means nothing across currencies. */
  readonly currency?: CurrencyCode;
  /** Only the sales this person (a staff id) started. */
  readonly operator?: string;
  /** Order number, our reference or the provider's id: exactly or by its start, any case. */
  readonly search?: string;
}

export interface ListQuery extends ListFilter {
  readonly limit: number;
  readonly offset: number;
}

/** A row that is in the file but cannot be turned back into a payment (hand-edited, or damaged). */
export interface UnreadableRow {
  readonly id: string;
  readonly message: string;
}

export interface JournalPage {
  /** Newest first. */
  readonly payments: readonly Payment[];
  /** Rows of this page that could not be read; left out of `payments` so the rest still shows. */
  readonly unreadable: readonly UnreadableRow[];
}


export interface JournalOptions {
  /** The clock for event and refund times; the service passes its own so tests can fake it. */
  readonly now?: () => number;
  /** Values that must never be written, e.g. provider keys; more can be added with `redact`. */
  readonly secrets?: readonly string[];
  /** A further redaction applied to every serialized event summary, e.g. the logger's. */
  readonly redactText?: (text: string) => string;
  /** Told about each unreadable row that `unfinished` skips, so a damaged row is logged, not silent. */
  readonly onUnreadable?: (row: UnreadableRow) => void;
  /**
   * Told when a print-ledger write fails because of the disk (full, read-only…): the ledger goes on
   * without it rather than stopping the printer, so this is where it is logged.
   */
  readonly onWriteProblem?: (what: string, problem: JournalDiskError) => void;
  /**
   * A better_sqlite3.node built for this runtime, instead of the one in node_modules. It is not
   * ABI-stable, so Electron run from a checkout needs its own build while Node's tests keep theirs.
   */
  readonly nativeBinding?: string;
}

/**
 * The durable journal. Every write returns only once it is committed to disk, so "saved" means
 * a kill -9 or a power cut right after cannot lose it.
 */
/**
 * A write that fails because of the disk (full, failing, read-only, not allowed, locked) throws a
 * JournalDiskError, whose message is the cashier's sentence; the day report's close returns it.
 */
export interface Journal extends PaymentStore {
  readonly path: string;
  /** What the terminal printed by itself, claimed before printing so nothing prints twice. */
  readonly prints: PrintLedger;
  /** End of day: the open period's totals and the numbered reports (table day_reports). */
  readonly dayReports: DayReportBook;
  /** Saves many payments in one transaction (imports, seeding); each gets its status event as in `save`. */
  saveAll(payments: readonly Payment[]): void;
  appendEvent(paymentId: string, event: NewJournalEvent): JournalEvent;
  /** Oldest first. */
  events(paymentId: string): readonly JournalEvent[];
  /** Idempotent for the same refund; a different amount under the same refund id is refused. */
  recordRefund(refund: RefundRecord): void;
  /** Oldest first. */
  refunds(paymentId: string): readonly RefundRecord[];
  /** Adds an act to the append-only audit, committed when it returns (a full disk: JournalDiskError). */
  appendAudit(entry: NewAuditEntry): AuditEntry;
  /** The audit of one sale, oldest first. */
  audit(paymentId: string): readonly AuditEntry[];
  list(query: ListQuery): JournalPage;
  count(filter: ListFilter): number;
  connectionInfo(): ConnectionInfo;
  /** Registers a value that must never be written into an event summary. */
  redact(secret: string): void;
  close(): void;
}
