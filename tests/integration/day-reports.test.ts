import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../app/money/currency';
import type { MethodId } from '../../app/payment/method';
import type { Payment, PaymentState } from '../../app/payment/payment';
import type { Journal } from '../../electron/service/journal/journal-types';
import { APPLICATION_ID, MIGRATIONS } from '../../electron/service/journal/migrations';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;
const HOUR = 3_600_000;

let dir: string;
let file: string;
let journal: Journal;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'day-reports-'));
  file = join(dir, 'journal.sqlite3');
  clock = T0;
  journal = openJournal(file, { now: () => clock });
});

afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const sale = (id: string, method: MethodId, minor: number, currency: CurrencyCode, state: PaymentState, refundedMinor = 0): Payment => aPayment({
  id,
  amount: { minor, currency },
  method,
  providerRef: `prov-${id}`,
  qr: { payload: id },
  createdAt: clock,
  updatedAt: clock,
  state,
  refundedMinor,
});
const paid: PaymentState = { status: 'paid', paidAt: T0 };

const raw = <T>(use: (db: Database.Database) => T): T => {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
};

/** A day of sales across methods and currencies; amounts picked so a float sum would drift (0.1 + 0.2). */
function sellOneDay(): void {
  journal.save(sale('d1', 'demo', 10, 'SGD', paid));
  clock += 1;
  journal.save(sale('d2', 'demo', 20, 'SGD', paid));
  clock += 1;
  journal.save(sale('d3', 'demo', 99_999_999_999, 'SGD', paid));
  clock += 1;
  journal.save(sale('d4', 'demo', 500, 'SGD', { status: 'failed', failure: { code: 'x', message: 'no' } }));
  clock += 1;
  journal.save(sale('d5', 'demo', 700, 'SGD', { status: 'expired' }));
  clock += 1;
  journal.save(sale('d6', 'demo', 800, 'SGD', { status: 'cancelled' }));
  clock += 1;
  journal.save(sale('a1', 'atome', 1234, 'SGD', paid));
  clock += 1;
  journal.save(sale('a2', 'atome', 5000, 'MYR', { status: 'paid_after_cancel', paidAt: T0 }));
  clock += 1;
  journal.save(sale('a3', 'atome', 2000, 'MYR', { status: 'expired' }));
  clock += 1;
  // Refunded in part, then in full: two refunds of one payment.
  const a4 = sale('a4', 'atome', 3000, 'MYR', paid);
  journal.save(a4);
  clock += 1;
  journal.save({ ...a4, refundedMinor: 1000 });
  clock += 1;
  journal.save({ ...a4, refundedMinor: 3000, state: { status: 'refunded' } });
  clock += 1;
  journal.save(sale('o1', 'orangepill', 4321, 'SGD', { status: 'failed', failure: { code: 'FAILED', message: 'no' } }));
  clock += 1;
}

describe('the end-of-day totals', () => {
  it('are exact per method and currency: paid, refunded, net, failed, expired and cancelled', () => {
    sellOneDay();
    expect(journal.dayReports.totals(T0, clock)).toEqual([
      { method: 'demo', currency: 'SGD', paid: { count: 3, minor: 100_000_000_029 }, refunded: { count: 0, minor: 0 }, net: 100_000_000_029, failed: 1, expired: 1, cancelled: 1 },
      { method: 'atome', currency: 'MYR', paid: { count: 2, minor: 8000 }, refunded: { count: 2, minor: 3000 }, net: 5000, failed: 0, expired: 1, cancelled: 0 },
      { method: 'atome', currency: 'SGD', paid: { count: 1, minor: 1234 }, refunded: { count: 0, minor: 0 }, net: 1234, failed: 0, expired: 0, cancelled: 0 },
      { method: 'orangepill', currency: 'SGD', paid: { count: 0, minor: 0 }, refunded: { count: 0, minor: 0 }, net: 0, failed: 1, expired: 0, cancelled: 0 },
    ]);
    expect(journal.refunds('a4').map((r) => [r.refundId, r.amountMinor])).toEqual([
      ['total-1000', 1000],
      ['total-3000', 2000],
    ]);
    expect(journal.events('a4').filter((e) => e.kind === 'refund').map((e) => e.summary['totalRefundedMinor'])).toEqual([1000, 3000]);
  });

  it('leave out sales still open, and count a refund on the day it was made, not the day of its sale', () => {
    journal.save(sale('p', 'atome', 5000, 'SGD', paid));
    clock += HOUR;
    journal.save(sale('open', 'demo', 100, 'SGD', { status: 'awaiting' }));
    expect(journal.dayReports.totals(T0, clock + 1).map((t) => t.method)).toEqual(['atome']);
    journal.save({ ...sale('open', 'demo', 100, 'SGD', { status: 'expired' }), createdAt: T0 + HOUR });
    clock += 1;
    const day1 = journal.dayReports.close();
    expect(day1.ok).toBe(true);
    clock += HOUR;
    const p = journal.get('p');
    if (p === undefined) throw new Error('p is missing');
    journal.save({ ...p, refundedMinor: 1500 });
    clock += 1;
    const day2 = journal.dayReports.close();
    if (!day2.ok) throw new Error(day2.error.message);
    expect(day2.value.totals).toEqual([
      { method: 'atome', currency: 'SGD', paid: { count: 0, minor: 0 }, refunded: { count: 1, minor: 1500 }, net: -1500, failed: 0, expired: 0, cancelled: 0 },
    ]);
  });
});

describe('the numbered day reports', () => {
  it('number from 1, each period starting where the last ended, and keep their totals as they were', () => {
    expect(journal.dayReports.preview()).toEqual({ from: T0, to: T0, totals: [], operators: [] });
    sellOneDay();
    const preview = journal.dayReports.preview();
    expect(preview.from).toBe(T0);
    expect(preview.to).toBe(clock);
    const first = journal.dayReports.close();
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ number: 1, from: T0, to: clock, createdAt: clock });
    expect(first.value.totals).toEqual(preview.totals);
    clock += HOUR;
    journal.save(sale('next', 'demo', 250, 'SGD', paid));
    clock += 1;
    expect(journal.dayReports.preview().from).toBe(first.value.to);
    const second = journal.dayReports.close();
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toMatchObject({ number: 2, from: first.value.to, to: clock });
    expect(second.value.totals).toEqual([
      { method: 'demo', currency: 'SGD', paid: { count: 1, minor: 250 }, refunded: { count: 0, minor: 0 }, net: 250, failed: 0, expired: 0, cancelled: 0 },
    ]);
    journal.close();
    journal = openJournal(file, { now: () => clock });
    expect(journal.dayReports.list().map((r) => r.number)).toEqual([2, 1]);
    expect(journal.dayReports.get(1)).toEqual(first.value);
    expect(journal.dayReports.get(3)).toBeUndefined();
  });

  it('keep sales cancelled after money arrived apart, with what is to return and what was returned, also in a closed report', () => {
    journal.save(sale('p', 'orangepill', 700, 'SGD', paid));
    const back1 = sale('back1', 'orangepill', 2000, 'SGD', { status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' } });
    journal.save(back1);
    journal.save(sale('back2', 'orangepill', 500, 'SGD', { status: 'cancelled_with_money', received: null }));
    journal.save(sale('back3', 'orangepill', 300, 'SGD', { status: 'cancelled_with_money', received: { minor: 300, currency: 'SGD' }, returned: { at: T0, by: null } }));
    journal.save(sale('c', 'orangepill', 900, 'SGD', { status: 'cancelled' }));
    clock += HOUR;
    const expected = {
      method: 'orangepill',
      currency: 'SGD',
      paid: { count: 1, minor: 700 },
      refunded: { count: 0, minor: 0 },
      net: 700,
      failed: 0,
      expired: 0,
      cancelled: 1,
      moneyBack: { toReturn: { count: 2, minor: 1000 }, returned: { count: 1, minor: 300 }, notReported: 1 },
    };
    expect(journal.dayReports.preview().totals).toEqual([expected]);
    const closed = journal.dayReports.close();
    expect(closed.ok && closed.value.totals).toEqual([expected]);
    // Marked returned after the close: the kept report stays as it was.
    journal.save({ ...back1, updatedAt: clock, state: { status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' }, returned: { at: clock, by: null } } });
    expect(journal.dayReports.get(1)?.totals).toEqual([expected]);
  });

  it('refuse to close while a sale is still in progress, saying why', () => {
    journal.save(sale('open', 'demo', 100, 'SGD', { status: 'awaiting' }));
    clock += 1;
    expect(journal.dayReports.close()).toEqual({
      ok: false,
      error: { message: 'A sale is still in progress: finish or cancel it before closing the day, so it is counted', said: { area: 'records', kind: 'day_sales_open', count: 1 } },
    });
    expect(journal.dayReports.list()).toEqual([]);
  });

  it('close over parked sales, keeping them apart as parked with their outcome unknown', () => {
    journal.save(sale('sold', 'demo', 500, 'SGD', paid));
    journal.save({ ...sale('parked-1', 'demo', 1200, 'SGD', { status: 'awaiting' }), parkedAt: clock });
    journal.save({ ...sale('parked-2', 'orangepill', 800, 'USD', { status: 'needs_attention', reason: 'No answer' }), parkedAt: clock });
    clock += 1;
    const preview = journal.dayReports.preview();
    expect(preview.totals.map((t) => [t.method, t.currency, t.paid.count, t.parked ?? null])).toEqual([
      ['demo', 'SGD', 1, { count: 1, minor: 1200 }],
      ['orangepill', 'USD', 0, { count: 1, minor: 800 }],
    ]);
    const closed = journal.dayReports.close();
    if (!closed.ok) throw new Error(closed.error.message);
    expect(closed.value.totals).toEqual(preview.totals);
    // Kept as they were at closing: the report reads back the same after a restart.
    journal.close();
    journal = openJournal(file, { now: () => clock });
    expect(journal.dayReports.get(1)?.totals).toEqual(preview.totals);
    // A parked sale that ends later does not change the closed day.
    journal.save({ ...sale('parked-1', 'demo', 1200, 'SGD', paid), createdAt: T0, parkedAt: T0 });
    expect(journal.dayReports.get(1)?.totals[0]?.parked).toEqual({ count: 1, minor: 1200 });
  });

  it('still refuse an open sale that is not parked beside a parked one', () => {
    journal.save({ ...sale('parked', 'demo', 1200, 'SGD', { status: 'awaiting' }), parkedAt: clock });
    journal.save(sale('on-counter', 'demo', 100, 'SGD', { status: 'awaiting' }));
    clock += 1;
    expect(journal.dayReports.close()).toEqual({
      ok: false,
      error: { message: 'A sale is still in progress: finish or cancel it before closing the day, so it is counted', said: { area: 'records', kind: 'day_sales_open', count: 1 } },
    });
  });

  it('are append-only: no edit, no delete, no gap, no overlap, and a number is never reused', () => {
    sellOneDay();
    const first = journal.dayReports.close();
    if (!first.ok) throw new Error(first.error.message);
    journal.close();
    raw((db) => {
      expect(() => db.prepare('UPDATE day_reports SET totals_json = ? WHERE number = 1').run('[]')).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM day_reports').run()).toThrow(/append-only/);
      const insert = db.prepare('INSERT INTO day_reports (number, period_from, period_to, created_at, totals_json) VALUES (?, ?, ?, ?, ?)');
      expect(() => insert.run(3, first.value.to, first.value.to + 1, 0, '[]')).toThrow(/next number/);
      expect(() => insert.run(1, first.value.to, first.value.to + 1, 0, '[]')).toThrow(/next number|UNIQUE/);
      expect(() => insert.run(2, first.value.to - 1, first.value.to + 1, 0, '[]')).toThrow(/starts where the last one ended/);
      expect(db.prepare('SELECT count(*) FROM day_reports').pluck().get()).toBe(1);
    });
    journal = openJournal(file, { now: () => clock });
    clock += 1;
    const second = journal.dayReports.close();
    expect(second.ok && second.value.number).toBe(2);
  });
});

describe('migration 3', () => {
  it('dates the refunds of a version-2 file from their payments, so totals are exact from the start', () => {
    journal.close();
    rmSync(file);
    raw((db) => {
      db.exec(MIGRATIONS[0] ?? '');
      db.exec(MIGRATIONS[1] ?? '');
      db.pragma('user_version = 2');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.prepare(
        `INSERT INTO payments (id, method, amount_minor, currency, status, state_json, refunded_minor, created_at, updated_at)
         VALUES ('old', 'atome', 4000, 'SGD', 'paid', '{"status":"paid","paidAt":1}', 1500, ?, ?)`,
      ).run(T0, T0 + 5);
    });
    journal = openJournal(file, { now: () => clock });
    expect(journal.refunds('old')).toEqual([{ paymentId: 'old', refundId: 'total-1500', amountMinor: 1500, currency: 'SGD', at: T0 + 5 }]);
    expect(journal.dayReports.totals(T0, T0 + 10)[0]).toMatchObject({ paid: { count: 1, minor: 4000 }, refunded: { count: 1, minor: 1500 }, net: 2500 });
  });
});
