import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkedSales } from '../../app/engine/parking-desk';
import type { Snapshot } from '../../app/ipc/contract';
import type { Payment } from '../../app/payment/payment';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { ALI, MEI, run, terminalClients, valueOf } from '../support/terminal-clients';
import type { TestClient } from '../support/ws-client';

/*
 * Parked sales over the WebSocket, against the real service, journal and demo simulator: the provider
 * stops answering mid-sale, the cashier parks the sale, sells the next one, and the parked sale is
 * followed until it ends by itself or a manager closes it, saying why. Each act is in the audit.
 */


let terminal: InProcessTerminal;
const screens = terminalClients(() => terminal);
const client = screens.client;

const value = valueOf;
const onCounter = async (c: TestClient): Promise<Payment | null> => value<Snapshot>(await run(c, 'getSnapshot')).payment;
const parkedEvents = (c: TestClient): ParkedSales[] =>
  c.messages.flatMap((m) => (m.type === 'event' && m.event === 'parked' ? [m.payload] : []));

const demo = (): DemoSimulator => terminal.service.simulators.get('demo') as DemoSimulator;

/** Who did what to a sale, as the journal's audit holds it. */
function auditOf(paymentId: string): { action: string; operator_name: string | null; approved_by_name: string | null; detail: Record<string, unknown> }[] {
  const db = new Database(join(terminal.dataDir, 'journal-demo.sqlite3'), { readonly: true });
  try {
    const rows = db.prepare('SELECT action, operator_name, approved_by_name, detail_json FROM audit WHERE payment_id = ? ORDER BY seq').all(paymentId) as {
      action: string;
      operator_name: string | null;
      approved_by_name: string | null;
      detail_json: string;
    }[];
    return rows.map(({ detail_json, ...row }) => ({ ...row, detail: JSON.parse(detail_json) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/** A demo sale whose provider stops answering once its QR is up: the cashier sees the notice. */
async function saleLostInAnOutage(c: TestClient, minor: number): Promise<{ payment: Payment; end: () => void }> {
  const payment = value<Payment>(await run(c, 'charge', { amount: { minor, currency: 'SGD' }, method: 'demo' }));
  const outage = demo().faults.startOutage({ fault: { kind: 'reset' } });
  await expect.poll(async () => (await onCounter(c))?.notice, { timeout: 10_000 }).toMatch(/^No connection to the demo provider/);
  return { payment, end: () => outage.end() };
}

beforeAll(async () => {
  terminal = await startInProcessTerminal({ payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 } });
});

afterAll(async () => {
  screens.closeAll();
  await terminal.close();
});

describe('parked sales over the WebSocket', () => {
  it('parks a sale the provider cannot be asked about, sells the next, and announces the parked one once it turns out paid', async () => {
    const c = await client();
    const d = await client('display');
    const { payment, end } = await saleLostInAnOutage(c, 1200);
    // Cancel cannot reach the provider either: the sale stays open, and the cashier is told why.
    expect(await run(c, 'cancel', { paymentId: payment.id })).toMatchObject({ ok: true });
    await expect.poll(async () => (await onCounter(c))?.notice).toMatch(/^Could not cancel yet: No connection to the demo provider/);
    // Meanwhile the customer paid: only the provider knows.
    expect(demo().settle(payment.providerRef ?? '', 'paid')?.status).toBe('paid');

    const parked = value<Payment>(await run(c, 'park', { paymentId: payment.id }));
    expect(parked).toMatchObject({ id: payment.id, parkedAt: expect.any(Number) as unknown, state: { status: 'awaiting' } });
    expect(await onCounter(c)).toBeNull();
    expect(value<ParkedSales>(await run(c, 'listParked')).open.map((p) => p.id)).toEqual([payment.id]);
    expect(parkedEvents(c).at(-1)?.open.map((p) => p.id)).toEqual([payment.id]);
    expect(await run(d, 'listParked')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await run(c, 'park', { paymentId: payment.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('already parked') as unknown } });
    expect(auditOf(payment.id)).toEqual([
      { action: 'park', operator_name: null, approved_by_name: null, detail: expect.objectContaining({ amountMinor: 1200, currency: 'SGD', status: 'awaiting' }) as unknown },
    ]);

    // The counter is free: the next sale, with another provider, is taken and paid.
    const next = value<Payment>(await run(c, 'charge', { amount: { minor: 800, currency: 'SGD' }, method: 'atome' }));
    expect(await run(c, 'demoSimulate', { paymentId: next.id, outcome: 'paid' })).toMatchObject({ ok: true });
    await expect.poll(async () => (await onCounter(c))?.state.status, { timeout: 10_000 }).toBe('paid');
    expect(await run(c, 'dismiss', { paymentId: next.id })).toMatchObject({ ok: true });

    // Asked now while the provider is still down: the answer is the notice, and nothing is decided.
    expect(value<Payment>(await run(c, 'checkNow', { paymentId: payment.id }))).toMatchObject({ state: { status: 'awaiting' }, notice: expect.stringMatching(/^No connection/) as unknown });

    end();
    await expect.poll(async () => value<ParkedSales>(await run(c, 'listParked')).settled.map((p) => [p.id, p.state.status]), { timeout: 10_000 }).toEqual([
      [payment.id, 'paid'],
    ]);
    expect(value<ParkedSales>(await run(c, 'listParked')).open).toEqual([]);
    expect(parkedEvents(c).at(-1)?.settled.map((p) => p.id)).toEqual([payment.id]);
    // The news never takes the counter: the cashier is between sales. Its receipt prints all the same.
    expect(await onCounter(c)).toBeNull();
    const receipts = () => terminal.service.virtualPrinter?.receipts().filter((r) => r.lines.some((l) => l.includes(payment.id)) && r.lines.some((l) => l.includes('PAID'))) ?? [];
    await expect.poll(() => receipts().length, { timeout: 10_000 }).toBe(1);
    expect(d.messages.some((m) => m.type === 'event' && m.event === 'parked')).toBe(false);
    expect(await run(c, 'acknowledgeParked', { paymentId: payment.id })).toEqual({ ok: true, value: null });
    expect(value<ParkedSales>(await run(c, 'listParked'))).toEqual({ open: [], settled: [] });
  });

  it('with staff listed, only a manager resolves a parked sale as not paid, and must say why', async () => {
    const c = await client();
    expect(await run(c, 'saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'all' } })).toMatchObject({ ok: true });
    expect(await run(c, 'signIn', { staffId: 'ali', pin: ALI.pin })).toMatchObject({ ok: true });
    const { payment, end } = await saleLostInAnOutage(c, 4500);
    try {
      expect(await run(c, 'park', { paymentId: payment.id })).toMatchObject({ ok: true });
      const reason = { paymentId: payment.id, reason: 'Not in the demo console at 14:20' };
      expect(await run(c, 'resolveParked', reason)).toMatchObject({
        ok: false,
        error: { code: 'approval_required', message: "A manager's PIN is needed to mark a parked sale resolved as not paid" },
      });
      expect(await run(c, 'resolveParked', { paymentId: payment.id, reason: ' ', approval: { staffId: 'mei', pin: MEI.pin } })).toMatchObject({
        ok: false,
        error: { code: 'invalid_args', message: expect.stringContaining('resolveParked: reason must say why') as unknown },
      });
      const resolved = value<Payment>(await run(c, 'resolveParked', { ...reason, approval: { staffId: 'mei', pin: MEI.pin } }));
      expect(resolved.state).toEqual({
        status: 'failed',
        failure: {
          code: 'resolved_by_manager',
          message: 'Marked not paid by Mei, after checking with the provider: Not in the demo console at 14:20',
          said: { area: 'payment', kind: 'marked_not_paid', by: 'Mei', reason: 'Not in the demo console at 14:20' },
        },
      });
      expect(value<ParkedSales>(await run(c, 'listParked'))).toEqual({ open: [], settled: [] });
      expect(auditOf(payment.id).map((a) => [a.action, a.operator_name, a.approved_by_name, a.detail['reason'] ?? null])).toEqual([
        ['park', 'Ali', null, null],
        ['resolve', 'Ali', 'Mei', 'Not in the demo console at 14:20'],
      ]);
    } finally {
      end();
    }
  });
});
