import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { transition } from '../../app/payment/transition';
import { JournalWriteError } from '../../electron/service/journal/journal-errors';
import type { Journal } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;
const OPN_KEY = 'skey_test_5xuy4w91xqz7d1w9u0t';
const ORANGEPILL_KEY = 'AXVubzpwQDU1dzByYM==';

const creating = (id: string): Payment => aPayment({ id, amount: { minor: 5000, currency: 'SGD' }, method: 'orangepill' });

let dir: string;
let file: string;
let journal: Journal;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-events-'));
  file = join(dir, 'journal.sqlite3');
  clock = T0;
  journal = openJournal(file, { now: () => clock, secrets: [ORANGEPILL_KEY] });
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

describe('the event log', () => {
  it('records each state change the engine saves, in the same order, and nothing for other changes', () => {
    let p = creating('sale-1');
    journal.save(p);
    const steps = [
      { type: 'created', created: { providerRef: 'op_1', qr: { payload: 'op_1' }, expiresAt: T0 + 60_000 } },
      { type: 'notice', message: 'Connection lost: retrying' },
      { type: 'provider_status', status: { kind: 'partially_paid', received: { minor: 2000, currency: 'SGD' } } },
      { type: 'provider_status', status: { kind: 'partially_paid', received: { minor: 3000, currency: 'SGD' } } },
      { type: 'provider_status', status: { kind: 'paid', paidAt: T0 + 9000 } },
    ] as const;
    for (const event of steps) {
      clock += 1000;
      p = transition(p, event, clock);
      journal.save(p);
    }
    journal.save(p); // saving an unchanged payment again adds nothing
    const events = journal.events('sale-1');
    expect(events.map((e) => e.summary)).toEqual([
      { from: null, to: 'creating' },
      { from: 'creating', to: 'awaiting' },
      { from: 'awaiting', to: 'partially_paid', received: { minor: 2000, currency: 'SGD' } },
      { from: 'partially_paid', to: 'partially_paid', received: { minor: 3000, currency: 'SGD' } },
      { from: 'partially_paid', to: 'paid', paidAt: T0 + 9000 },
    ]);
    expect(events.every((e) => e.kind === 'status' && e.paymentId === 'sale-1')).toBe(true);
    expect(events.map((e) => e.at)).toEqual([T0, T0 + 1000, T0 + 3000, T0 + 4000, T0 + 5000]);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('keeps the failure code and message of a failed payment', () => {
    journal.save(creating('f'));
    journal.save({ ...creating('f'), state: { status: 'failed', failure: { code: 'insufficient_fund', message: 'Not enough funds' } } });
    expect(journal.events('f').at(-1)?.summary).toEqual({ from: 'creating', to: 'failed', failure: { code: 'insufficient_fund', message: 'Not enough funds' } });
  });

  it('appends provider summaries between status changes and returns what it stored', () => {
    journal.save(creating('s'));
    clock += 5;
    const appended = journal.appendEvent('s', { kind: 'provider', summary: { call: 'create', http: 201, status: 'CREATED' } });
    expect(appended).toMatchObject({ paymentId: 's', at: T0 + 5, kind: 'provider', summary: { call: 'create', http: 201, status: 'CREATED' } });
    expect(journal.events('s').map((e) => e.kind)).toEqual(['status', 'provider']);
    expect(journal.events('s')[1]).toEqual(appended);
  });

  it('refuses an event for a payment it does not hold', () => {
    expect(() => journal.appendEvent('ghost', { kind: 'provider', summary: {} })).toThrow(JournalWriteError);
    expect(() => journal.appendEvent('ghost', { kind: 'provider', summary: {} })).toThrow(/not in the journal/);
  });

  it('is append-only: SQLite itself refuses to update or delete an event', () => {
    journal.save(creating('a'));
    raw((db) => {
      expect(() => db.prepare(`UPDATE payment_events SET kind = 'x'`).run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM payment_events').run()).toThrow(/append-only/);
      const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'payment_events' ORDER BY name`).pluck().all();
      expect(triggers).toEqual(['payment_events_no_delete', 'payment_events_no_update']);
    });
    expect(journal.events('a')).toHaveLength(1);
  });
});

describe('secrets in event summaries', () => {
  beforeEach(() => journal.save(creating('r')));
  const stored = (): string[] => raw((db) => db.prepare<[], string>('SELECT summary_json FROM payment_events').pluck().all());

  it('are never written: registered values, credential fields and key shapes', () => {
    journal.redact('late-registered-secret');
    journal.appendEvent('r', {
      kind: 'provider',
      summary: {
        echoed: `x-api-key: ${ORANGEPILL_KEY}`,
        headers: { 'x-api-key': 'whatever', Authorization: 'Basic c2tleV90ZXN0Og==', 'idempotency-key': 'idem-1' },
        message: `Authentication failed for ${OPN_KEY}`,
        nested: [{ secretKey: 'abc', note: 'late-registered-secret' }],
      },
    });
    const text = stored().join('\n');
    for (const secret of [ORANGEPILL_KEY, 'whatever', 'c2tleV90ZXN0Og==', OPN_KEY, 'abc', 'late-registered-secret']) {
      expect(text).not.toContain(secret);
    }
    expect(journal.events('r').at(-1)?.summary).toEqual({
      echoed: 'x-api-key: [redacted]',
      headers: { 'x-api-key': '[redacted]', Authorization: '[redacted]', 'idempotency-key': 'idem-1' },
      message: 'Authentication failed for [redacted]',
      nested: [{ secretKey: '[redacted]', note: '[redacted]' }],
    });
  });

  it('are caught in their JSON-escaped spelling too, and by a host-given redaction', () => {
    journal.close();
    journal = openJournal(file, { secrets: ['quo"ted\\key'], redactText: (text) => text.replaceAll('shop-pin-0000', '[pin]') });
    journal.appendEvent('r', { kind: 'provider', summary: { said: 'key quo"ted\\key and shop-pin-0000' } });
    expect(journal.events('r').at(-1)?.summary).toEqual({ said: 'key [redacted] and [pin]' });
  });

  it('are not kept in an over-long summary either, which is cut', () => {
    journal.appendEvent('r', { kind: 'provider', summary: { body: `${OPN_KEY} ${'x'.repeat(50_000)}` } });
    const summary = journal.events('r').at(-1)?.summary;
    expect(summary?.['truncated']).toBe(true);
    expect(String(summary?.['head'])).not.toContain(OPN_KEY);
    expect(stored().join('').length).toBeLessThan(10_000);
  });
});

describe('refunds', () => {
  const paid = (id: string): Payment => ({ ...creating(id), providerRef: 'op_9', state: { status: 'paid', paidAt: T0 + 1 } });

  it('are kept per payment, oldest first, each with a refund event', () => {
    journal.save(paid('p'));
    journal.recordRefund({ paymentId: 'p', refundId: 'rf_1', amountMinor: 1000, currency: 'SGD', at: T0 + 10 });
    journal.recordRefund({ paymentId: 'p', refundId: 'rf_2', amountMinor: 4000, currency: 'SGD', at: T0 + 20 });
    expect(journal.refunds('p')).toEqual([
      { paymentId: 'p', refundId: 'rf_1', amountMinor: 1000, currency: 'SGD', at: T0 + 10 },
      { paymentId: 'p', refundId: 'rf_2', amountMinor: 4000, currency: 'SGD', at: T0 + 20 },
    ]);
    expect(journal.events('p').filter((e) => e.kind === 'refund').map((e) => e.summary)).toEqual([
      { refundId: 'rf_1', amountMinor: 1000, currency: 'SGD' },
      { refundId: 'rf_2', amountMinor: 4000, currency: 'SGD' },
    ]);
    expect(journal.refunds('other')).toEqual([]);
  });

  it('count the same refund once when it is reported again', () => {
    journal.save(paid('p'));
    const refund = { paymentId: 'p', refundId: 'rf_1', amountMinor: 1000, currency: 'SGD', at: T0 + 10 } as const;
    journal.recordRefund(refund);
    journal.recordRefund({ ...refund, at: T0 + 99 });
    expect(journal.refunds('p')).toHaveLength(1);
    expect(journal.events('p').filter((e) => e.kind === 'refund')).toHaveLength(1);
  });

  it('refuse a contradiction, a wrong currency, an unknown payment and a bad amount, storing nothing', () => {
    journal.save(paid('p'));
    journal.recordRefund({ paymentId: 'p', refundId: 'rf_1', amountMinor: 1000, currency: 'SGD', at: T0 });
    expect(() => journal.recordRefund({ paymentId: 'p', refundId: 'rf_1', amountMinor: 999, currency: 'SGD', at: T0 })).toThrow(
      /already recorded as 1000 minor units, not 999/,
    );
    expect(() => journal.recordRefund({ paymentId: 'p', refundId: 'rf_2', amountMinor: 1, currency: 'MYR', at: T0 })).toThrow(/in MYR, but payment p is in SGD/);
    expect(() => journal.recordRefund({ paymentId: 'x', refundId: 'rf_3', amountMinor: 1, currency: 'SGD', at: T0 })).toThrow(/no payment x/);
    expect(() => journal.recordRefund({ paymentId: 'p', refundId: 'rf_4', amountMinor: 0.5, currency: 'SGD', at: T0 })).toThrow(RangeError);
    expect(journal.refunds('p').map((r) => r.refundId)).toEqual(['rf_1']);
    raw((db) => {
      expect(() => db.prepare('UPDATE refunds SET amount_minor = 1').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM refunds').run()).toThrow(/append-only/);
    });
  });
});
