import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { PaymentEngine } from '../../app/engine/payment-engine';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import { formatMoney, type Money } from '../../app/money/money';
import type { Payment, PaymentStatus } from '../../app/payment/payment';
import { startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';
import { aPayment } from '../support/payment-fixture';

/**
 * The engine with the real Orangepill client, over HTTP, against the simulator answering only what the
 * doc shows: a deleted request cannot be read back, a list query on "data.order" finds nothing, and no
 * answer says how much arrived.
 */
let rig: OrangepillRig;
beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

const USD_20: Money = { minor: 2000, currency: 'USD' };
const LOCALE = 'en-SG';
const LIFETIME_MS = 600_000;

/** Real time. Nothing polls unless a test asks (the interval is an hour); a retried create waits its interval. */
const clock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

interface Rig {
  readonly engine: PaymentEngine;
  readonly store: PaymentStore;
  /** Resolves with the payment once a saved change gives it one of these statuses. */
  readonly until: (id: string, ...statuses: PaymentStatus[]) => Promise<Payment>;
}

const engines: PaymentEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function startEngine(store: PaymentStore = createMemoryStore(), intervalMs = 3_600_000): Rig {
  const waiters: { id: string; statuses: PaymentStatus[]; resolve: (p: Payment) => void }[] = [];
  let n = 0;
  const engine = new PaymentEngine({
    providers: new Map([['orangepill', rig.client]]),
    store,
    clock,
    policy: { intervalMs, expiryGraceMs: 10_000, backoffBaseMs: 1, backoffMaxMs: 2 },
    qrLifetimeMs: LIFETIME_MS,
    createSettleMs: 0,
    locale: LOCALE,
    merchantName: 'Pet shop Barney',
    newReference: () => `T20260102-030405-C${String(Date.now() % 100_000).padStart(5, '0')}${++n}`,
    random: () => 0.5,
    onChange: (payment) => {
      for (const w of waiters.filter((w) => w.id === payment.id && w.statuses.includes(payment.state.status))) w.resolve(payment);
    },
  });
  engines.push(engine);
  const until = (id: string, ...statuses: PaymentStatus[]) => {
    const now = engine.get(id);
    return now !== undefined && statuses.includes(now.state.status)
      ? Promise.resolve(now)
      : new Promise<Payment>((resolve) => waiters.push({ id, statuses, resolve }));
  };
  return { engine, store, until };
}

async function charged(engine: PaymentEngine): Promise<Payment & { providerRef: string }> {
  const result = await engine.charge({ amount: USD_20, method: 'orangepill', orderRef: null });
  if (!result.ok) throw new Error(result.error.message);
  const payment = result.value;
  if (payment.providerRef === null) throw new Error(`not created: ${JSON.stringify(payment.state)}`);
  return { ...payment, providerRef: payment.providerRef };
}

const deletes = (id: string) => rig.sent.filter((c) => c.request.method === 'DELETE' && c.url.endsWith(`/v1/apps/payment/${id}`));

describe('Cancel reads Orangepill first and never deletes a request that has money', () => {
  it('DONE just before Cancel: paid, never cancelled, and the request is not deleted', async () => {
    const { engine } = startEngine();
    const payment = await charged(engine);
    expect(rig.sim.simulate(payment.providerRef, 'paid').ok).toBe(true);
    const result = await engine.cancel(payment.id);
    expect(result.ok && result.value.state).toMatchObject({ status: 'paid' });
    expect(deletes(payment.providerRef)).toEqual([]);
    expect(rig.sim.isDeleted(payment.providerRef)).toBe(false);
  });

  it('INCOMPLETE then Cancel: stays partly paid, amount not reported, with the sentence; never "not paid"', async () => {
    const { engine } = startEngine();
    const payment = await charged(engine);
    expect(rig.sim.simulate(payment.providerRef, 'partial').ok).toBe(true);
    const result = await engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({
      status: 'partially_paid',
      received: null,
      leftOpen:
        "Part of USD 20.00 has already arrived (amount not reported by Orangepill): the request was not cancelled. Wait for the rest, or take the money back through Orangepill's console.",
      leftOpenSaid: { area: 'payment', kind: 'left_open', asked: { minor: 2000, currency: 'USD' }, received: null, provider: 'Orangepill' },
    });
    expect(deletes(payment.providerRef)).toEqual([]);
    expect(rig.sim.requests().find((r) => r.id === payment.providerRef)?.status).toBe('INCOMPLETE');
  });

  it('a request nobody had begun to pay: deleted, and cancelled, though Orangepill answers 404 afterwards', async () => {
    const { engine } = startEngine();
    const payment = await charged(engine);
    const result = await engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    expect(deletes(payment.providerRef)).toHaveLength(1);
    expect(rig.sim.isDeleted(payment.providerRef)).toBe(true);
  });

  it('a payer had begun (PROCESSING) and GET answers 404 after the DELETE: needs attention, with what was sent and what came back', async () => {
    const { engine } = startEngine();
    const payment = await charged(engine);
    expect(rig.sim.setStatus(payment.providerRef, 'PROCESSING').ok).toBe(true);
    const result = await engine.cancel(payment.id);
    if (!result.ok) throw new Error(result.error.message);
    const state = result.value.state;
    expect(state.status).toBe('needs_attention');
    if (state.status !== 'needs_attention') return;
    expect(state.reason).toContain(`request ${payment.providerRef} while it was PROCESSING`);
    expect(state.reason).toContain(`DELETE answered "${payment.providerRef}"`);
    expect(state.reason).toContain('then GET answered 404');
    expect(state.reason).toContain("check the request in Orangepill's console");
    // Asked again, it still will not say: the payment keeps needing attention, never "cancelled".
    const again = await engine.cancel(payment.id);
    expect(again.ok && again.value.state.status).toBe('needs_attention');
  });
});

describe('Orangepill statuses reach the payment from the status alone', () => {
  it('OVERPAID: paid, flagged overpaid, with no amount made up', async () => {
    const { engine, until } = startEngine();
    const payment = await charged(engine);
    rig.sim.simulate(payment.providerRef, 'overpaid');
    engine.pollNow(payment.id);
    const paid = await until(payment.id, 'paid', 'unknown', 'needs_attention');
    expect(paid.state).toEqual({ status: 'paid', paidAt: expect.any(Number), overpaid: true });
  });

  it('INCOMPLETE: partly paid, amount not reported (null), not "unknown status"', async () => {
    const { engine, until } = startEngine();
    const payment = await charged(engine);
    rig.sim.simulate(payment.providerRef, 'partial');
    engine.pollNow(payment.id);
    expect((await until(payment.id, 'partially_paid', 'unknown', 'needs_attention')).state).toEqual({ status: 'partially_paid', received: null });
  });
});

describe('An ambiguous create is settled by the idempotency key, not by the undocumented dotted query', () => {
  it('the answer to the create is lost, the lookup finds nothing: the same create finds the one request', async () => {
    // A retry waits at least the poll interval: a short one here, so the test need not wait a second.
    const { engine } = startEngine(createMemoryStore(), 20);
    const before = rig.sim.createCount();
    rig.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST' });
    const payment = await charged(engine);
    expect(rig.sim.createCount()).toBe(before + 1);
    expect(payment.providerRef).toBe(rig.sim.requests().find((r) => r.data?.order === payment.id)?.id);
    expect(payment.state).toEqual({ status: 'awaiting' });
  });

  it('a server that refuses the lookup altogether: still exactly one request, found by the same create', async () => {
    const { engine } = startEngine(createMemoryStore(), 20);
    const before = rig.sim.createCount();
    rig.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST' });
    rig.sim.faults.add({ fault: { kind: 'status', status: 400 }, method: 'GET', pathPrefix: '/v1/apps/payment' });
    const payment = await charged(engine);
    expect(rig.sim.createCount()).toBe(before + 1);
    expect(payment.providerRef).toBe(rig.sim.requests().find((r) => r.data?.order === payment.id)?.id);
    const posts = rig.sent.filter((c) => c.request.method === 'POST' && c.request.body?.includes(payment.id));
    expect(new Set(posts.map((c) => (c.request.headers as Record<string, string>)['idempotency-key']))).toEqual(new Set([`qrct-${payment.id}`]));
  });

  it('after a restart mid-create: the lookup finds nothing, the very same create finds the one request', async () => {
    const createdAt = Date.now() - 60_000;
    const reference = `T20260102-030405-R${String(createdAt % 100_000).padStart(5, '0')}`;
    // The earlier run sent exactly what the engine sends, and died before the answer came.
    rig.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST' });
    const lost = await rig.client.create({
      reference,
      amount: USD_20,
      description: `Pet shop Barney ${formatMoney(USD_20, LOCALE)}`,
      expiresAt: createdAt + LIFETIME_MS,
      payerAlias: null,
    });
    expect(lost.ok).toBe(false);
    const before = rig.sim.createCount();
    const store = createMemoryStore();
    store.save(aPayment({
      id: reference,
      amount: USD_20,
      method: 'orangepill',
      createdAt,
      updatedAt: createdAt,
      state: { status: 'creating' },
    }));
    const { engine, until } = startEngine(store);
    engine.resume();
    const resumed = await until(reference, 'awaiting', 'failed');
    expect(resumed.state).toEqual({ status: 'awaiting' });
    expect(resumed.providerRef).toBe(rig.sim.requests().find((r) => r.data?.order === reference)?.id);
    expect(rig.sim.createCount()).toBe(before);
  });
});
