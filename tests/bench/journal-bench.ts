import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Payment } from '../../app/payment/payment';
import type { DayTotals } from '../../app/ipc/history';
import type { Journal } from '../../electron/service/journal/journal-types';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { row, type BenchRow } from './stats';

const payment = (i: number, at: number): Payment => ({
  id: `T20261122-000000-${i.toString(16).padStart(6, '0')}`,
  amount: { minor: 150 + (i % 5000), currency: 'SGD' },
  method: i % 2 === 0 ? 'atome' : 'orangepill',
  orderRef: null,
  payerAlias: null,
  providerRef: `chrg_${i}`,
  qr: { payload: `https://qr.example/pay/${i}` },
  createdAt: at,
  updatedAt: at,
  expiresAt: at + 600_000,
  state: i % 7 === 0 ? { status: 'failed', failure: { code: 'payment_rejected', message: 'Atome rejected the payment.' } } : { status: 'paid', paidAt: at },
  refundedMinor: 0,
  notice: null,
});

/** Durable writes (WAL, synchronous=FULL: each save is committed and synced before it returns). */
export function benchJournalWrites(count: number): BenchRow {
  const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
  const journal = openJournal(join(dir, 'journal.sqlite3'));
  const samples: number[] = [];
  try {
    const t0 = Date.now();
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      journal.save(payment(i, t0 + i));
      samples.push(performance.now() - start);
    }
  } finally {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return row('journal: durable write', 'ms', samples, 5, `${count} saves, WAL, synchronous=FULL, ${tmpdir()}`);
}

/**
 * A sales mix for the seeded journal: three methods, two currencies, every final status, some
 * refunds (partial and full), and three people besides nobody, so the end-of-day figures have
 * something in each column.
 */
const STAFF = [{ id: 'ali', name: 'Ali' }, { id: 'mei', name: 'Mei' }, { id: 'kim', name: 'Kim' }, undefined] as const;

const mixed = (i: number, at: number): Payment => {
  // Three people and nobody signed in, so the report's figures per person have groups to sum.
  const operator = STAFF[i % STAFF.length];
  const base = { ...payment(i, at), ...(operator === undefined ? {} : { operator }) };
  const method = (['atome', 'orangepill', 'demo'] as const)[i % 3] ?? 'demo';
  const amount = { minor: base.amount.minor, currency: i % 5 === 0 ? ('MYR' as const) : ('SGD' as const) };
  if (base.state.status !== 'paid') return { ...base, method, amount };
  if (i % 11 === 0) return { ...base, method, amount, state: { status: 'expired' } };
  if (i % 13 === 0) return { ...base, method, amount, state: { status: 'cancelled' } };
  if (i % 19 === 0) return { ...base, method, amount, state: { status: 'refunded' }, refundedMinor: amount.minor };
  if (i % 17 === 0) return { ...base, method, amount, refundedMinor: Math.floor(amount.minor / 2) };
  return { ...base, method, amount };
};

export interface SeededJournal {
  readonly journal: Journal;
  readonly path: string;
  readonly seeded: number;
  /** Closes the journal (SQLite checkpoints its WAL into the file) and removes its folder. */
  close(): void;
  /** The closed journal's file copied to a new file, for a run that changes it (closing the day). */
  copy(name: string): string;
}

/** A journal holding `seeded` finished sales, one a second up to now, none of them in a closed day. */
export function seedJournal(seeded: number): SeededJournal {
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  const path = join(dir, 'journal.sqlite3');
  const journal = openJournal(path);
  const t0 = Date.now() - seeded * 1000;
  const batch: Payment[] = [];
  for (let i = 0; i < seeded; i++) {
    batch.push(mixed(i, t0 + i * 1000));
    if (batch.length === 5000) journal.saveAll(batch.splice(0));
  }
  journal.saveAll(batch);
  let open = true;
  return {
    journal,
    path,
    seeded,
    close: () => {
      if (open) journal.close();
      open = false;
      rmSync(dir, { recursive: true, force: true });
    },
    copy: (name) => {
      if (open) journal.close();
      open = false;
      const to = join(dir, name);
      copyFileSync(path, to);
      // On disk before it is used: else the timed commit's fsync also waits for the copy's 50 MB to be written.
      const fd = openSync(to, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return to;
    },
  };
}

/** A history page (newest 50, filtered by status and method) over a seeded journal. */
export function benchHistoryPage(seeded: SeededJournal, pages: number): BenchRow {
  const samples: number[] = [];
  for (let i = 0; i < pages; i++) {
    const start = performance.now();
    seeded.journal.list({ status: ['paid'], method: ['atome'], limit: 50, offset: (i % 10) * 50 });
    samples.push(performance.now() - start);
  }
  return row('history page (50 rows, filtered)', 'ms', samples, 50, `${seeded.seeded} payments seeded, ${pages} pages`);
}

/** The figures of a period, as counted sales: every sale counts once, in one column. */
const salesIn = (totals: readonly DayTotals[]): number => totals.reduce((n, t) => n + t.paid.count + t.failed + t.expired + t.cancelled, 0);

function timedReports(journal: Journal, reports: number, expected: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < reports; i++) {
    const start = performance.now();
    const period = journal.dayReports.preview();
    samples.push(performance.now() - start);
    if (salesIn(period.totals) !== expected) throw new Error(`the end-of-day report counts ${salesIn(period.totals)} sales, not ${expected}`);
  }
  return samples;
}

/**
 * End of day over the seeded journal. "Report" is what the End of day screen asks for (the `endOfDay`
 * command: the open period and its figures per method and currency, refunds apart); "close" keeps the
 * numbered report (`closeDay`), timed on fresh copies of the journal, since a day closes once.
 * Two cases: all 100,000 sales in the open period (no day ever closed: the worst case, every row
 * read), and the usual one, a day of `daySales` sales after the earlier days were closed.
 */
export function benchEndOfDay(seeded: SeededJournal, reports: number, closes: number, daySales: number): BenchRow[] {
  const worst = timedReports(seeded.journal, reports, seeded.seeded);
  const closeSamples: number[] = [];
  for (let i = 0; i < closes; i++) {
    const journal = openJournal(seeded.copy(`close-${i}.sqlite3`));
    try {
      const start = performance.now();
      const closed = journal.dayReports.close();
      closeSamples.push(performance.now() - start);
      if (!closed.ok) throw new Error(closed.error.message);
      if (salesIn(closed.value.totals) !== seeded.seeded) throw new Error(`the closed day counts ${salesIn(closed.value.totals)} sales`);
    } finally {
      journal.close();
    }
  }
  // The usual day: everything before closed as one report, then a day's sales, then its report.
  let clock = Date.now() + 1000;
  const journal = openJournal(seeded.copy('day.sqlite3'), { now: () => clock });
  let day: number[];
  try {
    const closed = journal.dayReports.close();
    if (!closed.ok) throw new Error(closed.error.message);
    for (let i = 0; i < daySales; i++) {
      clock += 60_000;
      journal.save(mixed(seeded.seeded + i, clock));
    }
    clock += 1000;
    day = timedReports(journal, reports, daySales);
  } finally {
    journal.close();
  }
  const n = seeded.seeded;
  return [
    row('end-of-day report, no day closed yet', 'ms', worst, 100, `all ${n} seeded payments in the open period (3 methods × 2 currencies, refunds), ${reports} reports`),
    row('end of day: close, no day closed yet', 'ms', closeSamples, 100, `the same ${n} payments in the day, ${closes} closes, each on a fresh copy of the journal`),
    row('end-of-day report, one day in a full journal', 'ms', day, 100, `${daySales} sales in the open day, ${n} before it in closed days, ${reports} reports`),
  ];
}
