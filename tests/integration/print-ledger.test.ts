import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { createMemoryPrintLedger, type PrintLedger } from '../../electron/service/journal/print-ledger';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import type { Journal } from '../../electron/service/journal/journal-types';
import { aPayment } from '../support/payment-fixture';

const T0 = 1_760_000_000_000;
const sale = (id: string): Payment => aPayment({
  id,
  amount: { minor: 1234, currency: 'SGD' },
  method: 'demo',
  providerRef: `prov-${id}`,
  qr: { payload: `DEMO-${id}` },
  createdAt: T0,
  updatedAt: T0,
  expiresAt: T0 + 600_000,
  state: { status: 'paid', paidAt: T0 + 1000 },
});

let dir: string;
let file: string;
let journal: Journal;
let clock = T0;
beforeEach(() => {
  clock = T0;
  dir = mkdtempSync(join(tmpdir(), 'print-ledger-'));
  file = join(dir, 'journal.sqlite3');
  journal = openJournal(file, { now: () => clock });
  journal.save(sale('p1'));
  journal.save(sale('p2'));
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

function behavesAsALedger(ledger: () => PrintLedger): void {
  it('claims a slip once: a second claim, by this run or the next, is refused', () => {
    expect(ledger().claim('p1', 'paid_receipt')).toBe(true);
    expect(ledger().claim('p1', 'paid_receipt')).toBe(false);
    // Another kind for the same payment, or the same kind for another, is its own slip.
    expect(ledger().claim('p1', 'failed_slip')).toBe(true);
    expect(ledger().claim('p2', 'paid_receipt')).toBe(true);
  });

  it('records printed and failed, and a failure never undoes a print', () => {
    ledger().claim('p1', 'paid_receipt');
    clock = T0 + 5000;
    ledger().failed('p1', 'paid_receipt', 'Printer is out of paper');
    expect(ledger().get('p1', 'paid_receipt')).toMatchObject({ state: 'failed', error: 'Printer is out of paper', printedAt: null });
    ledger().printed('p1', 'paid_receipt');
    expect(ledger().get('p1', 'paid_receipt')).toEqual({ paymentId: 'p1', kind: 'paid_receipt', state: 'printed', claimedAt: T0, printedAt: T0 + 5000, error: null });
    ledger().failed('p1', 'paid_receipt', 'late failure');
    expect(ledger().get('p1', 'paid_receipt')?.state).toBe('printed');
  });

  it('lists what was claimed and never confirmed, oldest first', () => {
    clock = T0 + 2;
    ledger().claim('p2', 'paid_receipt');
    clock = T0 + 1;
    ledger().claim('p1', 'paid_receipt');
    ledger().claim('p1', 'qr_slip');
    ledger().printed('p1', 'qr_slip');
    expect(ledger().outstanding().map((r) => `${r.paymentId}/${r.kind}`)).toEqual(['p1/paid_receipt', 'p2/paid_receipt']);
  });
}

describe('the print ledger in the journal', () => {
  behavesAsALedger(() => journal.prints);

  it('keeps its claims across a reopen of the file, so a restart never prints a slip twice', () => {
    expect(journal.prints.claim('p1', 'paid_receipt')).toBe(true);
    journal.close();
    journal = openJournal(file, { now: () => clock });
    expect(journal.prints.claim('p1', 'paid_receipt')).toBe(false);
    expect(journal.prints.outstanding().map((r) => r.paymentId)).toEqual(['p1']);
  });

  it('refuses a claim for a payment the journal does not hold', () => {
    expect(() => journal.prints.claim('nope', 'paid_receipt')).toThrow('Print of paid_receipt for nope not claimed: that payment is not in the journal');
  });
});

describe('the print ledger in memory', () => {
  let memory: PrintLedger;
  beforeEach(() => {
    memory = createMemoryPrintLedger(() => clock);
  });
  behavesAsALedger(() => memory);
});
