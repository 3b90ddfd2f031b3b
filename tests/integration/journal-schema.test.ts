import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalOpenError } from '../../electron/service/journal/journal-errors';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../electron/service/journal/migrations';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-schema-'));
  file = join(dir, 'data', 'journal.sqlite3');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inspect = <T>(path: string, use: (db: Database.Database) => T): T => {
  const db = new Database(path);
  try {
    return use(db);
  } finally {
    db.close();
  }
};

const schemaOf = (path: string): string[] =>
  inspect(path, (db) => db.prepare<[], string>(`SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`).pluck().all());

describe('opening the journal', () => {
  it('creates the file, its folder and the whole schema, at the current version', () => {
    openJournal(file).close();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    });
    expect(schemaOf(file)).toEqual(
      expect.arrayContaining([
        'table payments',
        'table payment_events',
        'table refunds',
        'index payments_created',
        'index payments_status_created',
        'index payments_method_created',
        'index payments_provider_ref',
        'trigger payment_events_no_update',
      ]),
    );
  });

  it('keeps the file private to the terminal user', () => {
    openJournal(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reopens an existing journal without migrating it again or losing anything', () => {
    const first = openJournal(file);
    first.save(aPayment({
      id: 'keep',
      amount: { minor: 100, currency: 'MYR' },
      method: 'atome',
      createdAt: 1,
      updatedAt: 1,
      state: { status: 'creating' },
    }));
    first.close();
    const before = schemaOf(file);
    for (let i = 0; i < 3; i++) openJournal(file).close();
    expect(schemaOf(file)).toEqual(before);
    const again = openJournal(file);
    expect(again.get('keep')?.amount).toEqual({ minor: 100, currency: 'MYR' });
    expect(again.events('keep')).toHaveLength(1);
    again.close();
  });

  it('uses write-ahead logging, full sync, enforced foreign keys and a busy timeout', () => {
    const journal = openJournal(file);
    expect(journal.connectionInfo()).toEqual({
      journalMode: 'wal',
      synchronous: 'full',
      foreignKeys: true,
      busyTimeoutMs: 5000,
      schemaVersion: SCHEMA_VERSION,
    });
    journal.close();
    // WAL is a property of the file itself (header bytes 18 and 19 are 2), so every later opener gets it.
    expect([...readFileSync(file).subarray(18, 20)]).toEqual([2, 2]);
    inspect(file, (db) => expect(db.pragma('journal_mode', { simple: true })).toBe('wal'));
  });

  it('can load the SQLite binding from a given file, and says so when that file is missing', () => {
    const binding = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const journal = openJournal(file, { nativeBinding: binding });
    expect(journal.connectionInfo().journalMode).toBe('wal');
    journal.close();
    expect(() => openJournal(file, { nativeBinding: join(dir, 'missing.node') })).toThrow(/Cannot open the journal .*missing\.node/);
  });

  it('refuses a journal written by a newer version, untouched, with a message that says what to do', () => {
    openJournal(file).close();
    inspect(file, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(() => openJournal(file)).toThrow(JournalOpenError);
    expect(() => openJournal(file)).toThrow(
      `The journal ${file} is schema version ${SCHEMA_VERSION + 1}, but this version of the terminal knows only up to ${SCHEMA_VERSION}: ` +
        'it was written by a newer version. Run that version again, or restore a backup made with this one.',
    );
    inspect(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1));
  });

  it('refuses another application\'s database and a file that is not SQLite', () => {
    const other = join(dir, 'other.sqlite3');
    inspect(other, (db) => db.exec('CREATE TABLE notes (text TEXT)'));
    expect(() => openJournal(other)).toThrow(/already holds tables but is not a QR Counter Terminal journal/);
    expect(schemaOf(other)).toEqual(['table notes']);

    const foreign = join(dir, 'foreign.sqlite3');
    inspect(foreign, (db) => db.pragma('application_id = 7'));
    expect(() => openJournal(foreign)).toThrow(/not a QR Counter Terminal journal \(application_id 7\)/);

    const garbage = join(dir, 'garbage.sqlite3');
    writeFileSync(garbage, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    expect(() => openJournal(garbage)).toThrow(/is not a readable journal .*move it aside/);
  });
});
