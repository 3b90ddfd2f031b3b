import Database from 'better-sqlite3';
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../app/ipc/contract';
import type { DeviceStatus } from '../../app/ipc/devices';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { JournalDiskError } from '../../electron/service/journal/write-problems';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { storedPayment, T0 } from '../support/engine-harness';
import { TEST_DEMO_KEY } from '../support/in-process-terminal';
import { fillDisk, smallDisk, tmpfsProblem, type SmallDisk } from '../support/small-disk';

/**
 * A real full disk: the journal lives on a small tmpfs, which a filler file fills while a QR is
 * showing; then the customer pays. The terminal must stay up, say why it cannot save, start no new
 * sale and show nothing as paid, then save and show the sale once, exactly once, when there is room.
 */
const SIZE = '4m';

const cannotMount = tmpfsProblem();
if (cannotMount !== null) console.warn(`journal-disk-full: SKIPPED, a tmpfs cannot be mounted here (${cannotMount}); run as root to test a real full disk`);
const title =
  cannotMount === null ? 'a full disk under the journal (tmpfs)' : `a full disk under the journal: SKIPPED, cannot mount a tmpfs here (${cannotMount})`;

/** Every event the terminal sends, and a way to wait for the first one (past or future) that matches. */
function recordEvents(service: TerminalService) {
  const seen: { name: EventName; payload: unknown }[] = [];
  const waiters: { match: (name: EventName, payload: unknown) => boolean; resolve: () => void }[] = [];
  service.subscribe((name, payload) => {
    seen.push({ name, payload });
    for (const w of [...waiters]) {
      if (w.match(name, payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const payments = (): Payment[] =>
    seen.flatMap((e) => (e.name === 'payment' ? [(e.payload as EventPayloads['payment']).payment] : [])).filter((p): p is Payment => p !== null);
  const devices = (): DeviceStatus[] => seen.flatMap((e) => (e.name === 'devices' ? [e.payload as DeviceStatus] : []));
  /** Resolves at the first event from now on that matches; the test's timeout bounds the wait. */
  const next = <E extends EventName>(name: E, match: (payload: EventPayloads[E]) => boolean): Promise<void> =>
    new Promise((resolve) => waiters.push({ match: (n, p) => n === name && match(p as EventPayloads[E]), resolve }));
  return { payments, devices, next };
}

describe.skipIf(cannotMount !== null)(title, () => {
  let disk: SmallDisk | undefined;
  let dir = '';
  let service: TerminalService | null = null;
  const logLines: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    disk = smallDisk('journal-disk-full-', SIZE);
    dir = disk.dir;
    service = await createTerminalService({
      settings: settingsSchema.parse({ payment: { pollIntervalMs: 250 } }),
      log: createLogger((line) => logLines.push(line), 'debug'),
      demoApiKey: TEST_DEMO_KEY,
      dataDir: dir,
    });
  });

  afterAll(async () => {
    try {
      // Room first, whatever happened, so the terminal can close its journal cleanly.
      disk?.makeRoom();
      await service?.close();
    } finally {
      process.off('unhandledRejection', onUnhandled);
      disk?.remove();
    }
  });

  it('the customer pays on a full disk: kept up, not shown paid, no new sale; saved once and shown paid when there is room', async () => {
    if (service === null) throw new Error('the terminal did not start');
    const terminal = service;
    const events = recordEvents(terminal);
    const journalFile = terminal.journalPath ?? '';
    expect(journalFile.startsWith(dir)).toBe(true);
    const charge = () => terminal.dispatch('charge', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', orderRef: 'DISK-1' }, 'cashier');

    const started = await charge();
    if (!started.ok) throw new Error(started.error.message);
    const sale = started.value as Payment;
    expect(sale.state.status).toBe('awaiting');

    const filler = join(dir, 'filler');
    fillDisk(filler);
    const refused = events.next('devices', (d) => d.journal.health === 'fault');
    const marked = await terminal.dispatch('demoSimulate', { paymentId: sale.id, outcome: 'paid' }, 'cashier');
    expect(marked).toEqual({ ok: true, value: null });
    await refused;

    // The clear state: the device bar says why, in words; the sale is not shown paid; no new sale starts.
    const journal = events.devices().at(-1)?.journal;
    expect(journal?.summary).toBe('Journal: disk full');
    expect(journal?.detail).toBe(`Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds ${dir}).`);
    const snapshot = await terminal.dispatch('getSnapshot', {}, 'cashier');
    expect(snapshot.ok && (snapshot.value as { payment: Payment | null }).payment?.state.status).toBe('awaiting');
    expect(events.payments().some((p) => p.state.status === 'paid')).toBe(false);
    // The refusal carries the same sentence as a Said, for a Malay or Chinese cashier's screen to word.
    expect(await charge()).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: journal?.detail, said: { area: 'records', kind: 'journal_cannot_save', problem: 'full', folder: dir } },
    });
    const reader = new Database(journalFile, { readonly: true, fileMustExist: true });
    try {
      const statusOnDisk = reader.prepare<[string], string>('SELECT status FROM payments WHERE id = ?').pluck();
      expect(statusOnDisk.get(sale.id)).toBe('awaiting');

      // Room again: the outcome is saved, then shown, once.
      const shownPaid = events.next('payment', (p) => p.payment?.id === sale.id && p.payment.state.status === 'paid');
      const saving = events.next('devices', (d) => d.journal.health === 'ok');
      unlinkSync(filler);
      await shownPaid;
      await saving;
      expect(statusOnDisk.get(sale.id)).toBe('paid');
      const paidEvents = reader
        .prepare<[string], string>("SELECT summary_json FROM payment_events WHERE payment_id = ? AND kind = 'status'")
        .pluck()
        .all(sale.id)
        .filter((json) => (JSON.parse(json) as { to?: string }).to === 'paid');
      expect(paidEvents).toHaveLength(1);
      expect(reader.prepare<[string], number>('SELECT count(*) FROM payments WHERE id = ?').pluck().get(sale.id)).toBe(1);
    } finally {
      reader.close();
    }
    expect(events.payments().filter((p) => p.id === sale.id && p.state.status === 'paid')).toHaveLength(1);

    // And the terminal takes the next sale.
    expect((await terminal.dispatch('dismiss', { paymentId: sale.id }, 'cashier')).ok).toBe(true);
    const next = await charge();
    expect(next.ok).toBe(true);
    if (next.ok) await terminal.dispatch('cancel', { paymentId: (next.value as Payment).id }, 'cashier');
    expect(unhandled).toEqual([]);
    expect(logLines.some((l) => l.includes('journal cannot save'))).toBe(true);
  });

  it('every other journal write on a full disk says why in words or goes on without it, and works again after', () => {
    const problems: string[] = [];
    const filler = join(dir, 'filler');
    rmSync(filler, { force: true });
    const journal = openJournal(join(dir, 'other.sqlite3'), { now: () => T0, onWriteProblem: (what, problem) => problems.push(`${what}: ${problem.message}`) });
    try {
      const paid = storedPayment({ id: 'sale-9', state: { status: 'paid', paidAt: T0 - 1000 } });
      journal.save(paid);
      expect(journal.prints.claim('sale-9', 'qr_slip')).toBe(true);
      expect(journal.prints.claim('sale-9', 'failed_slip')).toBe(true);
      fillDisk(filler);
      const sentence = `Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds ${dir}).`;
      const refundedPayment: Payment = { ...paid, refundedMinor: 100 };
      expect(() => journal.save(refundedPayment)).toThrow(sentence);
      expect(() => journal.save(refundedPayment)).toThrow(JournalDiskError);
      expect(() => journal.appendEvent('sale-9', { kind: 'note', summary: { by: 'test' } })).toThrow(sentence);
      expect(() => journal.recordRefund({ paymentId: 'sale-9', refundId: 'r1', amountMinor: 100, currency: 'SGD', at: T0 })).toThrow(sentence);
      const act = { action: 'refund', paymentId: 'sale-9', operator: { id: 'ali', name: 'Ali' }, approvedBy: null, detail: { amountMinor: 100, currency: 'SGD' } } as const;
      expect(() => journal.appendAudit(act)).toThrow(sentence);
      expect(() => journal.appendAudit(act)).toThrow(JournalDiskError);
      // The printer is not stopped by its ledger: the slip prints, the lost claim is logged.
      expect(journal.prints.claim('sale-9', 'paid_receipt')).toBe(true);
      expect(() => journal.prints.printed('sale-9', 'qr_slip')).not.toThrow();
      expect(() => journal.prints.failed('sale-9', 'failed_slip', 'paper out')).not.toThrow();
      expect(problems).toEqual([
        `Print of paid_receipt for sale-9 not claimed: ${sentence}`,
        `Print of qr_slip for sale-9 not recorded: ${sentence}`,
        `Print failure for sale-9 not recorded: ${sentence}`,
      ]);
      // Those outcomes stay owed: the ledger still holds both slips as claimed.
      expect(journal.prints.outstanding().map((r) => r.kind).sort()).toEqual(['failed_slip', 'qr_slip']);
      expect(journal.dayReports.close()).toEqual({
        ok: false,
        error: {
          message: `The day report was not saved: the disk is full (free space on the disk that holds ${dir}). The day stays open; close it again once that is fixed.`,
          said: { area: 'records', kind: 'day_report_not_saved', problem: 'full', folder: dir },
        },
      });
      // Nothing half-written: what is on disk is what was there before.
      expect(journal.get('sale-9')).toEqual(paid);
      expect(journal.refunds('sale-9')).toEqual([]);
      expect(journal.dayReports.list()).toEqual([]);
      // Nor the refund's audit entry.
      expect(journal.audit('sale-9')).toEqual([]);

      unlinkSync(filler);
      journal.save(refundedPayment);
      journal.recordRefund({ paymentId: 'sale-9', refundId: 'r2', amountMinor: 50, currency: 'SGD', at: T0 });
      expect(journal.get('sale-9')?.refundedMinor).toBe(100);
      expect(journal.refunds('sale-9').map((r) => r.amountMinor)).toEqual([100, 50]);
      expect(journal.prints.claim('sale-9', 'paid_receipt')).toBe(true);
      expect(journal.prints.claim('sale-9', 'paid_receipt')).toBe(false);
      expect(journal.dayReports.close().ok).toBe(true);
      expect(journal.appendAudit(act)).toMatchObject({ action: 'refund', paymentId: 'sale-9', operator: { id: 'ali' } });
    } finally {
      rmSync(filler, { force: true });
      journal.close();
    }
  });
});
