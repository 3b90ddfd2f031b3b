import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { printerCaughtUp } from '../support/printer-caught-up';

/**
 * The paid receipt prints exactly once per payment, whatever the terminal went through: the real
 * service on a real journal file, printing over TCP to a virtual printer that outlives each run.
 * Between runs the journal is edited as a crash would have left it.
 */
let dir: string;
let printer: VirtualPrinter;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipt-once-'));
  printer = new VirtualPrinter({ dots: 384 });
  port = await printer.listen();
});
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (): Promise<TerminalService> =>
  createTerminalService({
    settings: settingsSchema.parse({
      demo: { methods: ['demo'] },
      printer: { connection: { kind: 'tcp', host: '127.0.0.1', port }, paper: '58mm', autoPrintQrSlip: 'never' },
    }),
    log: createLogger(() => undefined),
    dataDir: dir,
  });

const receiptsFor = (id: string) => printer.receipts().filter((r) => r.lines.some((l) => l.includes('PAID')) && r.lines.some((l) => l.includes(id)));
const journalFile = () => join(dir, 'journal-demo.sqlite3');
const printState = (id: string): unknown => {
  const db = new Database(journalFile(), { readonly: true });
  try {
    return db.prepare('SELECT state FROM prints WHERE payment_id = ?').pluck().get(id);
  } finally {
    db.close();
  }
};

/** Waits until the printer has taken everything this run queued at start, a resumed receipt included. */
async function caughtUp(service: TerminalService): Promise<void> {
  await printerCaughtUp(printer, async () => {
    const printed = await service.dispatch('printTest', { page: 'test_qr' }, 'cashier');
    expect(printed).toMatchObject({ ok: true, value: { outcome: 'printed' } });
  });
}

async function paidSale(service: TerminalService): Promise<Payment> {
  const charged = await service.dispatch('charge', { amount: { minor: 990, currency: 'SGD' }, method: 'demo' }, 'cashier');
  if (!charged.ok) throw new Error(charged.error.message);
  const payment = charged.value as Payment;
  const simulator = service.simulators.get('demo') as DemoSimulator;
  expect(simulator.simulate(payment.providerRef ?? '', 'paid').ok).toBe(true);
  return payment;
}

describe('the paid receipt, exactly once', () => {
  it('prints once when paid, and not again on the next start', async () => {
    const first = await start();
    const payment = await paidSale(first);
    await expect.poll(() => receiptsFor(payment.id).length, { timeout: 10_000 }).toBe(1);
    await first.close();

    const second = await start();
    // The negative check: a resumed print would have been queued at start, so it comes out before this page.
    await caughtUp(second);
    await second.close();
    expect(receiptsFor(payment.id).length).toBe(1);
  });

  it('prints after a restart when the last run stopped between saving "paid" and printing', async () => {
    const first = await start();
    const payment = await paidSale(first);
    await expect.poll(() => receiptsFor(payment.id).length, { timeout: 10_000 }).toBe(1);
    await first.close();
    // As if the run had died before it claimed the receipt: no row in prints.
    const db = new Database(journalFile());
    db.prepare('DELETE FROM prints WHERE payment_id = ?').run(payment.id);
    db.close();

    const second = await start();
    await expect.poll(() => receiptsFor(payment.id).length, { timeout: 10_000 }).toBe(2);
    await second.close();
    const third = await start();
    await caughtUp(third);
    await third.close();
    expect(receiptsFor(payment.id).length).toBe(2);
  });

  it('prints again a receipt claimed but never confirmed (the run died while printing), then never more', async () => {
    const first = await start();
    const payment = await paidSale(first);
    await expect.poll(() => receiptsFor(payment.id).length, { timeout: 10_000 }).toBe(1);
    await first.close();
    const db = new Database(journalFile());
    db.prepare("UPDATE prints SET state = 'claimed', printed_at = NULL WHERE payment_id = ?").run(payment.id);
    db.close();

    const second = await start();
    await expect.poll(() => receiptsFor(payment.id).length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => printState(payment.id)).toBe('printed');
    await second.close();
    const third = await start();
    await caughtUp(third);
    await third.close();
    expect(receiptsFor(payment.id).length).toBe(2);
  });
});
