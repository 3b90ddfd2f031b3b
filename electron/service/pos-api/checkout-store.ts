import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { checkoutSchema, type Checkout, type CheckoutStatus } from '../../../app/pos-api/checkout-schemas';

/*
 * The POS API's own records, in pos-api.sqlite3 beside the journal: each checkout (who asked, the
 * order reference, the sale it became, its last reported view) and each Idempotency-Key.
 *
 * Its own file rather than a journal migration: the journal is switched between journal.sqlite3 and
 * journal-demo.sqlite3 with the mode, while a till's keys and retries must not depend on that; and the
 * journal's schema stays the cashier's. The link is the payment id, which the journal keeps for good.
 */
export const POS_API_DB = 'pos-api.sqlite3';
export const posApiDbPath = (dataDir: string): string => join(dataDir, POS_API_DB);

/** Where a checkout is in its life on this side: waiting its turn, handed to the engine, or withdrawn before it started. */
export type CheckoutPhase = 'queued' | 'started' | 'withdrawn';

export interface CheckoutRecord {
  readonly id: string;
  readonly clientId: string;
  readonly phase: CheckoutPhase;
  readonly paymentId: string | null;
  readonly whenBusy: 'reject' | 'queue';
  /** The view last reported: what a list shows, and what GET answers when the sale is no longer in this journal. */
  readonly view: Checkout;
}

export interface IdempotencyRecord {
  readonly bodyHash: string;
  readonly checkoutId: string;
}

export interface ListFilter {
  readonly clientId: string | null;
  readonly status?: CheckoutStatus;
  readonly from?: number;
  readonly to?: number;
  readonly limit: number;
  /** Rows strictly after this (createdAt, id), newest first. */
  readonly after?: { readonly createdAt: number; readonly id: string };
}

export interface CheckoutStore {
  /** The key's earlier create, if any. */
  idempotency(clientId: string, key: string): IdempotencyRecord | undefined;
  /** Records the checkout and its key together, or neither. */
  insert(record: CheckoutRecord, key: string, bodyHash: string): void;
  get(id: string): CheckoutRecord | undefined;
  update(id: string, patch: Partial<Pick<CheckoutRecord, 'phase' | 'paymentId' | 'view'>>): void;
  byPayment(paymentId: string): CheckoutRecord | undefined;
  /** Records a key for an act on an existing checkout (a refund). */
  insertKey(clientId: string, key: string, bodyHash: string, checkoutId: string): void;
  removeKey(clientId: string, key: string): void;
  /** Forgets a checkout that never started, and its key, so the key can be used again. */
  remove(id: string): void;
  queued(): readonly CheckoutRecord[];
  list(filter: ListFilter): readonly CheckoutRecord[];
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkouts (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('queued','started','withdrawn')),
  payment_id TEXT UNIQUE,
  when_busy TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  view TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checkouts_by_client ON checkouts (client_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS checkouts_by_time ON checkouts (created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  client_id TEXT NOT NULL,
  key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  checkout_id TEXT NOT NULL REFERENCES checkouts (id),
  PRIMARY KEY (client_id, key)
);`;

interface Row {
  readonly id: string;
  readonly client_id: string;
  readonly phase: CheckoutPhase;
  readonly payment_id: string | null;
  readonly when_busy: 'reject' | 'queue';
  readonly view: string;
}

const readRow = (row: Row): CheckoutRecord => ({
  id: row.id,
  clientId: row.client_id,
  phase: row.phase,
  paymentId: row.payment_id,
  whenBusy: row.when_busy,
  view: checkoutSchema.parse(JSON.parse(row.view)),
});

const idempotencyRow = z.object({ body_hash: z.string(), checkout_id: z.string() });

/** `path` null keeps the records in memory (a terminal without a data folder, tests). */
export function openCheckoutStore(path: string | null, nativeBinding?: string): CheckoutStore {
  if (path !== null) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path ?? ':memory:', nativeBinding === undefined ? {} : { nativeBinding });
  if (path !== null) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const sql = {
    key: db.prepare('SELECT body_hash, checkout_id FROM idempotency_keys WHERE client_id = ? AND key = ?'),
    insertCheckout: db.prepare(
      'INSERT INTO checkouts (id, client_id, phase, payment_id, when_busy, status, created_at, view) VALUES (@id, @clientId, @phase, @paymentId, @whenBusy, @status, @createdAt, @view)',
    ),
    insertKey: db.prepare('INSERT INTO idempotency_keys (client_id, key, body_hash, checkout_id) VALUES (?, ?, ?, ?)'),
    get: db.prepare('SELECT * FROM checkouts WHERE id = ?'),
    byPayment: db.prepare('SELECT * FROM checkouts WHERE payment_id = ?'),
    queued: db.prepare("SELECT * FROM checkouts WHERE phase = 'queued' ORDER BY created_at, rowid"),
    removeKeys: db.prepare('DELETE FROM idempotency_keys WHERE checkout_id = ?'),
    removeKey: db.prepare('DELETE FROM idempotency_keys WHERE client_id = ? AND key = ?'),
    removeCheckout: db.prepare('DELETE FROM checkouts WHERE id = ?'),
    update: db.prepare('UPDATE checkouts SET phase = @phase, payment_id = @paymentId, status = @status, view = @view WHERE id = @id'),
  };
  const insert = db.transaction((record: CheckoutRecord, key: string, bodyHash: string) => {
    const createdAt = Date.parse(record.view.createdAt);
    sql.insertCheckout.run({ ...record, status: record.view.status, createdAt, view: JSON.stringify(record.view) });
    sql.insertKey.run(record.clientId, key, bodyHash, record.id);
  });
  const remove = db.transaction((id: string) => {
    sql.removeKeys.run(id);
    sql.removeCheckout.run(id);
  });
  const get = (id: string): CheckoutRecord | undefined => {
    const row = sql.get.get(id) as Row | undefined;
    return row === undefined ? undefined : readRow(row);
  };

  return {
    idempotency: (clientId, key) => {
      const row = idempotencyRow.safeParse(sql.key.get(clientId, key));
      return row.success ? { bodyHash: row.data.body_hash, checkoutId: row.data.checkout_id } : undefined;
    },
    insert: (record, key, bodyHash) => insert(record, key, bodyHash),
    get,
    update: (id, patch) => {
      const current = get(id);
      if (current === undefined) return;
      const next = { ...current, ...patch };
      sql.update.run({ id, phase: next.phase, paymentId: next.paymentId, status: next.view.status, view: JSON.stringify(next.view) });
    },
    byPayment: (paymentId) => {
      const row = sql.byPayment.get(paymentId) as Row | undefined;
      return row === undefined ? undefined : readRow(row);
    },
    remove: (id) => remove(id),
    insertKey: (clientId, key, bodyHash, checkoutId) => void sql.insertKey.run(clientId, key, bodyHash, checkoutId),
    removeKey: (clientId, key) => void sql.removeKey.run(clientId, key),
    queued: () => (sql.queued.all() as Row[]).map(readRow),
    list: (filter) => {
      // Fixed fragments only; every value the client gave is a bound parameter.
      const parts: [string, (string | number)[]][] = [];
      if (filter.clientId !== null) parts.push(['client_id = ?', [filter.clientId]]);
      if (filter.status !== undefined) parts.push(['status = ?', [filter.status]]);
      if (filter.from !== undefined) parts.push(['created_at >= ?', [filter.from]]);
      if (filter.to !== undefined) parts.push(['created_at < ?', [filter.to]]);
      if (filter.after !== undefined) parts.push(['(created_at < ? OR (created_at = ? AND id < ?))', [filter.after.createdAt, filter.after.createdAt, filter.after.id]]);
      const where = parts.map(([clause]) => clause);
      const params = parts.flatMap(([, values]) => values);
      const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const rows = db.prepare(`SELECT * FROM checkouts ${clause} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...params, filter.limit) as Row[];
      return rows.map(readRow);
    },
    close: () => db.close(),
  };
}
