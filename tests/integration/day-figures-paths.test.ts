import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../app/money/currency';
import type { MethodId } from '../../app/payment/method';
import type { Payment, PaymentState } from '../../app/payment/payment';
import type { OperatorRef } from '../../app/staff/staff';
import { dayFigures } from '../../electron/service/journal/day-figures';
import { prepareDayReportStatements, type DayReportStatements } from '../../electron/service/journal/day-report-statements';
import type { Journal } from '../../electron/service/journal/journal-types';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../electron/service/journal/migrations';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

/*
 * End of day reads a period's outcomes one of two ways (day-report-statements.ts): found by time and
 * sorted (a short period), or read in group order from the version-8 index (a long one). Either must
 * give the very same rows in the very same order, since the report keeps the first name it meets for a
 * person; and a journal of version 7 must take the new indexes without losing a row.
 */

const T0 = 1_767_225_600_000;
let dir: string;
let file: string;
let journal: Journal;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'day-figures-paths-'));
  file = join(dir, 'journal.sqlite3');
  journal = openJournal(file, { now: () => T0 + 1_000_000 });
});

afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const raw = <T>(use: (db: Database.Database) => T): T => {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
};

const METHODS: readonly MethodId[] = ['demo', 'atome', 'paynow', 'alipayplus', 'orangepill'];
const CURRENCIES: readonly CurrencyCode[] = ['SGD', 'MYR', 'THB'];
const STATES: readonly PaymentState[] = [
  { status: 'paid', paidAt: T0 },
  { status: 'paid_after_cancel', paidAt: T0 },
  { status: 'refunded' },
  { status: 'failed', failure: { code: 'payment_rejected', message: 'Rejected' } },
  { status: 'expired' },
  { status: 'cancelled' },
  { status: 'cancelled_with_money', received: { minor: 500, currency: 'SGD' } },
];
// Ids that are prefixes of each other and hold - and _, nobody, and a person renamed during the day.
const PEOPLE: readonly (OperatorRef | undefined)[] = [
  undefined,
  { id: 'al', name: 'Al' },
  { id: 'al-1', name: 'Al One' },
  { id: 'al_2', name: 'Al Two' },
  { id: 'mei', name: 'Mei' },
  { id: 'mei', name: 'Mei Ling' },
];

/** `count` sales a second apart from T0, cycling through methods, currencies, outcomes and people at co-prime steps. */
function sell(count: number): void {
  const sales: Payment[] = [];
  for (let i = 0; i < count; i++) {
    const operator = PEOPLE[i % PEOPLE.length];
    sales.push(
      aPayment({
        id: `S${i}`,
        method: METHODS[i % METHODS.length] ?? 'demo',
        amount: { minor: 100 + ((i * 37) % 900), currency: CURRENCIES[i % CURRENCIES.length] ?? 'SGD' },
        createdAt: T0 + i * 1000,
        updatedAt: T0 + i * 1000,
        state: STATES[i % STATES.length] ?? { status: 'expired' },
        refundedMinor: i % 11 === 0 ? 50 : 0,
        ...(operator === undefined ? {} : { operator }),
      }),
    );
  }
  journal.saveAll(sales);
}

/** The statements on their own connection, with a count of which outcome query each figures call ran. */
function counted(db: Database.Database): { sql: DayReportStatements; ran: string[] } {
  const sql = prepareDayReportStatements(db);
  const ran: string[] = [];
  const spy = <K extends 'outcomes' | 'outcomesInOrder'>(key: K): DayReportStatements[K] =>
    new Proxy(sql[key], {
      get: (target, prop, receiver) => (prop === 'all' ? (...args: [number, number]) => (ran.push(key), target.all(...args)) : Reflect.get(target, prop, receiver)),
    });
  return { sql: { ...sql, outcomes: spy('outcomes'), outcomesInOrder: spy('outcomesInOrder') }, ran };
}

describe('a period’s outcomes, by time and sorted or in group order', () => {
  it('are the same rows in the same order, for a whole, a partial, an empty and a backwards period', () => {
    sell(420);
    raw((db) => {
      const sql = prepareDayReportStatements(db);
      const periods: [number, number][] = [
        [0, Number.MAX_SAFE_INTEGER],
        [T0 + 100_000, T0 + 250_000],
        [T0 + 1, T0 + 2],
        [T0 + 300_000, T0 + 100_000],
      ];
      for (const [from, to] of periods) expect(sql.outcomesInOrder.all(from, to), `${from}…${to}`).toStrictEqual(sql.outcomes.all(from, to));
      const whole = sql.outcomes.all(0, Number.MAX_SAFE_INTEGER);
      // The data does reach every group kind: prefixes, a rename, nobody.
      expect(whole.length).toBeGreaterThan(100);
      expect(whole).toContainEqual(expect.objectContaining({ operator_id: 'mei', operator_name: expect.stringMatching(/^Mei/) }));
      expect(whole).toContainEqual(expect.objectContaining({ operator_id: null }));
    });
  });

  it('are read in group order for a long period and by time for a short one, with the same figures', () => {
    sell(640);
    const audit = { refundsByOperator: () => [] };
    raw((db) => {
      const { sql, ran } = counted(db);
      // 640 kept: a period of 20 or more (1/32) is long.
      const long = dayFigures(sql, audit, T0, T0 + 20 * 1000);
      const short = dayFigures(sql, audit, T0, T0 + 19 * 1000);
      expect(ran).toEqual(['outcomesInOrder', 'outcomes']);
      const plain = prepareDayReportStatements(db);
      expect(long).toStrictEqual(dayFigures({ ...plain, outcomesInOrder: plain.outcomes }, audit, T0, T0 + 20 * 1000));
      expect(short).toStrictEqual(dayFigures({ ...plain, outcomes: plain.outcomesInOrder }, audit, T0, T0 + 19 * 1000));
      expect(long.totals.reduce((n, t) => n + t.paid.count + t.failed + t.expired + t.cancelled, 0)).toBeGreaterThan(0);
    });
  });

  it('of an empty journal are no rows either way', () => {
    raw((db) => {
      const { sql, ran } = counted(db);
      expect(dayFigures(sql, { refundsByOperator: () => [] }, 0, Number.MAX_SAFE_INTEGER)).toStrictEqual({ totals: [], operators: [] });
      expect(ran).toEqual(['outcomes']);
    });
  });
});

describe('migration 8', () => {
  it('gives a version-7 journal the end of day’s indexes, keeping every row and every figure', () => {
    sell(300);
    const payments = journal.list({ limit: 500, offset: 0 }).payments;
    const refunds = payments.flatMap((p) => journal.refunds(p.id));
    const figures = journal.dayReports.figures(0, Number.MAX_SAFE_INTEGER);
    journal.close();
    // Back to version 7 exactly: its schema is this one without the version-8 indexes, as a fresh one shows.
    const NEW = ['payments_day_groups', 'payments_method_by_id', 'refunds_day'];
    raw((db) => {
      for (const index of NEW) db.exec(`DROP INDEX ${index}`);
      db.pragma('user_version = 7');
    });
    const fresh = new Database(':memory:');
    for (const migration of MIGRATIONS.slice(0, 7)) fresh.exec(migration);
    // The planner's statistics (sqlite_stat*, which closing the journal refreshes) are not the schema.
    const schema = (db: Database.Database) =>
      db.prepare<[], string>("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").pluck().all();
    expect(raw(schema)).toEqual(schema(fresh));
    fresh.close();

    journal = openJournal(file, { now: () => T0 + 1_000_000 });
    expect(SCHEMA_VERSION).toBe(8);
    expect(journal.connectionInfo().schemaVersion).toBe(8);
    expect(raw((db) => db.pragma('application_id', { simple: true }))).toBe(APPLICATION_ID);
    expect(raw((db) => db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('payments_day_groups', 'payments_method_by_id', 'refunds_day') ORDER BY name").pluck().all())).toEqual([...NEW].sort());
    expect(journal.list({ limit: 500, offset: 0 }).payments).toStrictEqual(payments);
    expect(payments.flatMap((p) => journal.refunds(p.id))).toStrictEqual(refunds);
    expect(refunds.length).toBeGreaterThan(0);
    expect(journal.dayReports.figures(0, Number.MAX_SAFE_INTEGER)).toStrictEqual(figures);
  });
});
