import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Payment } from '../../app/payment/payment';
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

/** A history page (newest 50, filtered by status and method) over a seeded journal. */
export function benchHistoryPage(seeded: number, pages: number): BenchRow {
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  const journal = openJournal(join(dir, 'journal.sqlite3'));
  const samples: number[] = [];
  try {
    const t0 = Date.now() - seeded * 1000;
    const batch: Payment[] = [];
    for (let i = 0; i < seeded; i++) {
      batch.push(payment(i, t0 + i * 1000));
      if (batch.length === 5000) journal.saveAll(batch.splice(0));
    }
    journal.saveAll(batch);
    for (let i = 0; i < pages; i++) {
      const start = performance.now();
      journal.list({ status: ['paid'], method: ['atome'], limit: 50, offset: (i % 10) * 50 });
      samples.push(performance.now() - start);
    }
  } finally {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return row('history page (50 rows, filtered)', 'ms', samples, 50, `${seeded} payments seeded, ${pages} pages`);
}
