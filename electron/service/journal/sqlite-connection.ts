import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalOpenError, JournalWriteError } from './journal-errors';
import { migrate } from './migrations';

/** How the connection is set up, for a health screen and for tests that durability is really on. */
export interface ConnectionInfo {
  readonly journalMode: string;
  readonly synchronous: 'off' | 'normal' | 'full' | 'extra';
  readonly foreignKeys: boolean;
  readonly busyTimeoutMs: number;
  readonly schemaVersion: number;
}

/** How long a write waits for another connection's lock (an inspector, a second process) before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** SQLite reports `synchronous` as a number; these are its names, by value. */
const SYNCHRONOUS = ['off', 'normal', 'full', 'extra'] as const;

/** Opens the file with the journal's durability settings and brings its schema up to date. */
export function openDatabase(path: string, nativeBinding?: string): Database.Database {
  const inMemory = path === ':memory:';
  let db: Database.Database;
  try {
    if (!inMemory) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // Created 0600 before SQLite sees it: SQLite gives its -wal and -shm files the same mode.
      closeSync(openSync(path, 'a', 0o600));
    }
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  } catch (error) {
    throw new JournalOpenError(`Cannot open the journal ${path}: ${describe(error)}`);
  }
  try {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    // WAL: a reader never blocks the writer, and a commit is one append, so a kill mid-write loses only that write.
    if (mode !== 'wal' && !inMemory) throw new JournalOpenError(`The journal ${path} cannot use write-ahead logging (journal_mode is ${mode})`);
    // FULL fsyncs the WAL on every commit, so a save survives a power cut too, not only a crash. It costs
    // one fsync per save (a few per sale), which a counter terminal never notices.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof JournalOpenError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new JournalOpenError(`${path} is not a readable journal (${describe(error)}): move it aside to start a new one, and keep it for recovery`);
    }
    throw new JournalOpenError(`Cannot open the journal ${path}: ${describe(error)}`);
  }
}

/** Turns SQLite's refusals (triggers, foreign keys) into errors that say which write failed and why. */
export function guardWrite<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new JournalWriteError(`${what}: that payment is not in the journal`);
    if (code?.startsWith('SQLITE_CONSTRAINT') === true) throw new JournalWriteError(`${what}: ${describe(error)}`);
    throw error;
  }
}

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function connectionInfo(db: Database.Database): ConnectionInfo {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: SYNCHRONOUS[Number(db.pragma('synchronous', { simple: true }))] ?? 'off',
    foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
  };
}

export function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    // SQLite's advice for long-lived connections: refresh the planner's statistics as they close.
    db.pragma('optimize');
  } catch {
    // Only statistics: a full or read-only disk must not keep the journal from closing.
  }
  db.close();
}
