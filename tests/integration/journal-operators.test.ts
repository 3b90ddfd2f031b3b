import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;
const sale = (patch: Partial<Payment> = {}): Payment => aPayment(patch);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-operators-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('journal version 4: who did it, and parked sales', () => {
  it('keeps the operator who started a sale and when it was parked, and gives them back', () => {
    const file = join(dir, 'journal.sqlite3');
    const journal = openJournal(file);
    journal.save(sale({ operator: { id: 'ali', name: 'Ali' } }));
    journal.save(sale({ operator: { id: 'ali', name: 'Ali' }, state: { status: 'awaiting' }, updatedAt: T0 + 1, parkedAt: T0 + 60_000 }));
    journal.save(sale({ id: 'T2' }));
    expect(journal.get('T1')).toMatchObject({ operator: { id: 'ali', name: 'Ali' }, parkedAt: T0 + 60_000 });
    expect(journal.get('T2')).not.toHaveProperty('operator');
    expect(journal.get('T2')).not.toHaveProperty('parkedAt');
    journal.close();
  });

  it('keeps an audit trail that cannot be edited or deleted', () => {
    const file = join(dir, 'journal.sqlite3');
    openJournal(file).close();
    const db = new Database(file);
    try {
      db.prepare("INSERT INTO audit (at, action, operator_id, operator_name, detail_json) VALUES (?, 'close_day', 'mei', 'Mei', '{}')").run(T0);
      expect(() => db.prepare("UPDATE audit SET operator_name = 'Someone else'").run()).toThrow('audit is append-only');
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow('audit is append-only');
      expect(() => db.prepare("INSERT INTO audit (at, action, detail_json) VALUES (?, 'x', '[]')").run(T0)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
