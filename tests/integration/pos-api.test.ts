import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import type { Payment } from '../../app/payment/payment';
import { bodyOf, startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * The POS API end to end in one process: the real terminal service (demo simulators, a real SQLite
 * journal), its real listener on 127.0.0.1, and fetch as the till.
 */

let t: PosTerminal;
let till: string;
const SGD = (minor: number) => ({ minor, currency: 'SGD' });
const order = (n: number, more: Record<string, unknown> = {}) => ({ amount: SGD(1234), method: 'demo', reference: `ORDER-${String(n)}`, ...more });

const onCounter = async (): Promise<Payment | null> => {
  const snapshot = await t.service.dispatch('getSnapshot', {}, 'cashier');
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  return (snapshot.value as { payment: Payment | null }).payment;
};
const checkout = async (id: string, key = till): Promise<Checkout> => (await (await t.call('GET', `/v1/checkouts/${id}`, { key })).json()) as Checkout;

beforeAll(async () => {
  t = await startPosTerminal({ payment: { pollIntervalMs: 250 } });
  till = (await t.key('Till 2', ['charge'])).key;
});
afterAll(() => t.close());

describe('a checkout from the till', () => {
  it('becomes the sale on the counter with the till as its operator, shows its QR, and reads paid once the customer pays', async () => {
    const created = await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-paid', body: order(1, { description: 'Table 4' }) });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Checkout;
    expect(body).toMatchObject({ status: 'awaiting_customer', amount: SGD(1234), method: 'demo', reference: 'ORDER-1', description: 'Table 4', client: 'Till 2' });
    const sale = await onCounter();
    expect(sale?.id).toBe(body.provider.paymentId);
    expect(sale?.operator?.name).toBe('Till 2');
    expect(sale?.orderRef).toBe('ORDER-1');
    expect(body.qr?.payload).toBe(sale?.qr?.payload);
    expect(body.qr?.payload).toBeTruthy();

    await t.simulate(body.provider.paymentId ?? '', 'paid');
    await expect.poll(async () => (await checkout(body.id)).status).toBe('paid');
  });

  it('answers the same checkout to a retry with the same key and body, and 409 to the same key with another body', async () => {
    const first = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-retry', body: order(2) })).json()) as Checkout;
    const again = await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-retry', body: order(2) });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Checkout).id).toBe(first.id);

    const reused = await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-retry', body: order(2, { amount: SGD(999) }) });
    expect(reused.status).toBe(409);
    expect((await bodyOf(reused)).error).toMatchObject({ code: 'idempotency_key_reused', message: expect.stringMatching(/different request body/) as unknown });
    await t.simulate(first.provider.paymentId ?? '', 'paid');
    await expect.poll(async () => (await checkout(first.id)).status).toBe('paid');
  });

  it('cancels a checkout while the customer has not paid', async () => {
    const created = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-cancel', body: order(3) })).json()) as Checkout;
    const cancelled = await t.call('POST', `/v1/checkouts/${created.id}/cancel`, { key: till });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Checkout).status).toBe('cancelled');
    expect((await onCounter())?.state.status).toBe('cancelled');
    // Cancelling again is harmless and says the same.
    expect((await t.call('POST', `/v1/checkouts/${created.id}/cancel`, { key: till })).status).toBe(200);
  });

  it('answers 409 terminal_busy naming the open sale, or queues the request and starts it when the counter frees', async () => {
    const open = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-busy-1', body: order(4) })).json()) as Checkout;
    const refused = await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-busy-2', body: order(5) });
    expect(refused.status).toBe(409);
    expect((await bodyOf(refused)).error).toMatchObject({ code: 'terminal_busy', message: expect.stringMatching(/SGD.*12\.34.*requested by Till 2/) as unknown });

    const queued = await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-busy-3', body: order(6, { whenBusy: 'queue' }) });
    expect(queued.status).toBe(202);
    const waiting = (await queued.json()) as Checkout;
    expect(waiting).toMatchObject({ status: 'pending', queuePosition: 1 });
    expect((await onCounter())?.id).toBe(open.provider.paymentId);

    await t.call('POST', `/v1/checkouts/${open.id}/cancel`, { key: till });
    await expect.poll(async () => (await checkout(waiting.id)).status).toBe('awaiting_customer');
    const started = await checkout(waiting.id);
    expect(started.queuePosition).toBeNull();
    expect((await onCounter())?.id).toBe(started.provider.paymentId);
    await t.call('POST', `/v1/checkouts/${waiting.id}/cancel`, { key: till });
  });

  it('withdraws a queued request the till cancels before its turn: it never reaches the counter', async () => {
    const open = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-w-1', body: order(7) })).json()) as Checkout;
    const waiting = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-w-2', body: order(8, { whenBusy: 'queue' }) })).json()) as Checkout;
    const withdrawn = await t.call('POST', `/v1/checkouts/${waiting.id}/cancel`, { key: till });
    expect(((await withdrawn.json()) as Checkout).status).toBe('cancelled');
    await t.call('POST', `/v1/checkouts/${open.id}/cancel`, { key: till });
    expect((await onCounter())?.id).toBe(open.provider.paymentId);
    expect((await checkout(waiting.id)).provider.paymentId).toBeNull();
  });

  it('reports an Orangepill request that was partly paid honestly: a cancel is refused with money_received, never cancelled', async () => {
    const created = (await (await t.call('POST', '/v1/checkouts', { key: till, idem: 'k-part', body: { amount: SGD(2000), method: 'orangepill', reference: 'ORDER-9' } })).json()) as Checkout;
    expect(created.status).toBe('awaiting_customer');
    await t.simulate(created.provider.paymentId ?? '', 'partial');
    await expect.poll(async () => (await checkout(created.id)).status).toBe('partly_paid');
    const cancel = await t.call('POST', `/v1/checkouts/${created.id}/cancel`, { key: till });
    expect(cancel.status).toBe(409);
    expect((await bodyOf(cancel)).error).toMatchObject({ code: 'money_received', message: expect.stringMatching(/not cancelled/) as unknown });
    expect((await checkout(created.id)).status).toBe('partly_paid');

    // The cashier ends it on the counter with the money to give back: still not "cancelled" to the till.
    const counter = await t.service.dispatch('cancel', { paymentId: created.provider.paymentId, moneyReceived: 'to_return' }, 'cashier');
    expect(counter.ok).toBe(true);
    const after = await checkout(created.id);
    expect(after.status).toBe('needs_attention');
    expect(after.attention).toMatch(/given back/);
  });
});

describe('keys and what they may see', () => {
  it('refuses a revoked key with 401, at once', async () => {
    const made = await t.key('Till 9', ['charge']);
    expect((await t.call('GET', '/v1/checkouts', { key: made.key })).status).toBe(200);
    expect((await t.service.dispatch('revokePosClient', { clientId: made.clientId }, 'cashier')).ok).toBe(true);
    const refused = await t.call('GET', '/v1/checkouts', { key: made.key });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await bodyOf(refused)).error?.code).toBe('unauthorized');

    // Both acts are in the journal's audit, naming the till; never the key.
    const db = new Database(t.service.journalPath ?? '', { readonly: true });
    const rows = db.prepare("SELECT action, detail_json FROM audit WHERE action LIKE 'pos_key%' AND detail_json LIKE '%Till 9%' ORDER BY seq").all() as { action: string; detail_json: string }[];
    db.close();
    expect(rows.map((r) => r.action)).toEqual(['pos_key_made', 'pos_key_revoked']);
    expect(JSON.parse(rows[0]?.detail_json ?? '{}')).toEqual({ id: made.clientId, name: 'Till 9', scopes: ['charge'] });
    for (const row of rows) expect(row.detail_json).not.toContain(made.key);
  });

  it("lists only a till's own checkouts, newest first, page by page; a read-scoped key sees every till's", async () => {
    const other = await t.key('Till 3', ['charge']);
    const office = await t.key('Back office', ['read']);
    const mine = (await (await t.call('GET', '/v1/checkouts?limit=100', { key: till })).json()) as { checkouts: Checkout[] };
    expect(mine.checkouts.length).toBeGreaterThan(3);
    expect(new Set(mine.checkouts.map((c) => c.client))).toEqual(new Set(['Till 2']));
    const theirs = (await (await t.call('GET', '/v1/checkouts', { key: other.key })).json()) as { checkouts: Checkout[] };
    expect(theirs.checkouts).toEqual([]);
    expect((await t.call('GET', `/v1/checkouts/${mine.checkouts[0]?.id ?? ''}`, { key: other.key })).status).toBe(404);
    const all = (await (await t.call('GET', '/v1/checkouts?limit=100', { key: office.key })).json()) as { checkouts: Checkout[] };
    expect(all.checkouts.map((c) => c.id)).toEqual(mine.checkouts.map((c) => c.id));

    const first = (await (await t.call('GET', '/v1/checkouts?limit=2', { key: till })).json()) as { checkouts: Checkout[]; nextCursor: string };
    const second = (await (await t.call('GET', `/v1/checkouts?limit=2&cursor=${first.nextCursor}`, { key: till })).json()) as { checkouts: Checkout[] };
    expect([...first.checkouts, ...second.checkouts].map((c) => c.id)).toEqual(mine.checkouts.slice(0, 4).map((c) => c.id));
    const cancelled = (await (await t.call('GET', '/v1/checkouts?status=cancelled&limit=100', { key: till })).json()) as { checkouts: Checkout[] };
    expect(cancelled.checkouts.length).toBeGreaterThan(0);
    expect(cancelled.checkouts.every((c) => c.status === 'cancelled')).toBe(true);
  });

  it('refuses a refund without the refund scope, and one the shop has not allowed', async () => {
    const paid = (await (await t.call('GET', '/v1/checkouts?status=paid', { key: till })).json()) as { checkouts: Checkout[] };
    const id = paid.checkouts[0]?.id ?? '';
    const noScope = await t.call('POST', `/v1/checkouts/${id}/refunds`, { key: till, idem: 'r-1', body: { amount: SGD(100), reason: 'wrong item' } });
    expect(noScope.status).toBe(403);
    expect((await bodyOf(noScope)).error?.code).toBe('scope_missing');
    const refunder = await t.key('Refunds till', ['charge', 'refund', 'read']);
    const notAllowed = await t.call('POST', `/v1/checkouts/${id}/refunds`, { key: refunder.key, idem: 'r-2', body: { amount: SGD(100), reason: 'wrong item' } });
    expect(notAllowed.status).toBe(403);
    expect((await bodyOf(notAllowed)).error?.code).toBe('approval_required');
  });
});

describe('refunds the shop allows', () => {
  let shop: PosTerminal;
  beforeAll(async () => {
    shop = await startPosTerminal({ posApi: { allowRefunds: true } });
  });
  afterAll(() => shop.close());

  it('refunds part of a paid checkout once, even when the till retries with the same key', async () => {
    const { key } = await shop.key('Till 1', ['charge', 'refund']);
    // Atome (on the Opn simulator) takes refunds; the demo provider does not.
    const created = (await (await shop.call('POST', '/v1/checkouts', { key, idem: 'c-1', body: order(1, { method: 'atome' }) })).json()) as Checkout;
    await shop.simulate(created.provider.paymentId ?? '', 'paid');
    await expect.poll(async () => ((await (await shop.call('GET', `/v1/checkouts/${created.id}`, { key })).json()) as Checkout).status).toBe('paid');
    const refund = () => shop.call('POST', `/v1/checkouts/${created.id}/refunds`, { key, idem: 'r-1', body: { amount: SGD(200), reason: 'one item returned' } });
    const [a, b] = await Promise.all([refund(), refund()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());
    const after = (await (await refund()).json()) as Checkout;
    expect(after.refunded).toEqual(SGD(200));
    expect(after.status).toBe('paid');
  });
});
