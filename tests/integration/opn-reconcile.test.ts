import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/engine/clock';
import { PaymentEngine } from '../../app/engine/payment-engine';
import { createMemoryStore } from '../../app/engine/payment-store';
import type { MethodId } from '../../app/payment/method';
import type { Payment } from '../../app/payment/payment';
import type { PaymentProvider } from '../../app/providers/provider';
import { assertNoSecret, failure, messages, rawPost, saleRequest, useOpnRig, value, type OpnRig } from '../support/opn-rig';

const rig = useOpnRig();
const HOUR = 60 * 60 * 1000;

const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

const creates = (r: OpnRig) => r.sim.requests().filter((x) => x.method === 'POST' && x.path === '/charges');

describe('reconciling an ambiguous create through the client', () => {
  it('a create whose answer was lost is found by our reference, and no second charge is made', async () => {
    const r = rig();
    r.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST', pathPrefix: '/charges' });
    const req = saleRequest(r.sim.now());
    expect(failure(await r.client.create(req))).toMatchObject({ kind: 'network', ambiguous: true });
    expect(r.sim.faults.injected.commit_then_drop).toBe(1);

    const found = value(await r.client.findByReference(req.reference));
    const charge = r.sim.charges()[0]!;
    expect(found).toEqual({ providerRef: charge.id, qr: { payload: r.sim.qrPayload(charge.id) }, expiresAt: Date.parse(charge.expires_at) });
    expect(r.sim.charges()).toHaveLength(1);
    expect(creates(r)).toHaveLength(1);
    const lookup = r.sim.requests().find((x) => x.method === 'GET' && x.path === '/charges');
    expect(lookup?.query).toMatchObject({ order: 'reverse_chronological', limit: '100', offset: '0' });
    // It looks back one day from now: no less (the charge may be that old), and not much more.
    const lookback = r.sim.now() - Date.parse(lookup!.query['from']!);
    expect(lookback).toBeGreaterThanOrEqual(24 * HOUR);
    expect(lookback).toBeLessThan(25 * HOUR);
  });

  it('a reference Opn never saw is not found', async () => {
    const r = rig();
    value(await r.client.create(saleRequest(r.sim.now())));
    expect(value(await r.client.findByReference('T-never-sent'))).toBeNull();
  });

  it('pages through recent charges to find it', async () => {
    const r = rig();
    r.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST', pathPrefix: '/charges' });
    const req = saleRequest(r.sim.now());
    failure(await r.client.create(req));
    // 120 newer charges push ours onto the second page of a newest-first list.
    for (let i = 0; i < 120; i++) {
      const response = await rawPost(r.sim, '/charges', { amount: '500', currency: 'SGD', 'source[type]': 'atome_qr', 'metadata[terminal_reference]': `other-${i}` });
      expect(response.status).toBe(200);
    }
    const found = value(await r.client.findByReference(req.reference));
    expect(found?.providerRef).toBe(r.sim.charges()[0]!.id);
    const offsets = r.sim.requests().filter((x) => x.method === 'GET' && x.path === '/charges').map((x) => x.query['offset']);
    expect(offsets).toEqual(['0', '100']);
  });

  it('looks back one day, not for ever', async () => {
    const r = rig();
    r.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST', pathPrefix: '/charges' });
    const req = saleRequest(r.sim.now(), 1234, 'SGD', 12 * HOUR);
    failure(await r.client.create(req));
    r.sim.advanceTime(25 * HOUR);
    expect(value(await r.client.findByReference(req.reference))).toBeNull();
  });
});

describe('the payment engine on the Opn client and simulator', () => {
  let engine: PaymentEngine | null = null;
  afterEach(() => engine?.stop());

  /** An engine on a real clock, and a way to wait for a payment to reach a state (no sleeps). */
  function engineFor(provider: PaymentProvider) {
    const waiters: { test: (p: Payment) => boolean; resolve: (p: Payment) => void }[] = [];
    const store = createMemoryStore();
    engine = new PaymentEngine({
      providers: new Map<MethodId, PaymentProvider>([['atome', provider]]),
      store,
      clock: realClock,
      policy: { intervalMs: 50, expiryGraceMs: 10_000, backoffBaseMs: 20, backoffMaxMs: 100 },
      qrLifetimeMs: 600_000,
      locale: 'en-SG',
      merchantName: 'Test Shop',
      newReference: () => `T-${randomUUID()}`,
      random: () => 0.5,
      onChange: (payment) => {
        for (const w of waiters.filter((x) => x.test(payment))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(payment);
        }
      },
    });
    const until = (id: string, status: Payment['state']['status']): Promise<Payment> => {
      const now = store.get(id);
      if (now?.state.status === status) return Promise.resolve(now);
      return new Promise((resolve) => waiters.push({ test: (p) => p.id === id && p.state.status === status, resolve }));
    };
    return { engine, until };
  }

  const charge = async (e: PaymentEngine, minor = 1234): Promise<Payment> => {
    const result = await e.charge({ amount: { minor, currency: 'SGD' }, method: 'atome', orderRef: null });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('a lost create answer: reconciled to the one charge, never created twice', async () => {
    const r = rig();
    const { engine: e, until } = engineFor(r.client);
    r.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST', pathPrefix: '/charges' });
    const payment = await charge(e);

    expect(payment.state.status).toBe('awaiting');
    expect(r.sim.charges()).toHaveLength(1);
    expect(creates(r)).toHaveLength(1);
    const only = r.sim.charges()[0]!;
    expect(only.metadata).toEqual({ terminal_reference: payment.id });
    expect(payment.providerRef).toBe(only.id);
    expect(payment.qr).toEqual({ payload: r.sim.qrPayload(only.id) });

    expect(r.sim.simulate(only.id, 'paid')).toEqual({ ok: true, value: undefined });
    const paid = await until(payment.id, 'paid');
    expect(paid.state).toEqual({ status: 'paid', paidAt: Date.parse(r.sim.charges()[0]!.paid_at!), refundable: true });
    expect(r.sim.charges()).toHaveLength(1);
  });

  it('a create that never arrived: looked up, not found, retried once, one charge', async () => {
    const r = rig();
    const { engine: e } = engineFor(r.client);
    r.sim.faults.add({ fault: { kind: 'reset' }, method: 'POST', pathPrefix: '/charges' });
    const payment = await charge(e);

    expect(payment.state.status).toBe('awaiting');
    expect(creates(r)).toHaveLength(2);
    expect(r.sim.requests().filter((x) => x.method === 'GET' && x.path === '/charges')).toHaveLength(1);
    expect(r.sim.charges()).toHaveLength(1);
    expect(r.sim.charges()[0]!.metadata).toEqual({ terminal_reference: payment.id });
  });

  it('a QR download that failed once: the charge is found again with its QR, still one charge', async () => {
    const r = rig();
    const { engine: e } = engineFor(r.client);
    r.sim.faults.add({ fault: { kind: 'reset' }, method: 'GET', pathPrefix: '/charges/' });
    const payment = await charge(e);
    expect(payment.state.status).toBe('awaiting');
    expect(r.sim.charges()).toHaveLength(1);
    expect(payment.qr).toEqual({ payload: r.sim.qrPayload(r.sim.charges()[0]!.id) });
  });

  it('paid, refunded in part, then in full', async () => {
    const r = rig();
    const { engine: e, until } = engineFor(r.client);
    const payment = await charge(e, 2000);
    r.sim.simulate(payment.providerRef!, 'paid');
    await until(payment.id, 'paid');

    const part = await e.refund(payment.id, { minor: 500, currency: 'SGD' });
    expect(part.ok && part.value).toMatchObject({ refundedMinor: 500, state: { status: 'paid' } });
    const rest = await e.refund(payment.id, { minor: 1500, currency: 'SGD' });
    expect(rest.ok && rest.value).toMatchObject({ refundedMinor: 2000, state: { status: 'refunded' } });
    expect(r.sim.charges()[0]!.refunded_amount).toBe(2000);
  });

  it('cancelled by the cashier: the charge is expired at Opn', async () => {
    const r = rig();
    const { engine: e } = engineFor(r.client);
    const payment = await charge(e);
    const cancelled = await e.cancel(payment.id);
    // How the engine labels a cancel answered with "expired" is the engine's business (its own tests).
    expect(['cancelled', 'expired']).toContain(cancelled.ok && cancelled.value.state.status);
    expect(r.sim.charges()[0]!.status).toBe('expired');
  });

  it('refuses an amount outside Atome\u2019s limits before anything is sent', async () => {
    const r = rig();
    const { engine: e } = engineFor(r.client);
    const result = await e.charge({ amount: { minor: 100, currency: 'SGD' }, method: 'atome', orderRef: null });
    const said = { area: 'sale', kind: 'amount_below_minimum', method: 'atome', minimum: { minor: 150, currency: 'SGD' } };
    expect(result).toEqual({ ok: false, error: { code: 'amount_rejected', message: 'Atome needs at least SGD 1.50', said } });
    expect(r.sim.requests()).toHaveLength(0);
  });
});

describe('secret hygiene', () => {
  it('no message produced in this file contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(3);
    assertNoSecret();
  });
});
