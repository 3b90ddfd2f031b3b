import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../../app/money/currency';
import type { Payment, PaymentState } from '../../app/payment/payment';
import type { OperatorRef } from '../../app/staff/staff';
import type { Journal } from '../../electron/service/journal/journal-types';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../electron/service/journal/migrations';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

/*
 * The journal's side of "who did it": the audit (append, read back per sale, redacted), the history
 * filter by operator, and the day report's figures per person, kept with each new report while the
 * reports closed before version 5 read exactly as they were.
 */

const T0 = 1_767_225_600_000;
const ALI: OperatorRef = { id: 'ali', name: 'Ali' };
const MEI: OperatorRef = { id: 'mei', name: 'Mei' };
const paid: PaymentState = { status: 'paid', paidAt: T0 };

let dir: string;
let file: string;
let journal: Journal;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-audit-'));
  file = join(dir, 'journal.sqlite3');
  clock = T0;
  journal = openJournal(file, { now: () => clock, secrets: ['sk_live_SECRET_0123'] });
});

afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const sale = (id: string, minor: number, currency: CurrencyCode, state: PaymentState, operator?: OperatorRef): Payment => {
  clock += 1;
  return aPayment({
    id,
    amount: { minor, currency },
    method: 'atome',
    providerRef: `chrg_${id}`,
    qr: { payload: id },
    createdAt: clock,
    updatedAt: clock,
    state,
    ...(operator === undefined ? {} : { operator }),
  });
};

/** A refund as the refund command records it: the payment's refunded total, then its audit entry. */
function refund(payment: Payment, minor: number, operator: OperatorRef | null, approvedBy: OperatorRef | null = null): Payment {
  clock += 1;
  const after = { ...payment, refundedMinor: payment.refundedMinor + minor, updatedAt: clock };
  journal.save(after);
  journal.appendAudit({ action: 'refund', paymentId: payment.id, operator, approvedBy, detail: { amountMinor: minor, currency: payment.amount.currency, refundId: `rfnd_${clock}` } });
  return after;
}

describe('the audit', () => {
  it("keeps each act with who did it and who approved, and gives back a sale's acts in order", () => {
    const s = sale('s1', 5000, 'SGD', paid, ALI);
    journal.save(s);
    clock += 10;
    const first = journal.appendAudit({ action: 'refund', paymentId: 's1', operator: ALI, approvedBy: MEI, detail: { amountMinor: 1200, currency: 'SGD', refundId: 'rfnd_1' } });
    expect(first).toEqual({ seq: first.seq, at: T0 + 11, action: 'refund', paymentId: 's1', operator: ALI, approvedBy: MEI, detail: { amountMinor: 1200, currency: 'SGD', refundId: 'rfnd_1' } });
    journal.appendAudit({ action: 'settings', operator: null, approvedBy: null, detail: { sections: ['merchant'] } });
    const second = journal.appendAudit({ action: 'refund', paymentId: 's1', operator: MEI, approvedBy: MEI, detail: { amountMinor: 300, currency: 'SGD', refundId: null } });
    expect(journal.audit('s1')).toEqual([first, second]);
    expect(journal.audit('no-such-sale')).toEqual([]);
  });

  it('never writes a key: a registered secret and a credential-named field are redacted', () => {
    const entry = journal.appendAudit({ action: 'settings', operator: MEI, approvedBy: MEI, detail: { note: 'was sk_live_SECRET_0123', apiKey: 'anything' } });
    expect(entry.detail).toEqual({ note: 'was [redacted]', apiKey: '[redacted]' });
    const text = new Database(file, { readonly: true }).prepare('SELECT group_concat(detail_json) FROM audit').pluck().get();
    expect(String(text)).not.toContain('SECRET_0123');
  });

  it("refuses an act on a sale the journal does not hold, saying so", () => {
    expect(() => journal.appendAudit({ action: 'refund', paymentId: 'ghost', operator: null, approvedBy: null, detail: {} })).toThrow(
      'Audit of refund not recorded: that payment is not in the journal',
    );
  });
});

describe('history by operator', () => {
  it('finds the sales one person started, and counts them', () => {
    journal.saveAll([sale('a1', 100, 'SGD', paid, ALI), sale('m1', 200, 'SGD', paid, MEI), sale('a2', 300, 'SGD', paid, ALI), sale('n1', 400, 'SGD', paid)]);
    expect(journal.list({ operator: 'ali', limit: 10, offset: 0 }).payments.map((p) => p.id)).toEqual(['a2', 'a1']);
    expect(journal.count({ operator: 'mei' })).toBe(1);
    expect(journal.count({ operator: 'nobody-like-this' })).toBe(0);
    expect(journal.count({})).toBe(4);
  });
});

describe('the day report per person', () => {
  it("counts each person's paid sales and the refunds they made, per currency, nobody signed in last", () => {
    let a1 = sale('a1', 1000, 'SGD', paid, ALI);
    journal.save(a1);
    journal.save(sale('a2', 2550, 'SGD', paid, ALI));
    journal.save(sale('a3', 700, 'SGD', { status: 'failed', failure: { code: 'x', message: 'no' } }, ALI));
    journal.save(sale('a4', 4000, 'MYR', paid, ALI));
    journal.save(sale('m1', 999, 'SGD', paid, MEI));
    journal.save(sale('n1', 505, 'SGD', paid));
    // Ali refunds his own sale with Mei's approval; Mei refunds it again; nobody refunds the lone sale.
    a1 = refund(a1, 300, ALI, MEI);
    refund(a1, 200, MEI, MEI);
    refund(sale('n2', 800, 'SGD', paid), 800, null);
    clock += 1;
    const preview = journal.dayReports.preview();
    expect(preview.operators).toEqual([
      { operator: ALI, currency: 'MYR', paid: { count: 1, minor: 4000 }, refunded: { count: 0, minor: 0 }, net: 4000 },
      { operator: ALI, currency: 'SGD', paid: { count: 2, minor: 3550 }, refunded: { count: 1, minor: 300 }, net: 3250 },
      { operator: MEI, currency: 'SGD', paid: { count: 1, minor: 999 }, refunded: { count: 1, minor: 200 }, net: 799 },
      { operator: null, currency: 'SGD', paid: { count: 2, minor: 1305 }, refunded: { count: 1, minor: 800 }, net: 505 },
    ]);
    // The method totals are the same whoever sold: the per-person figures only split them.
    expect(preview.totals.map((t) => [t.currency, t.paid, t.refunded, t.failed])).toEqual([
      ['MYR', { count: 1, minor: 4000 }, { count: 0, minor: 0 }, 0],
      ['SGD', { count: 5, minor: 5854 }, { count: 3, minor: 1300 }, 1],
    ]);
  });

  it('keeps the figures per person with the report, and the audit of who closed it, in one go', () => {
    journal.save(sale('a1', 1000, 'SGD', paid, ALI));
    clock += 1;
    const closed = journal.dayReports.close({ operator: ALI, approvedBy: MEI });
    if (!closed.ok) throw new Error(closed.error.message);
    expect(closed.value.operators).toEqual([{ operator: ALI, currency: 'SGD', paid: { count: 1, minor: 1000 }, refunded: { count: 0, minor: 0 }, net: 1000 }]);
    journal.close();
    journal = openJournal(file, { now: () => clock });
    expect(journal.dayReports.get(1)).toEqual(closed.value);
    const acts = new Database(file, { readonly: true }).prepare("SELECT operator_id, approved_by_name, detail_json FROM audit WHERE action = 'close_day'").all();
    expect(acts).toEqual([{ operator_id: 'ali', approved_by_name: 'Mei', detail_json: JSON.stringify({ report: 1, from: T0 + 1, to: clock }) }]);
  });

  it('closes with nobody signed in (a one-person shop) and still records when', () => {
    journal.save(sale('n1', 1000, 'SGD', paid));
    clock += 1;
    expect(journal.dayReports.close().ok).toBe(true);
    const acts = new Database(file, { readonly: true }).prepare("SELECT at, operator_id, approved_by_id FROM audit WHERE action = 'close_day'").all();
    expect(acts).toEqual([{ at: clock, operator_id: null, approved_by_id: null }]);
  });

  it('reads a report closed before version 5 exactly as it was kept, without figures per person', () => {
    journal.close();
    rmSync(file);
    const totals = [{ method: 'demo', currency: 'SGD', paid: { count: 1, minor: 1050 }, refunded: { count: 0, minor: 0 }, net: 1050, failed: 0, expired: 0, cancelled: 0 }];
    const db = new Database(file);
    try {
      for (const migration of MIGRATIONS.slice(0, 4)) db.exec(migration);
      db.pragma('user_version = 4');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.prepare('INSERT INTO day_reports (number, period_from, period_to, created_at, totals_json) VALUES (1, ?, ?, ?, ?)').run(T0, T0 + 5, T0 + 5, JSON.stringify(totals));
    } finally {
      db.close();
    }
    journal = openJournal(file, { now: () => clock });
    // Migrated on to the current version, the old report untouched.
    expect(journal.connectionInfo().schemaVersion).toBe(SCHEMA_VERSION);
    const old = journal.dayReports.get(1);
    expect(old).toEqual({ number: 1, from: T0, to: T0 + 5, createdAt: T0 + 5, totals });
    expect(old).not.toHaveProperty('operators');
  });
});
