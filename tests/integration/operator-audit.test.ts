import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_CSV_HEADER } from '../../app/history/csv';
import type { OperatorTotals, PaymentDetail, PaymentPage } from '../../app/ipc/history';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { ALI, MEI, MEI_APPROVES, run, terminalClients, valueOf } from '../support/terminal-clients';
import type { TestClient } from '../support/ws-client';

/*
 * Who did what, over the real WebSocket and into the real journal: each sale keeps who started it,
 * History finds one person's sales and names them in its CSV, each refund, day close, settings,
 * device and staff change is audited with who did it and who approved, and the Z report totals per
 * person. First as a one-person shop (nobody listed: the acts are still audited, with nobody), then
 * with Mei (manager) and Ali (cashier) signed in on screens of their own.
 */

const OPN_KEY = 'skey_test_5abcdefghijklmnopqrst';

let terminal: InProcessTerminal;
const screens = terminalClients(() => terminal);
const client = screens.client;

const value = async <T>(c: TestClient, command: string, args: unknown = {}): Promise<T> => valueOf<T>(await run(c, command, args));

/** A sale the customer pays, dismissed from the counter so the next one can start. */
async function paidSale(c: TestClient, minor: number, method: 'demo' | 'atome'): Promise<string> {
  const { id } = await value<{ id: string }>(c, 'charge', { amount: { minor, currency: 'SGD' }, method });
  await value(c, 'demoSimulate', { paymentId: id, outcome: 'paid' });
  await expect.poll(async () => (await value<{ payment: { state: { status: string } } }>(c, 'getSnapshot')).payment.state.status).toBe('paid');
  await value(c, 'dismiss', { paymentId: id });
  return id;
}

/** The audit as the journal file holds it, every act but the sales' own (read beside the running terminal). */
function auditRows(file = 'journal-demo.sqlite3'): { action: string; operator_id: string | null; approved_by_id: string | null; detail: Record<string, unknown> }[] {
  const db = new Database(join(terminal.dataDir, file), { readonly: true });
  try {
    const rows = db.prepare('SELECT action, operator_id, approved_by_id, detail_json FROM audit ORDER BY seq').all() as { action: string; operator_id: string | null; approved_by_id: string | null; detail_json: string }[];
    return rows.map(({ detail_json, ...row }) => ({ ...row, detail: JSON.parse(detail_json) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}
const everyAuditText = (file: string): string => JSON.stringify(auditRows(file));

beforeAll(async () => {
  terminal = await startInProcessTerminal({ demo: { methods: ['demo', 'atome'] } });
});

afterAll(async () => {
  screens.closeAll();
  await terminal.close();
});

describe('a one-person shop: nobody listed, every act still audited, with its time', () => {
  it('audits a refund, a settings change, a device change and the day closed, each with nobody', async () => {
    const c = await client();
    const sale = await paidSale(c, 1000, 'atome');
    await value(c, 'refund', { paymentId: sale, amount: { minor: 300, currency: 'SGD' } });
    const detail = await value<PaymentDetail>(c, 'paymentDetail', { paymentId: sale });
    expect(detail.payment).not.toHaveProperty('operator');
    expect(detail.audit).toEqual([
      {
        seq: expect.any(Number) as unknown,
        at: expect.any(Number) as unknown,
        action: 'refund',
        paymentId: sale,
        operator: null,
        approvedBy: null,
        detail: { amountMinor: 300, currency: 'SGD', refundId: expect.stringMatching(/^rfnd_/) as unknown, refundedTotalMinor: 300 },
      },
    ]);
    await value(c, 'saveSettings', { sounds: { enabled: false } });
    await value(c, 'saveDeviceSettings', { printer: { connection: null, paper: '58mm' } });
    const report = await value<{ report: { number: number; operators: readonly OperatorTotals[] } }>(c, 'closeDay');
    // Nobody was ever signed in: the one line would only repeat the totals, but the report keeps it.
    expect(report.report.operators).toEqual([{ operator: null, currency: 'SGD', paid: { count: 1, minor: 1000 }, refunded: { count: 1, minor: 300 }, net: 700 }]);
    expect(auditRows().map((r) => [r.action, r.operator_id, r.approved_by_id, r.detail])).toEqual([
      ['refund', null, null, expect.objectContaining({ amountMinor: 300 })],
      ['settings', null, null, { sections: ['sounds'], keys: {} }],
      ['devices', null, null, { devices: ['printer'] }],
      ['close_day', null, null, expect.objectContaining({ report: 1 })],
    ]);
  });
});

describe('staff at the counter: who sold, who refunded, who approved, per person in the Z report', () => {
  let ali: TestClient;
  let mei: TestClient;
  let alisSale: string;
  let meisSale: string;
  let nobodysSale: string;

  it('audits the staff list as it is made: who was added, never a PIN', async () => {
    const c = await client();
    // Sold before anyone was listed: nobody's, in the day that closes below.
    nobodysSale = await paidSale(c, 505, 'demo');
    await value(c, 'saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'over', thresholdMinor: 1000 } });
    const staff = auditRows().filter((r) => r.action === 'staff');
    expect(staff).toEqual([
      {
        action: 'staff',
        operator_id: null,
        approved_by_id: null,
        detail: {
          added: [
            { id: 'mei', name: 'Mei', role: 'manager' },
            { id: 'ali', name: 'Ali', role: 'cashier' },
          ],
          removed: [],
          changed: [],
          pinReplaced: [],
          refundApproval: { from: { mode: 'all' }, to: { mode: 'over', thresholdMinor: 1000 } },
        },
      },
    ]);
    expect(everyAuditText('journal-demo.sqlite3')).not.toMatch(/2468|1357|scrypt/);
    ali = await client();
    mei = await client();
    await value(ali, 'signIn', { staffId: 'ali', pin: '1357' });
    await value(mei, 'signIn', { staffId: 'mei', pin: '2468' });
  });

  it("keeps who started each sale, and History finds each person's sales and names them in the CSV", async () => {
    const display = await client('display');
    alisSale = await paidSale(ali, 2000, 'atome');
    meisSale = await paidSale(mei, 750, 'demo');
    // The customer display saw both sales, and never who sold them.
    const shown = JSON.stringify(display.messages);
    expect(shown).toContain(alisSale);
    expect(shown).toContain(meisSale);
    expect(shown).not.toMatch(/operator|"Ali"|"Mei"/);
    const byAli = await value<PaymentPage>(ali, 'listPayments', { operator: 'ali' });
    expect(byAli.payments.map((p) => [p.id, p.operator])).toEqual([[alisSale, { id: 'ali', name: 'Ali' }]]);
    expect(byAli.total).toBe(1);
    const byMei = await value<PaymentPage>(ali, 'listPayments', { operator: 'mei' });
    expect(byMei.payments.map((p) => [p.id, p.operator])).toEqual([[meisSale, { id: 'mei', name: 'Mei' }]]);
    expect((await run(ali, 'listPayments', { operator: 'Not An Id' })).ok).toBe(false);

    const { csv } = await value<{ csv: string }>(ali, 'exportPaymentsCsv', { from: 0 });
    const rows = csv.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]?.at(-1)).toBe('operator');
    const operatorOf = (id: string) => rows.find((r) => r[0] === id)?.[PAYMENT_CSV_HEADER.indexOf('operator')];
    expect([operatorOf(alisSale), operatorOf(meisSale), operatorOf(nobodysSale)]).toEqual(['Ali', 'Mei', '']);
    expect((await value<{ csv: string }>(ali, 'exportPaymentsCsv', { operator: 'mei' })).csv.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it("records a refund by Ali with Mei's approval in the sale's detail: who, who approved, when, and the provider's id", async () => {
    await value(ali, 'refund', { paymentId: alisSale, amount: { minor: 1200, currency: 'SGD' }, approval: MEI_APPROVES });
    const detail = await value<PaymentDetail>(ali, 'paymentDetail', { paymentId: alisSale });
    expect(detail.payment.operator).toEqual({ id: 'ali', name: 'Ali' });
    expect(detail.audit).toMatchObject([
      {
        action: 'refund',
        paymentId: alisSale,
        operator: { id: 'ali', name: 'Ali' },
        approvedBy: { id: 'mei', name: 'Mei' },
        detail: { amountMinor: 1200, currency: 'SGD', refundId: expect.stringMatching(/^rfnd_/) as unknown, refundedTotalMinor: 1200 },
      },
    ]);
    const refunded = detail.timeline.find((e) => e.kind === 'refund');
    expect(detail.audit[0]?.at).toBeGreaterThanOrEqual(refunded?.at ?? Infinity);
  });

  it("closes the day by Ali with Mei's approval: audited, and the Z report's figures per person are exact", async () => {
    const closed = await value<{ report: { number: number; operators: readonly OperatorTotals[] } }>(ali, 'closeDay', { approval: MEI_APPROVES });
    expect(closed.report.number).toBe(2);
    expect(closed.report.operators).toEqual([
      { operator: { id: 'ali', name: 'Ali' }, currency: 'SGD', paid: { count: 1, minor: 2000 }, refunded: { count: 1, minor: 1200 }, net: 800 },
      { operator: { id: 'mei', name: 'Mei' }, currency: 'SGD', paid: { count: 1, minor: 750 }, refunded: { count: 0, minor: 0 }, net: 750 },
      { operator: null, currency: 'SGD', paid: { count: 1, minor: 505 }, refunded: { count: 0, minor: 0 }, net: 505 },
    ]);
    expect(auditRows().filter((r) => r.action === 'close_day').at(-1)).toMatchObject({ operator_id: 'ali', approved_by_id: 'mei', detail: { report: 2 } });
    const { csv } = await value<{ csv: string }>(ali, 'exportDayReportCsv', { number: 2 });
    expect(csv.trimEnd().split('\r\n').slice(-3).map((line) => line.split(',').slice(4))).toEqual([
      ['', 'SGD', '1', '20.00', '1', '12.00', '8.00', '', '', '', 'Ali', '', '', '', '', '', '', ''],
      ['', 'SGD', '1', '7.50', '0', '0.00', '7.50', '', '', '', 'Mei', '', '', '', '', '', '', ''],
      ['', 'SGD', '1', '5.05', '0', '0.00', '5.05', '', '', '', 'Nobody signed in', '', '', '', '', '', '', ''],
    ]);
  });

  it('audits a staff change by the manager: who was renamed, promoted, given a new PIN or removed, and the rule', async () => {
    const kim = { id: 'kim', name: 'Kim', role: 'cashier' as const, pin: '9753' };
    // As the staff screen sends it: a PIN only for someone new or changed.
    const listed = [MEI, ALI].map(({ pin: _pin, ...member }) => member);
    await value(mei, 'saveStaff', { members: [...listed, kim], refundApproval: { mode: 'over', thresholdMinor: 1000 } });
    await value(mei, 'saveStaff', { members: [{ id: 'mei', name: 'Mei', role: 'manager' }, { id: 'ali', name: 'Ali Tan', role: 'manager', pin: '8642' }], refundApproval: { mode: 'all' } });
    expect(auditRows().filter((r) => r.action === 'staff').slice(-2)).toEqual([
      { action: 'staff', operator_id: 'mei', approved_by_id: 'mei', detail: { added: [{ id: 'kim', name: 'Kim', role: 'cashier' }], removed: [], changed: [], pinReplaced: [] } },
      {
        action: 'staff',
        operator_id: 'mei',
        approved_by_id: 'mei',
        detail: {
          added: [],
          removed: [{ id: 'kim', name: 'Kim', role: 'cashier' }],
          changed: [{ id: 'ali', name: 'Ali Tan', formerName: 'Ali', role: { from: 'cashier', to: 'manager' } }],
          pinReplaced: ['ali'],
          refundApproval: { from: { mode: 'over', thresholdMinor: 1000 }, to: { mode: 'all' } },
        },
      },
    ]);
    expect(everyAuditText('journal-demo.sqlite3')).not.toMatch(/9753|8642/);
  });

  it('audits a settings change by the sections it changed and the key it set, never the key', async () => {
    await value(mei, 'saveSettings', { merchant: { name: 'Kopi Corner' }, credentials: { opnSecretKey: OPN_KEY }, keyStorageConsent: true });
    // A key makes the terminal live: the new journal is the live one, and it starts with this change.
    const [change] = auditRows('journal.sqlite3');
    expect(change).toEqual({ action: 'settings', operator_id: 'mei', approved_by_id: 'mei', detail: { sections: ['merchant'], keys: { opn: 'set' } } });
    for (const file of ['journal.sqlite3', 'journal-demo.sqlite3']) expect(everyAuditText(file)).not.toContain(OPN_KEY.slice(10));
  });
});
