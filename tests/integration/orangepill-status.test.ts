import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../app/providers/provider';
import { sale, startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';

let rig: OrangepillRig;
beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

/** A fresh USD 100.23 request at the simulator; its id. */
async function open(): Promise<string> {
  const created = await rig.client.create(sale({ minor: 10023, currency: 'USD' }));
  if (!created.ok) throw new Error(created.error.message);
  return created.value.providerRef;
}

/** The status alone; the trail that comes with it is checked on its own below. */
describe('Orangepill status carries the amount it is for', () => {
  it('as minor units of the asset, from the exact decimal', async () => {
    const id = await open();
    const result = await rig.client.status(id);
    expect(result.ok && result.value.requested).toEqual({ minor: 10023, currency: 'USD' });
  });
});

async function statusOf(id: string): Promise<ProviderStatus> {
  const result = await rig.client.status(id);
  if (!result.ok) throw new Error(result.error.message);
  const { trail, requested, ...status } = result.value;
  return status;
}

const logged = (id: string) => rig.sim.requests().find((r) => r.id === id)?.log ?? [];

describe('Orangepill statuses, mapped exhaustively', () => {
  it.each<[string, string | null, ProviderStatus | 'paid' | 'late' | 'overpaid']>([
    ['CREATED', null, { kind: 'pending' }],
    ['PENDING', null, { kind: 'pending' }],
    ['PROCESSING', null, { kind: 'pending' }],
    ['ACCEPTED', null, { kind: 'pending' }],
    ['DONE', null, 'paid'],
    ['COMPLETED', null, 'paid'],
    ['LATE', null, 'late'],
    // The doc reports no amounts: each maps from the status alone, without a made-up "received".
    ['OVERPAID', null, 'overpaid'],
    ['INCOMPLETE', null, { kind: 'partially_paid', received: null }],
    ['CANCELLED', null, { kind: 'failed', failure: { code: 'CANCELLED', message: 'Orangepill cancelled the payment request.' } }],
    ['FAILED', 'Insufficient balance', { kind: 'failed', failure: { code: 'FAILED', message: 'The Orangepill payment failed: Insufficient balance' } }],
    ['ERROR', null, { kind: 'failed', failure: { code: 'ERROR', message: 'Orangepill reported an error with the payment.' } }],
    ['REFUND', null, { kind: 'refunded', full: false, refundedMinor: null }],
    ['REFUNDED', null, { kind: 'refunded', full: true, refundedMinor: null }],
    ['SETTLING', null, { kind: 'unknown', raw: 'SETTLING' }],
    ['done', null, { kind: 'unknown', raw: 'done' }],
  ])('%s (error %s)', async (raw, error, expected) => {
    const id = await open();
    expect(rig.sim.setStatus(id, raw, error).ok).toBe(true);
    const status = await statusOf(id);
    const at = logged(id).at(-1)?.created_at;
    if (expected === 'paid') expect(status).toEqual({ kind: 'paid', paidAt: at });
    else if (expected === 'late') expect(status).toEqual({ kind: 'paid', paidAt: at, late: true });
    else if (expected === 'overpaid') expect(status).toEqual({ kind: 'paid', paidAt: at, overpaid: true });
    else expect(status).toMatchObject(expected);
  });
});

describe('Orangepill simulator outcomes through the real client', () => {
  it('partial, then paid: INCOMPLETE (amount not reported), then DONE; related and log keep the history', async () => {
    const id = await open();
    expect(rig.sim.simulate(id, 'partial').ok).toBe(true);
    expect(await statusOf(id)).toEqual({ kind: 'partially_paid', received: null });
    expect(rig.sim.simulate(id, 'paid').ok).toBe(true);
    const details = await rig.client.details(id);
    if (!details.ok) throw new Error(details.error.message);
    expect(details.value.rawStatus).toBe('DONE');
    expect(details.value.log.map((e) => e.status)).toEqual(['CREATED', 'INCOMPLETE', 'DONE']);
    // As the doc shows related entries: references to transactions, no amounts.
    expect(details.value.related).toEqual([
      { type: 'transaction', value: expect.stringMatching(/^[0-9a-f]{24}$/), created_at: expect.any(Number) },
      { type: 'transaction', value: expect.stringMatching(/^[0-9a-f]{24}$/), created_at: expect.any(Number) },
    ]);
    expect(details.value.status).toEqual({ kind: 'paid', paidAt: details.value.log.at(-1)?.created_at, requested: { minor: 10023, currency: 'USD' } });
  });

  it('overpaid: paid, flagged overpaid, with no amount the doc does not report', async () => {
    const id = await open();
    rig.sim.simulate(id, 'overpaid');
    const status = await statusOf(id);
    expect(status).toEqual({ kind: 'paid', paidAt: expect.any(Number), overpaid: true });
  });

  it('late: paid, flagged late', async () => {
    const id = await open();
    rig.sim.simulate(id, 'late');
    expect(await statusOf(id)).toMatchObject({ kind: 'paid', late: true });
  });

  it('failed, error and expired: failed, with Orangepill\u2019s reason', async () => {
    const [a, b, c] = [await open(), await open(), await open()];
    rig.sim.simulate(a, 'failed');
    rig.sim.simulate(b, 'error');
    rig.sim.simulate(c, 'expired');
    expect(await statusOf(a)).toMatchObject({ kind: 'failed', failure: { code: 'FAILED', message: 'The Orangepill payment failed: The payer\u2019s wallet declined the payment' } });
    expect(await statusOf(b)).toMatchObject({ kind: 'failed', failure: { code: 'ERROR', message: 'Orangepill reported an error with the payment: Orangepill could not process the payment' } });
    expect(await statusOf(c)).toMatchObject({
      kind: 'failed',
      failure: { code: 'CANCELLED', message: 'Orangepill cancelled the payment request: The payment request expired before it was paid' },
    });
  });

  it('refund from the console: REFUND, then REFUNDED', async () => {
    const id = await open();
    expect(rig.sim.refund(id).ok).toBe(false);
    rig.sim.simulate(id, 'paid');
    expect(rig.sim.refund(id).ok).toBe(true);
    expect(await statusOf(id)).toEqual({ kind: 'refunded', full: false, refundedMinor: null });
    expect(rig.sim.refund(id).ok).toBe(true);
    expect(await statusOf(id)).toEqual({ kind: 'refunded', full: true, refundedMinor: null });
    expect(logged(id).map((e) => e.status)).toEqual(['CREATED', 'DONE', 'REFUND', 'REFUNDED']);
  });

  it('refuses outcomes that make no sense for the request', async () => {
    const id = await open();
    rig.sim.simulate(id, 'paid');
    expect(rig.sim.simulate(id, 'failed')).toEqual({ ok: false, error: `Payment request ${id} is DONE: it cannot be marked failed` });
    expect(rig.sim.simulate('nope', 'paid').ok).toBe(false);
    expect(rig.sim.simulate(id, 'failed', 'insufficient_funds').ok).toBe(false);
  });
});

describe('Orangepill cancel (DELETE)', () => {
  it('cancels an open request: deleted at Orangepill, and "cancelled" (not failed) here, though it reads back 404', async () => {
    const id = await open();
    expect(await rig.client.cancel(id)).toMatchObject({ ok: true, value: { kind: 'cancelled' } });
    const del = rig.sent.filter((c) => c.request.method === 'DELETE').at(-1);
    expect(del?.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment/${id}`);
    expect(rig.sim.isDeleted(id)).toBe(true);
    const read = await fetch(`${rig.sim.baseUrl}/v1/apps/payment/${id}`, { headers: { 'x-api-key': rig.sim.apiKey } });
    expect(read.status).toBe(404);
    expect(await statusOf(id)).toEqual({ kind: 'cancelled' });
  });

  it('answers with the id as a JSON string, as the doc shows', async () => {
    const id = await open();
    const answer = await fetch(`${rig.sim.baseUrl}/v1/apps/payment/${id}`, { method: 'DELETE', headers: { 'x-api-key': rig.sim.apiKey } });
    expect(await answer.text()).toBe(JSON.stringify(id));
  });

  it('a request paid before the cancel stays paid, and is never deleted: the status is read first', async () => {
    const id = await open();
    rig.sim.simulate(id, 'paid');
    const deletesBefore = rig.sent.filter((c) => c.request.method === 'DELETE').length;
    const result = await rig.client.cancel(id);
    expect(result.ok && result.value).toMatchObject({ kind: 'paid' });
    expect(rig.sent.filter((c) => c.request.method === 'DELETE')).toHaveLength(deletesBefore);
    expect(logged(id).map((e) => e.status)).toEqual(['CREATED', 'DONE']);
  });
});

describe('the provider trail that comes with each status', () => {
  it('carries Orangepill\u2019s log and related transactions, as the simulator holds them', async () => {
    const id = await open();
    rig.sim.simulate(id, 'partial');
    rig.sim.simulate(id, 'paid');
    const result = await rig.client.status(id);
    if (!result.ok) throw new Error(result.error.message);
    const held = rig.sim.requests().find((r) => r.id === id);
    expect(result.value.trail?.log).toEqual((held?.log ?? []).map((e) => ({ status: e.status, at: e.created_at ?? null })));
    expect(result.value.trail?.log.map((e) => e.status)).toEqual(['CREATED', 'INCOMPLETE', 'DONE']);
    expect(result.value.trail?.related.filter((r) => r.type === 'transaction')).toHaveLength(2);
  });
});
