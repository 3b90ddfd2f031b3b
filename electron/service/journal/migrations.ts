import type Database from 'better-sqlite3';
import { JournalOpenError } from './journal-errors';

/*
 * The journal's schema (version 8). One SQLite file, `journal.sqlite3`, in the app's data directory.
 * All times are epoch milliseconds (INTEGER); all amounts are integer minor units of `currency`.
 * Tables are STRICT, so a value of the wrong type is refused on write rather than found on read.
 *
 * payments — one row per sale, rewritten in place as the payment moves (the engine's PaymentStore).
 *   id                  TEXT PK   our own reference, sent to the provider (Payment.id)
 *   method              TEXT      payment method id: demo | atome | orangepill
 *   amount_minor        INTEGER   amount asked, > 0                   ┐ fixed once written: a trigger
 *   currency            TEXT      ISO 4217 code                       │ refuses any change, so a
 *   created_at          INTEGER   when the sale was started           ┘ sale's terms never drift
 *   order_ref           TEXT?     order number typed by the cashier
 *   payer_alias         TEXT?     payer the request was addressed to (Orangepill source.alias)
 *   provider_ref        TEXT?     the provider's id (Opn charge id, Orangepill request id); null until created
 *   qr_payload          TEXT?     the QR's text, when the provider gave one
 *   qr_image            TEXT?     a data: URL of the QR image, when only an image could be had
 *   status              TEXT      PaymentState.status, duplicated out of state_json for indexes and queries
 *   state_json          TEXT      the whole PaymentState as JSON (failure code and message, paidAt, received…)
 *   refunded_minor      INTEGER   total refunded so far
 *   updated_at          INTEGER   last change
 *   expires_at          INTEGER?  when the QR stops being payable
 *   notice              TEXT?     connection or provider problem shown to the cashier
 *   provider_trail_json TEXT?     the provider's own status log and related ids (ProviderTrail), if it keeps one
 *   Indexes: (created_at, id) for newest-first history, (status, created_at), (method, created_at),
 *   and provider_ref for webhook and reconcile look-ups; order_ref, id and provider_ref COLLATE NOCASE for
 *   History's search by prefix (version 6). Rows are never deleted (trigger).
 *
 * payment_events — append-only log: every state change (written by `save` in the same transaction)
 * and every provider-response summary the service records. Triggers refuse UPDATE and DELETE.
 *   seq          INTEGER PK AUTOINCREMENT   journal-wide order; never reused
 *   payment_id   TEXT → payments(id)
 *   at           INTEGER                    when it was recorded
 *   kind         TEXT                       'status', 'refund', or a service-chosen kind such as 'provider'
 *   summary_json TEXT                       a JSON object, redacted of secrets before it was written
 *
 * refunds — append-only: each refund the provider confirmed.
 *   seq          INTEGER PK AUTOINCREMENT
 *   payment_id   TEXT → payments(id)
 *   refund_id    TEXT       the provider's refund id; unique per payment
 *   amount_minor INTEGER    > 0
 *   currency     TEXT       the payment's currency
 *   at           INTEGER    when the provider confirmed it
 *
 * prints (version 2) — the receipts the terminal printed by itself, so each prints exactly once, even
 * across a restart: a row is claimed (committed) before the bytes go to the printer.
 *   payment_id TEXT → payments(id)
 *   kind       TEXT      which slip: paid_receipt, failed_slip, …; one row per payment and kind (PK)
 *   state      TEXT      claimed (sent or about to be), printed (the printer took it), failed (gave up)
 *   claimed_at INTEGER   when it was claimed
 *   printed_at INTEGER?  when the printer took it
 *   error      TEXT?     the last failure, in the cashier's words
 *
 * day_reports (version 3) — the end-of-day reports, numbered like Z reports. Append-only (triggers refuse
 * UPDATE and DELETE); a number is the previous one plus one (a trigger refuses gaps), and each period
 * starts where the previous one ended, so no payment can fall between two reports or into both.
 *   number      INTEGER PK   1, 2, 3, … never reused
 *   period_from INTEGER      the period's start, inclusive (epoch ms)
 *   period_to   INTEGER      its end, exclusive: when the day was closed
 *   created_at  INTEGER      when the report was made
 *   totals_json TEXT         a JSON array of DayTotals (app/ipc/history.ts), integer minor units only,
 *                            as they stood at closing: later changes never rewrite a closed day
 *
 * Version 3 also makes `refunds` the one exact record of when money went back. Every rise of a payment's
 * refunded_minor that no refund row accounts for yet is written there by `save`, in the same transaction,
 * as refund_id `total-<new total>` — whether the terminal made the refund or the provider reported one
 * made elsewhere (the Orangepill console). The migration backfills such rows for older files, dated at
 * the payment's updated_at. End of day sums refunds by their `at`, so a refund counts on the day it was
 * made, even for a payment of an earlier day.
 *
 * Version 4 records who did what, once staff are listed (app/staff), and which sales were parked:
 *   payments.operator_id, operator_name  TEXT?     who started the sale (null: nobody signed in, a one-person shop)
 *   payments.parked_at                   INTEGER?  when the sale was set aside so the counter could take the next
 *                                                  one; it is still followed until its outcome is known
 * audit — append-only (triggers refuse UPDATE and DELETE): every deliberate act besides selling, with
 * who did it and the manager who approved it: refunds, closing the day, settings, device and staff
 * changes, and the decisions on a sale (keep a late payment, money returned, a parked sale resolved).
 *   seq              INTEGER PK AUTOINCREMENT
 *   at               INTEGER   when it was done
 *   action           TEXT      refund | close_day | settings | devices | staff | park | resolve | keep_late | returned
 *   payment_id       TEXT?     → payments(id), for an act on one sale
 *   operator_id/name TEXT?     who did it
 *   approved_by_id/name TEXT?  the manager who approved it, when one had to
 *   detail_json      TEXT      a JSON object: the amount, the sections changed, the reason given…
 *
 * Version 5 keeps each new day report's totals per person (app/ipc/history.ts OperatorTotals) beside
 * its method totals. A column of its own, because totals_json is checked to be an array and a closed
 * report is never rewritten: reports closed before version 5 keep NULL here and read as they were.
 *   day_reports.operators_json  TEXT?  a JSON array of OperatorTotals, as they stood at closing
 *
 * Version 7 keeps a notice's `Said` beside its English, for the cashier's language (app/i18n/said.ts):
 *   payments.notice_said_json  TEXT?  a JSON object, the notice's PaymentSaid; NULL when it has none
 *
 * Version 8 gives end of day covering indexes, so a long open period is summed without a sort and
 * without reading a payments row (day-report-statements.ts): payments in the report's groups
 * (method, currency, status, operator_id) with every column the figures read; refunds by time with
 * their amounts; and each payment's method by id, for the refunds' join.
 *
 * PRAGMA user_version is the schema version (the number of migrations applied); PRAGMA application_id
 * marks the file as ours. Each migration below runs once, in order, in one transaction with its
 * version bump, so a crash mid-migration leaves the previous version intact.
 */

/** 'QRCT' in ASCII: tells our journal from any other SQLite file handed to us by mistake. */
export const APPLICATION_ID = 0x51524354;

/** Append only. Never edit a migration that has shipped; add the next one. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE payments (
    id                  TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    method              TEXT NOT NULL,
    amount_minor        INTEGER NOT NULL CHECK (amount_minor > 0),
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    order_ref           TEXT,
    payer_alias         TEXT,
    provider_ref        TEXT,
    qr_payload          TEXT,
    qr_image            TEXT,
    status              TEXT NOT NULL,
    state_json          TEXT NOT NULL CHECK (json_valid(state_json)),
    refunded_minor      INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    expires_at          INTEGER,
    notice              TEXT,
    provider_trail_json TEXT CHECK (provider_trail_json IS NULL OR json_valid(provider_trail_json))
  ) STRICT;
  CREATE INDEX payments_created ON payments (created_at, id);
  CREATE INDEX payments_status_created ON payments (status, created_at);
  CREATE INDEX payments_method_created ON payments (method, created_at);
  CREATE INDEX payments_provider_ref ON payments (provider_ref) WHERE provider_ref IS NOT NULL;

  CREATE TRIGGER payments_terms_fixed BEFORE UPDATE OF method, amount_minor, currency, created_at ON payments
  WHEN NEW.method IS NOT OLD.method OR NEW.amount_minor IS NOT OLD.amount_minor
    OR NEW.currency IS NOT OLD.currency OR NEW.created_at IS NOT OLD.created_at
  BEGIN SELECT RAISE(ABORT, 'a payment''s method, amount, currency and creation time never change'); END;
  CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are never deleted from the journal'); END;

  CREATE TABLE payment_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id   TEXT NOT NULL REFERENCES payments (id),
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    summary_json TEXT NOT NULL CHECK (json_valid(summary_json) AND json_type(summary_json) = 'object')
  ) STRICT;
  CREATE INDEX payment_events_payment ON payment_events (payment_id, seq);
  CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
  BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;
  CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
  BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;

  CREATE TABLE refunds (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id   TEXT NOT NULL REFERENCES payments (id),
    refund_id    TEXT NOT NULL CHECK (length(refund_id) >= 1),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    at           INTEGER NOT NULL,
    UNIQUE (payment_id, refund_id)
  ) STRICT;
  CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds
  BEGIN SELECT RAISE(ABORT, 'refunds is append-only'); END;
  CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
  BEGIN SELECT RAISE(ABORT, 'refunds is append-only'); END;
  `,
  `
  CREATE TABLE prints (
    payment_id TEXT NOT NULL REFERENCES payments (id),
    kind       TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
    state      TEXT NOT NULL CHECK (state IN ('claimed', 'printed', 'failed')),
    claimed_at INTEGER NOT NULL,
    printed_at INTEGER,
    error      TEXT,
    PRIMARY KEY (payment_id, kind)
  ) STRICT;
  CREATE INDEX prints_open ON prints (state) WHERE state = 'claimed';
  `,
  `
  CREATE TABLE day_reports (
    number      INTEGER PRIMARY KEY NOT NULL CHECK (number >= 1),
    period_from INTEGER NOT NULL,
    period_to   INTEGER NOT NULL CHECK (period_to >= period_from),
    created_at  INTEGER NOT NULL,
    totals_json TEXT NOT NULL CHECK (json_valid(totals_json) AND json_type(totals_json) = 'array')
  ) STRICT;
  CREATE TRIGGER day_reports_no_update BEFORE UPDATE ON day_reports
  BEGIN SELECT RAISE(ABORT, 'day_reports is append-only'); END;
  CREATE TRIGGER day_reports_no_delete BEFORE DELETE ON day_reports
  BEGIN SELECT RAISE(ABORT, 'day_reports is append-only'); END;
  CREATE TRIGGER day_reports_in_sequence BEFORE INSERT ON day_reports
  WHEN NEW.number IS NOT (SELECT coalesce(max(number), 0) + 1 FROM day_reports)
    OR NEW.period_from IS NOT coalesce((SELECT period_to FROM day_reports ORDER BY number DESC LIMIT 1), NEW.period_from)
  BEGIN SELECT RAISE(ABORT, 'a day report takes the next number and starts where the last one ended'); END;

  CREATE INDEX refunds_at ON refunds (at);
  INSERT INTO refunds (payment_id, refund_id, amount_minor, currency, at)
    SELECT p.id, 'total-' || p.refunded_minor, p.refunded_minor - coalesce(sum(r.amount_minor), 0), p.currency, p.updated_at
    FROM payments p LEFT JOIN refunds r ON r.payment_id = p.id
    GROUP BY p.id
    HAVING p.refunded_minor > coalesce(sum(r.amount_minor), 0);
  `,
  `
  ALTER TABLE payments ADD COLUMN operator_id TEXT;
  ALTER TABLE payments ADD COLUMN operator_name TEXT;
  ALTER TABLE payments ADD COLUMN parked_at INTEGER;
  CREATE INDEX payments_operator ON payments (operator_id, created_at) WHERE operator_id IS NOT NULL;
  CREATE INDEX payments_parked ON payments (parked_at) WHERE parked_at IS NOT NULL;

  CREATE TABLE audit (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    at               INTEGER NOT NULL,
    action           TEXT NOT NULL,
    payment_id       TEXT REFERENCES payments(id),
    operator_id      TEXT,
    operator_name    TEXT,
    approved_by_id   TEXT,
    approved_by_name TEXT,
    detail_json      TEXT NOT NULL CHECK (json_valid(detail_json) AND json_type(detail_json) = 'object')
  ) STRICT;
  CREATE INDEX audit_at ON audit (at);
  CREATE INDEX audit_payment ON audit (payment_id) WHERE payment_id IS NOT NULL;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  `,
  `
  ALTER TABLE day_reports ADD COLUMN operators_json TEXT
    CHECK (operators_json IS NULL OR (json_valid(operators_json) AND json_type(operators_json) = 'array'));
  `,
  // History's search box: order number, our reference or the provider's id, by prefix, any case.
  // LIKE can seek an index only when it is NOCASE, so each column gets one.
  `
  CREATE INDEX payments_order_ref_search ON payments (order_ref COLLATE NOCASE) WHERE order_ref IS NOT NULL;
  CREATE INDEX payments_id_search ON payments (id COLLATE NOCASE);
  CREATE INDEX payments_provider_ref_search ON payments (provider_ref COLLATE NOCASE) WHERE provider_ref IS NOT NULL;
  `,
  // The notice as a Said (app/i18n/said/payment.ts), so the cashier reads it in their language; older rows keep NULL.
  `
  ALTER TABLE payments ADD COLUMN notice_said_json TEXT
    CHECK (notice_said_json IS NULL OR (json_valid(notice_said_json) AND json_type(notice_said_json) = 'object'));
  `,
  // End of day over a long open period: covering indexes, so no payments row is read and nothing sorted.
  `
  CREATE INDEX payments_day_groups ON payments (method, currency, status, operator_id, created_at, operator_name, amount_minor);
  CREATE INDEX payments_method_by_id ON payments (id, method);
  CREATE INDEX refunds_day ON refunds (at, payment_id, currency, amount_minor);
  `,
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file up to SCHEMA_VERSION. A file from a newer build is refused rather than read with
 * the wrong idea of its columns; a SQLite file that is not a journal is refused rather than altered.
 */
export function migrate(db: Database.Database, path: string): void {
  const applied = readVersion(db);
  const appId = Number(db.pragma('application_id', { simple: true }));
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new JournalOpenError(`${path} is a SQLite database, but not a QR Counter Terminal journal (application_id ${appId})`);
  }
  if (applied > SCHEMA_VERSION) {
    throw new JournalOpenError(
      `The journal ${path} is schema version ${applied}, but this version of the terminal knows only up to ${SCHEMA_VERSION}: ` +
        'it was written by a newer version. Run that version again, or restore a backup made with this one.',
    );
  }
  if (applied === SCHEMA_VERSION) return;
  if (applied === 0 && appId === 0 && hasTables(db)) {
    throw new JournalOpenError(`${path} already holds tables but is not a QR Counter Terminal journal; it was left untouched`);
  }
  // IMMEDIATE takes the write lock first, so two processes opening a new file cannot both migrate it.
  db.transaction(() => {
    // Re-read inside the lock: another process may have migrated while we waited for it.
    for (let version = readVersion(db); version < SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

function readVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function hasTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
}
