import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment, PaymentState, PaymentStatus } from '../../app/payment/payment';
import { JournalWriteError, UnreadablePaymentError } from '../../electron/service/journal/journal-errors';
import type { Journal, UnreadableRow } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;

const payment = (id: string, patch: Partial<Payment> = {}): Payment => aPayment({ id, ...patch });

/** Typed by status, so a new PaymentState variant fails this test's build until it is covered here. */
const STATES: Record<PaymentStatus, readonly PaymentState[]> = {
  creating: [{ status: 'creating' }],
  awaiting: [{ status: 'awaiting' }],
  cancelling: [{ status: 'cancelling' }],
  unknown: [{ status: 'unknown', providerStatus: 'REVIEW' }],
  needs_attention: [{ status: 'needs_attention', reason: 'Opn answered for MYR 12.34, not the SGD 12.34 asked' }],
  partially_paid: [{ status: 'partially_paid', received: { minor: 500, currency: 'SGD' } }],
  paid: [
    { status: 'paid', paidAt: T0 + 5000 },
    { status: 'paid', paidAt: T0 + 5000, received: { minor: 1300, currency: 'SGD' } },
    { status: 'paid', paidAt: T0 + 5000, late: true },
    { status: 'paid', paidAt: T0 + 5000, received: { minor: 1300, currency: 'SGD' }, late: true },
    { status: 'paid', paidAt: T0 + 5000, late: true, kept: { at: T0 + 7000, by: { id: 'mei', name: 'Mei' } } },
    { status: 'paid', paidAt: T0 + 5000, late: true, kept: { at: T0 + 7000, by: null } },
    // The provider's word on refunds (Opn's charge `refundable`): PromptPay says no.
    { status: 'paid', paidAt: T0 + 5000, refundable: false },
    { status: 'paid', paidAt: T0 + 5000, refundable: true },
  ],
  failed: [{ status: 'failed', failure: { code: 'payment_rejected', message: 'The wallet declined the payment' } }],
  expired: [{ status: 'expired' }],
  cancelled: [{ status: 'cancelled' }],
  cancelled_with_money: [
    { status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' } },
    { status: 'cancelled_with_money', received: null, returned: { at: T0 + 8000, by: { id: 'ali', name: 'Ali' } } },
    { status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' }, returned: { at: T0 + 8000, by: null } },
  ],
  paid_after_cancel: [{ status: 'paid_after_cancel', paidAt: T0 + 9000 }],
  refunded: [{ status: 'refunded' }],
};
const ALL_STATES = Object.values(STATES).flat();

let dir: string;
let file: string;
let journal: Journal;
let clock: number;
let unreadable: UnreadableRow[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-store-'));
  file = join(dir, 'journal.sqlite3');
  clock = T0;
  unreadable = [];
  journal = openJournal(file, { now: () => clock, onUnreadable: (row) => unreadable.push(row) });
});

afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes behind the journal's back, as a damaged disk or a careless hand edit (checks off) would. */
const tamper = (sql: string, options = { checks: true }): void => {
  const db = new Database(file);
  try {
    if (!options.checks) db.pragma('ignore_check_constraints = ON');
    db.prepare(sql).run();
  } finally {
    db.close();
  }
};

describe('journal as the payment store', () => {
  it('gives back exactly the payment it saved, for every state', () => {
    ALL_STATES.forEach((state, i) => {
      const saved = payment(`p-${i}`, {
        state,
        method: i % 2 === 0 ? 'atome' : 'orangepill',
        orderRef: i % 3 === 0 ? `order ${i}` : null,
        payerAlias: i % 4 === 0 ? '$payer' : null,
        providerRef: `chrg_${i}`,
        qr: { payload: `https://pay.example/qr/${i}` },
        expiresAt: T0 + 120_000,
        updatedAt: T0 + i,
        refundedMinor: state.status === 'refunded' ? 1234 : 0,
        notice: i === 2 ? 'Connection lost: retrying' : null,
      });
      journal.save(saved);
      expect(journal.get(saved.id)).toStrictEqual(saved);
    });
  });

  it('keeps an image-only QR, a missing QR and the provider trail', () => {
    const imageOnly = payment('img', { qr: { payload: null, image: { dataUrl: 'data:image/png;base64,iVBORw0KGgo=' } }, state: { status: 'awaiting' } });
    const withTrail = payment('trail', {
      state: { status: 'awaiting' },
      providerTrail: {
        log: [
          { status: 'CREATED', at: T0 },
          { status: 'PENDING', at: null },
        ],
        related: [{ type: 'transaction', value: 'tx-1', at: T0 + 1 }],
      },
    });
    for (const p of [imageOnly, withTrail, payment('none')]) {
      journal.save(p);
      expect(journal.get(p.id)).toStrictEqual(p);
    }
    expect(journal.get('none')).not.toHaveProperty('providerTrail');
  });

  it('survives closing and reopening the file', () => {
    const saved = payment('reopen', { state: STATES.paid[3]!, providerRef: 'chrg_1' });
    journal.save(saved);
    journal.close();
    journal = openJournal(file);
    expect(journal.get('reopen')).toStrictEqual(saved);
  });

  it('answers undefined for a payment it never saw', () => {
    expect(journal.get('nope')).toBeUndefined();
  });

  it('lists unfinished payments oldest first, whatever order they were saved in', () => {
    ALL_STATES.forEach((state, i) => journal.save(payment(`p-${i}`, { state, createdAt: T0 - i })));
    const unfinished = journal.unfinished();
    expect(unfinished.map((p) => p.state.status)).toEqual(['partially_paid', 'needs_attention', 'unknown', 'cancelling', 'awaiting', 'creating']);
    expect(unfinished.map((p) => p.createdAt)).toEqual([...unfinished.map((p) => p.createdAt)].sort((a, b) => a - b));
  });

  it('refuses to change the amount, currency, method or creation time of a saved payment', () => {
    journal.save(payment('fixed'));
    expect(() => journal.save(payment('fixed', { amount: { minor: 1, currency: 'SGD' } }))).toThrow(JournalWriteError);
    expect(() => journal.save(payment('fixed', { amount: { minor: 1234, currency: 'MYR' } }))).toThrow(/never change/);
    expect(() => journal.save(payment('fixed', { method: 'orangepill' }))).toThrow(/never change/);
    expect(() => journal.save(payment('fixed', { createdAt: T0 + 1 }))).toThrow(/never change/);
    expect(journal.get('fixed')).toStrictEqual(payment('fixed'));
  });

  it('never deletes a payment, even through SQL', () => {
    journal.save(payment('kept'));
    expect(() => tamper('DELETE FROM payments')).toThrow(/never deleted/);
    expect(() => tamper(`UPDATE payments SET amount_minor = 1 WHERE id = 'kept'`)).toThrow(/never change/);
    expect(journal.get('kept')).toBeDefined();
  });
});

describe('a damaged row', () => {
  beforeEach(() => {
    journal.save(payment('good', { state: { status: 'awaiting' } }));
    journal.save(payment('bad', { state: { status: 'awaiting' }, createdAt: T0 + 1 }));
  });

  it('gives a clear error for that payment only', () => {
    tamper(`UPDATE payments SET state_json = '{"status":"awaiting","extra":1}' WHERE id = 'bad'`);
    expect(() => journal.get('bad')).toThrow(UnreadablePaymentError);
    expect(() => journal.get('bad')).toThrow(/Payment bad in the journal cannot be read: state_json: .*extra/);
    expect(journal.get('good')?.state.status).toBe('awaiting');
  });

  it('is reported and skipped by unfinished, so the other sales still resume', () => {
    journal.save(payment('other', { state: { status: 'awaiting' }, createdAt: T0 + 2 }));
    tamper(`UPDATE payments SET state_json = '{"status":"paid","paidAt":1}' WHERE id = 'bad'`);
    tamper(`UPDATE payments SET refunded_minor = -5 WHERE id = 'good'`, { checks: false });
    expect(() => journal.get('good')).toThrow(/refunded_minor/);
    expect(journal.unfinished().map((p) => p.id)).toEqual(['other']);
    expect(unreadable.map((row) => row.id)).toEqual(['good', 'bad']);
    expect(unreadable[1]?.message).toBe('status column says awaiting but state_json says paid');
  });

  it('is left out of a history page but named in it', () => {
    tamper(`UPDATE payments SET state_json = 'not json' WHERE id = 'bad'`, { checks: false });
    const page = journal.list({ limit: 10, offset: 0 });
    expect(page.payments.map((p) => p.id)).toEqual(['good']);
    expect(page.unreadable).toEqual([{ id: 'bad', message: 'state_json is not JSON' }]);
  });
});
