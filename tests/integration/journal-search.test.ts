import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import type { Journal } from '../../electron/service/journal/journal-types';
import { whereClause } from '../../electron/service/journal/list-query';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;

const sale = (id: string, orderRef: string | null, providerRef: string, at: number): Payment =>
  aPayment({ id, orderRef, providerRef, createdAt: T0 + at, updatedAt: T0 + at, state: { status: 'paid', paidAt: T0 + at } });

let dir: string;
let file: string;
let journal: Journal;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-search-'));
  file = join(dir, 'journal.sqlite3');
  journal = openJournal(file, { now: () => T0 });
  journal.save(sale('pay_0001', 'INV-1001', 'chrg_test_5abc', 1));
  journal.save(sale('pay_0002', 'INV-1002', 'chrg_test_5abd', 2));
  journal.save(sale('pay_0003', '50%_OFF', 'chrg_test_6xyz', 3));
  journal.save(sale('pay_0004', '50AB_OFF', 'chrg_test_7xyz', 4));
  journal.save(sale('pay_0005', null, 'REQ-77', 5));
});

afterAll(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const found = (search: string): string[] => journal.list({ search, limit: 50, offset: 0 }).payments.map((p) => p.id);

describe('searching the journal', () => {
  it('finds a sale by its order number, exactly or by its start, any case', () => {
    expect(found('INV-1002')).toEqual(['pay_0002']);
    expect(found('inv-100')).toEqual(['pay_0002', 'pay_0001']);
    expect(journal.count({ search: 'INV-100' })).toBe(2);
  });

  it("finds a sale by our reference and by the provider's id", () => {
    expect(found('pay_0005')).toEqual(['pay_0005']);
    expect(found('chrg_test_5abc')).toEqual(['pay_0001']);
    expect(found('req-77')).toEqual(['pay_0005']);
  });

  it("treats '%' and '_' as themselves, not as wildcards", () => {
    // Unescaped, "50%" would match 50AB_OFF too, and "%" or "_" every sale.
    expect(found('50%')).toEqual(['pay_0003']);
    expect(found('50%_')).toEqual(['pay_0003']);
    expect(found('%')).toEqual([]);
    expect(found('_')).toEqual([]);
    expect(found('pay_000')).toHaveLength(5);
    expect(found('pay%')).toEqual([]);
    expect(found("' OR 1=1 --")).toEqual([]);
  });

  it('refuses a 10 kB search before it reaches SQLite', () => {
    expect(() => journal.list({ search: '%'.repeat(10_240), limit: 10, offset: 0 })).toThrow('search must be 1 to 64 characters, got 10240');
  });

  it('seeks the NOCASE indexes rather than scanning the table', () => {
    const db = new Database(file, { readonly: true });
    try {
      const where = whereClause({ search: 'INV-1' });
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM payments ${where.sql}`)
        .all(...where.params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
      expect(plan).toContain('USING INDEX payments_order_ref_search');
      expect(plan).toContain('USING INDEX payments_id_search');
      expect(plan).toContain('USING INDEX payments_provider_ref_search');
      expect(plan).not.toMatch(/SCAN payments/);
    } finally {
      db.close();
    }
  });
});
