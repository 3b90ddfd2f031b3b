import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/*
 * The POS API's own SQLite file, `pos-events.sqlite3`, beside the journal: the events the POS reads
 * (SSE, webhooks) and each webhook endpoint's delivery cursor. Kept apart from the journal so the
 * journal's schema and its append-only guarantees stay untouched; losing this file loses no sale.
 *
 * Version 1:
 * events — ordered, append-only except for retention (oldest rows deleted)
 *   id       INTEGER PK AUTOINCREMENT   monotonic, never reused (sqlite_sequence keeps the high mark)
 *   type     TEXT                       e.g. checkout.updated
 *   created  INTEGER                    epoch ms
 *   data     TEXT                       JSON
 *   Index: created, for retention by age.
 * event_meta — key/value: `pruned_through` (highest id removed by retention)
 * webhook_endpoints — one per POS client
 *   client_id TEXT PK, url TEXT, secret TEXT (HMAC key, shown once at registration), created INTEGER,
 *   cursor INTEGER (last event id handed over or given up), attempts INTEGER (failed tries of the next
 *   event), next_at INTEGER (epoch ms of the next try), last_error TEXT?
 */
const SCHEMA_VERSION = 1;

const MIGRATION_1 = `
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
  created INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX events_created ON events (created);
CREATE TABLE event_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
CREATE TABLE webhook_endpoints (
  client_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created INTEGER NOT NULL,
  cursor INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
`;

/** Opening failed: the sentence says which file and what to do. */
export class PosEventDatabaseError extends Error {
  override readonly name = 'PosEventDatabaseError';
}

/** Opens (creating 0600) and migrates the POS events file; `:memory:` for tests that need no restart. */
export function openPosEventDatabase(path: string, nativeBinding?: string): Database.Database {
  let db: Database.Database;
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      closeSync(openSync(path, 'a', 0o600));
    }
    db = new Database(path, { timeout: 5000, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  } catch (error) {
    throw new PosEventDatabaseError(`Cannot open the POS events file ${path}: ${describe(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw new PosEventDatabaseError(
      `${path} is not a readable POS events file (${describe(error)}): move it aside and the terminal starts a new one; the POS then re-reads its checkouts`,
    );
  }
}

function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) throw new Error(`its schema version ${version} is newer than this terminal's (${SCHEMA_VERSION})`);
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(MIGRATION_1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
