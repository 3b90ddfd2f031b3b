import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_CSV_HEADER } from '../../app/history/csv';
import type { Payment } from '../../app/payment/payment';
import { settingsSchema } from '../../app/settings/settings';
import { openJournal } from '../../electron/service/journal/sqlite-journal';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { freePort } from '../support/free-port';
import { aPayment } from '../support/payment-fixture';

const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
const REJECTED = { area: 'payment', kind: 'demo_failure', code: 'payment_rejected' } as const;
const log = createLogger(() => undefined);

const sale = (id: string, createdAt: number, minor: number, state: Payment['state'], extra: Partial<Payment> = {}): Payment => aPayment({
  id,
  amount: { minor, currency: 'SGD' },
  method: 'demo',
  providerRef: `DEMO-${id}`,
  qr: { payload: `DEMO-${id}` },
  createdAt,
  updatedAt: createdAt,
  state,
  ...extra,
});

let dir: string;
let service: TerminalService;
let memory: TerminalService;
const cashier = (command: string, args: unknown) => service.dispatch(command, args, 'cashier');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'history-commands-'));
  // Seeded through a journal of its own before the terminal opens the same file.
  const journal = openJournal(join(dir, 'journal-demo.sqlite3'), { now: () => T0 });
  journal.save(sale('a', T0, 1050, { status: 'paid', paidAt: T0 }, { orderRef: 'Table 4, "window"' }));
  journal.save(sale('b', T0 + 1000, 200, { status: 'failed', failure: { code: 'payment_rejected', message: 'Rejected, sorry', said: REJECTED } }));
  journal.save(sale('c', T0 + 2000, 99_999, { status: 'expired' }));
  journal.close();
  service = await createTerminalService({ settings: settingsSchema.parse({}), log, dataDir: dir });
  memory = await createTerminalService({ settings: settingsSchema.parse({}), log });
});

afterAll(async () => {
  await service.close();
  await memory.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('history commands: bad arguments get a specific sentence', () => {
  it.each([
    ['listPayments', { status: ['bogus'] }, 'listPayments: status.0 must be a payment status (creating, awaiting, cancelling, unknown, needs_attention, partially_paid, paid, failed, expired, cancelled, cancelled_with_money, paid_after_cancel, refunded), got string "bogus"'],
    ['listPayments', { status: [] }, 'listPayments: status must name at least one status, or be left out for any status'],
    ['listPayments', { method: 'demo' }, 'listPayments: method must be a list of methods, got string "demo"'],
    ['listPayments', { from: 2000, to: 1000 }, 'listPayments: to must be after from (to is exclusive: the day after the last one wanted)'],
    ['listPayments', { from: '2026-12-01' }, 'listPayments: from must be a time in epoch milliseconds, got string "2026-12-01"'],
    ['listPayments', { min: { minor: 100, currency: 'SGD' }, max: { minor: 50, currency: 'SGD' } }, 'listPayments: max must not be less than min'],
    ['listPayments', { min: { minor: 100, currency: 'SGD' }, max: { minor: 500, currency: 'MYR' } }, 'listPayments: max must be in the same currency as min (SGD), got MYR'],
    ['listPayments', { min: { minor: '1.00', currency: 'SGD' } }, 'listPayments: min.minor must be a whole number of minor units (e.g. 1234 for 12.34), got string "1.00"'],
    ['listPayments', { max: { minor: -1, currency: 'SGD' } }, 'listPayments: max.minor must not be negative'],
    ['listPayments', { limit: 500 }, 'listPayments: limit must be at most 200'],
    ['listPayments', { offset: -1 }, 'listPayments: offset must be at least 0'],
    ['listPayments', { page: 2 }, 'listPayments: unexpected field(s) page'],
    ['exportPaymentsCsv', { limit: 10 }, 'exportPaymentsCsv: unexpected field(s) limit'],
    ['listPayments', { search: '   ' }, 'listPayments: search must not be empty: leave it out to search every payment'],
    ['listPayments', { search: 42 }, 'listPayments: search must be an order number or a reference (text), got number'],
    ['listPayments', { search: 'INV\u0000--' }, 'listPayments: search must not contain control characters'],
    ['paymentDetail', {}, 'paymentDetail: paymentId must be a payment id (a string)'],
    ['reprintDayReport', { number: 0 }, 'reprintDayReport: number must be 1 or more: reports are numbered from 1'],
    ['reprintDayReport', { number: 1.5 }, 'reprintDayReport: number must be a whole report number'],
    ['exportDayReportCsv', { number: '1' }, 'exportDayReportCsv: number must be a report number, got string "1"'],
    ['closeDay', { force: true }, 'closeDay: unexpected field(s) force'],
  ])('%s %j', async (command, args, message) => {
    expect(await cashier(command, args)).toMatchObject({ ok: false, error: { code: 'invalid_args', message, fields: expect.any(Object) as unknown } });
  });

  it('refuses a 10 kB search with a sentence, in the list and the export', async () => {
    for (const [command, text] of [['listPayments', 'x'], ['exportPaymentsCsv', '%']] as const) {
      expect(await cashier(command, { search: text.repeat(10_240) })).toMatchObject({
        ok: false,
        error: { code: 'invalid_args', message: `${command}: search must be at most 64 characters (an order number or a reference), got 10240` },
      });
    }
  });

  it('refuses the customer display every history command', async () => {
    for (const command of ['listPayments', 'paymentDetail', 'exportPaymentsCsv', 'endOfDay', 'closeDay', 'listDayReports', 'reprintDayReport', 'exportDayReportCsv']) {
      expect(await service.dispatch(command, {}, 'display')).toEqual({ ok: false, error: { code: 'forbidden', message: `The customer display may not run ${command}` } });
    }
  });

  it('says there is no journal on a terminal that keeps payments in memory', async () => {
    const answer = await memory.dispatch('endOfDay', {}, 'cashier');
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringMatching(/^History and end of day need the journal/) as unknown, said: { area: 'records', kind: 'no_journal' } },
    });
  });

  it('names what is missing: a payment or a report', async () => {
    expect(await cashier('paymentDetail', { paymentId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No payment nope in the journal', said: { area: 'records', kind: 'payment_not_in_journal', paymentId: 'nope' } },
    });
    expect(await cashier('reprintDayReport', { number: 7 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no day report 7: no day has been closed yet', said: { area: 'records', kind: 'day_report_not_found', number: 7, last: null } },
    });
  });
});

describe('history commands over the journal', () => {
  it('lists, filters and counts newest first', async () => {
    const all = await cashier('listPayments', {});
    expect(all).toMatchObject({ ok: true, value: { total: 3, unreadable: 0 } });
    expect(all.ok && (all.value as { payments: Payment[] }).payments.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    const cheap = await cashier('listPayments', { max: { minor: 1050, currency: 'SGD' }, status: ['paid', 'failed'], limit: 1, offset: 1 });
    expect(cheap.ok && cheap.value).toMatchObject({ total: 2, payments: [{ id: 'a' }] });
    expect(await cashier('listPayments', { min: { minor: 0, currency: 'MYR' } })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('searches by order number (any case, by its start) and by the provider id', async () => {
    expect(await cashier('listPayments', { search: 'table 4' })).toMatchObject({ ok: true, value: { total: 1, payments: [{ id: 'a' }] } });
    expect(await cashier('listPayments', { search: 'DEMO-b' })).toMatchObject({ ok: true, value: { total: 1, payments: [{ id: 'b' }] } });
    expect(await cashier('listPayments', { search: '%' })).toMatchObject({ ok: true, value: { total: 0 } });
    const csv = await cashier('exportPaymentsCsv', { search: 'Table' });
    expect(csv.ok && (csv.value as { csv: string }).csv.trim().split('\r\n')).toHaveLength(2);
  });

  it('gives a payment with its timeline and provider ids', async () => {
    const detail = await cashier('paymentDetail', { paymentId: 'b' });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        payment: { id: 'b' },
        // The failure's Said checked by the service, so the page words it without a schema of its own.
        timeline: [{ kind: 'status', summary: { from: null, to: 'failed' }, failureSaid: REJECTED }],
        providerIds: [
          { label: 'Our reference', value: 'b' },
          { label: 'Provider reference', value: 'DEMO-b' },
        ],
      },
    });
  });

  it('exports CSV with RFC 4180 quoting and exact decimals', async () => {
    const file = await cashier('exportPaymentsCsv', { status: ['paid', 'failed'] });
    if (!file.ok) throw new Error(file.error.message);
    const { csv, filename } = file.value as { csv: string; filename: string };
    expect(filename).toMatch(/^payments-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(csv).toBe(
      `${PAYMENT_CSV_HEADER.join(',')}\r\n` +
        `b,2026-12-01T02:00:01.000Z,2026-12-01T02:00:01.000Z,demo,failed,SGD,2.00,0.00,,DEMO-b,,payment_rejected,"Rejected, sorry",,,\r\n` +
        `a,2026-12-01T02:00:00.000Z,2026-12-01T02:00:00.000Z,demo,paid,SGD,10.50,0.00,"Table 4, ""window""",DEMO-a,2026-12-01T02:00:00.000Z,,,,,\r\n`,
    );
  });

  it('previews, closes and numbers the day; the report prints on the virtual printer and exports as CSV', async () => {
    const preview = await cashier('endOfDay', {});
    expect(preview).toMatchObject({
      ok: true,
      value: { from: T0, totals: [{ method: 'demo', currency: 'SGD', paid: { count: 1, minor: 1050 }, refunded: { count: 0, minor: 0 }, net: 1050, failed: 1, expired: 1, cancelled: 0 }] },
    });
    const printed = new Promise<string>((resolve) => service.virtualPrinter?.onReceipt((receipt) => resolve(receipt.lines.join('\n'))));
    const closed = await cashier('closeDay', {});
    expect(closed).toMatchObject({ ok: true, value: { report: { number: 1, from: T0 }, printError: null, print: { outcome: 'printed', label: 'End of day report 1' } } });
    expect(await printed).toContain('END OF DAY REPORT');
    expect(await cashier('listDayReports', {})).toMatchObject({ ok: true, value: [{ number: 1 }] });
    const csv = await cashier('exportDayReportCsv', { number: 1 });
    expect(csv.ok && (csv.value as { csv: string }).csv.split('\r\n')[1]).toMatch(/^1,2026-12-01T02:00:00.000Z,.*,demo,SGD,1,10.50,0,0.00,10.50,1,1,0,,0,0.00,0,0.00,0,0.00,0$/);
    expect(await cashier('reprintDayReport', { number: 1 })).toMatchObject({ ok: true, value: { outcome: 'printed' } });
    expect(await cashier('reprintDayReport', { number: 2 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no day report 2: the reports run from 1 to 1', said: { area: 'records', kind: 'day_report_not_found', number: 2, last: 1 } },
    });
    const next = await cashier('closeDay', {});
    expect(next).toMatchObject({ ok: true, value: { report: { number: 2, totals: [] } } });
  });
});

describe('closing the day when the printer cannot print', () => {
  it('keeps the report, says why it did not print, and the reprint is there for later', async () => {
    const unplugged = mkdtempSync(join(tmpdir(), 'history-unplugged-'));
    const port = await freePort(); // nothing listens there: the printer is off
    const offline = await createTerminalService({
      settings: settingsSchema.parse({ printer: { connection: { kind: 'tcp', host: '127.0.0.1', port }, jobTimeoutMs: 1000, retries: 0 } }),
      log,
      dataDir: unplugged,
    });
    try {
      const closed = await offline.dispatch('closeDay', {}, 'cashier');
      expect(closed).toMatchObject({ ok: true, value: { report: { number: 1 }, print: { outcome: 'failed' }, printError: expect.any(String) as unknown } });
      expect(await offline.dispatch('listDayReports', {}, 'cashier')).toMatchObject({ ok: true, value: [{ number: 1 }] });
      expect(await offline.dispatch('reprintDayReport', { number: 1 }, 'cashier')).toMatchObject({ ok: true, value: { outcome: 'failed' } });
    } finally {
      await offline.close();
      rmSync(unplugged, { recursive: true, force: true });
    }
  }, 30_000);
});
