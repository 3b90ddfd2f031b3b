import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodId } from '../../app/payment/method';
import type { Payment, PaymentState } from '../../app/payment/payment';
import type { Journal, ListFilter } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_767_225_600_000;
const HOUR = 3_600_000;
const METHODS: readonly MethodId[] = ['demo', 'atome', 'orangepill'];
const STATES: readonly PaymentState[] = [
  { status: 'paid', paidAt: T0 },
  { status: 'failed', failure: { code: 'expired_charge', message: 'Expired' } },
  { status: 'awaiting' },
  { status: 'cancelled' },
  { status: 'refunded' },
  { status: 'expired' },
  { status: 'paid_after_cancel', paidAt: T0 },
];

/** A varied but reproducible spread of sales; some share a creation time, to pin the tie-break. */
const sale = (i: number): Payment => aPayment({
  id: `sale-${String(i).padStart(6, '0')}`,
  amount: { minor: 100 + ((i * 7919) % 50_000), currency: i % 5 === 0 ? 'MYR' : 'SGD' },
  method: METHODS[i % METHODS.length]!,
  orderRef: i % 4 === 0 ? `order-${i}` : null,
  providerRef: `ref_${i}`,
  qr: { payload: `qr-${i}` },
  createdAt: T0 + Math.floor(((i * 37) % 101) / 2) * HOUR,
  updatedAt: T0,
  state: STATES[i % STATES.length]!,
});

const newestFirst = (a: Payment, b: Payment): number => b.createdAt - a.createdAt || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

const matches = (p: Payment, f: ListFilter): boolean =>
  (f.from === undefined || p.createdAt >= f.from) &&
  (f.to === undefined || p.createdAt < f.to) &&
  (f.status === undefined || f.status.includes(p.state.status)) &&
  (f.method === undefined || f.method.includes(p.method)) &&
  (f.minMinor === undefined || p.amount.minor >= f.minMinor) &&
  (f.maxMinor === undefined || p.amount.minor <= f.maxMinor);

let dir: string;
let journal: Journal;
const sales = Array.from({ length: 120 }, (_, i) => sale(i));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-list-'));
  journal = openJournal(join(dir, 'journal.sqlite3'));
  journal.saveAll(sales);
});

afterAll(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('history queries', () => {
  const filters: readonly ListFilter[] = [
    {},
    { from: T0 + 10 * HOUR },
    { to: T0 + 10 * HOUR },
    { from: T0 + 5 * HOUR, to: T0 + 20 * HOUR },
    { status: ['paid'] },
    { status: ['paid', 'refunded', 'paid_after_cancel'] },
    { method: ['orangepill'] },
    { method: ['atome', 'demo'], status: ['failed'] },
    { minMinor: 10_000 },
    { maxMinor: 10_000 },
    { minMinor: 5_000, maxMinor: 20_000, method: ['atome'], from: T0 + 3 * HOUR },
    { status: [] },
  ];

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))('filters %s, newest first', (_, filter) => {
    const expected = sales.filter((p) => matches(p, filter)).sort(newestFirst);
    const page = journal.list({ ...filter, limit: 1000, offset: 0 });
    expect(page.unreadable).toEqual([]);
    expect(page.payments.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(journal.count(filter)).toBe(expected.length);
  });

  it('pages without gaps or repeats, even across equal creation times', () => {
    const ids: string[] = [];
    for (let offset = 0; offset < sales.length; offset += 7) {
      ids.push(...journal.list({ limit: 7, offset }).payments.map((p) => p.id));
    }
    expect(ids).toEqual([...sales].sort(newestFirst).map((p) => p.id));
    expect(journal.list({ limit: 10, offset: 500 }).payments).toEqual([]);
  });

  it('gives back whole payments', () => {
    const page = journal.list({ status: ['failed'], limit: 1, offset: 0 });
    const [first] = page.payments;
    expect(first).toStrictEqual(sales.find((p) => p.id === first?.id));
  });

  it('refuses a page size or position that makes no sense', () => {
    expect(() => journal.list({ limit: 0, offset: 0 })).toThrow(/limit must be a whole number from 1 to 1000, got 0/);
    expect(() => journal.list({ limit: 5000, offset: 0 })).toThrow(RangeError);
    expect(() => journal.list({ limit: 10, offset: -1 })).toThrow(/offset must be a whole number of at least 0/);
    expect(() => journal.list({ limit: 10, offset: 0, from: Number.NaN })).toThrow(/from must be a whole number/);
  });
});

describe('a large journal', () => {
  it('answers history queries over 20,000 payments', () => {
    const big = openJournal(join(dir, 'big.sqlite3'));
    try {
      const many = Array.from({ length: 20_000 }, (_, i) => sale(i));
      big.saveAll(many);
      expect(big.count({})).toBe(20_000);
      const filter: ListFilter = { status: ['paid'], method: ['atome'], from: T0 + 10 * HOUR };
      const expected = many.filter((p) => matches(p, filter)).sort(newestFirst);
      const page = big.list({ ...filter, limit: 50, offset: 100 });
      expect(page.payments.map((p) => p.id)).toEqual(expected.slice(100, 150).map((p) => p.id));
      expect(big.count(filter)).toBe(expected.length);
      expect(big.unfinished()).toHaveLength(many.filter((p) => p.state.status === 'awaiting').length);
    } finally {
      big.close();
    }
  });
});
