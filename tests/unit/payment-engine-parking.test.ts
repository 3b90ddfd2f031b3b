import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../app/engine/payment-store';
import { nextPollDelay } from '../../app/engine/poll-policy';
import type { Payment } from '../../app/payment/payment';
import { transition } from '../../app/payment/transition';
import type { ProviderStatus } from '../../app/providers/provider';
import { err, ok } from '../../app/util/result';
import { T0, POLICY, chargeOk, harness, networkError, settle, storedPayment } from '../support/engine-harness';

/*
 * Parking: a sale whose outcome cannot be learned (the provider down, the QR run out) is set aside, so
 * the counter takes the next sale at once, while the parked one is still asked about with backoff.
 */

const SGD_500 = { amount: { minor: 500, currency: 'SGD' as const }, method: 'demo' as const, orderRef: null };

/** A sale on the counter whose provider no longer answers: its notice says so, and the QR is still up. */
async function unreachableSale(h: ReturnType<typeof harness>): Promise<Payment> {
  h.provider.onStatus = () => err(networkError);
  const payment = await chargeOk(h.engine);
  await h.clock.advance(POLICY.intervalMs);
  expect(h.engine.get(payment.id)?.notice).toBe(networkError.message);
  return payment;
}

describe('PaymentEngine: parking a sale whose outcome cannot be learned', () => {
  it('park frees the counter at once and keeps the sale open, marked with when it was parked', async () => {
    const h = harness();
    const payment = await unreachableSale(h);
    const parked = h.engine.parking.park(payment.id);
    expect(parked).toMatchObject({ ok: true, value: { id: payment.id, parkedAt: T0 + 1000, state: { status: 'awaiting' } } });
    expect(h.engine.active()).toBeNull();
    expect(h.store.get(payment.id)).toMatchObject({ parkedAt: T0 + 1000, state: { status: 'awaiting' } });
    expect(h.parkedNews.at(-1)).toEqual({ open: [h.store.get(payment.id)], settled: [] });
  });

  it('refuses to park a sale the customer can still pay while the provider answers, and one already over', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    await h.clock.advance(POLICY.intervalMs);
    expect(h.engine.parking.park(payment.id)).toEqual({
      ok: false,
      error: {
        code: 'invalid_state',
        message: 'The customer can still pay this QR and the provider is answering: wait for the outcome, or cancel the payment',
        said: { area: 'refund', kind: 'park_still_payable' },
      },
    });
    expect(h.engine.active()?.id).toBe(payment.id);
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'paid', paidAt: T0 + 1500 });
    await h.clock.advance(POLICY.intervalMs);
    expect(h.engine.parking.park(payment.id)).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('already ended') as unknown } });
    expect(h.engine.parking.park('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('parks a sale whose QR has run out, even while the provider still says it is open', async () => {
    const h = harness({ qrLifetimeMs: 60_000 });
    const payment = await chargeOk(h.engine);
    await h.clock.advanceTo(T0 + 60_000 + 1000);
    // Within the grace before the final check: still awaiting, no notice, but the QR is gone.
    expect(h.engine.get(payment.id)).toMatchObject({ state: { status: 'awaiting' }, notice: null });
    expect(h.engine.parking.park(payment.id)).toMatchObject({ ok: true });
    expect(h.engine.active()).toBeNull();
  });

  it('charges the next sale while one is parked', async () => {
    const h = harness();
    const first = await unreachableSale(h);
    expect(await h.engine.charge(SGD_500)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    h.engine.parking.park(first.id);
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'pending' });
    const next = await chargeOk(h.engine, SGD_500);
    expect(h.engine.active()?.id).toBe(next.id);
    expect(next.id).not.toBe(first.id);
  });

  it('keeps asking about a parked sale in the background, backing off, for as long as it takes', async () => {
    // A QR that outlives the hour, so no check is brought forward to its expiry.
    const h = harness({ qrLifetimeMs: 2 * 60 * 60 * 1000 });
    const payment = await unreachableSale(h);
    h.engine.parking.park(payment.id);
    await h.clock.advance(60 * 60 * 1000);
    const mine = h.provider.statusCalls.filter((c) => c.ref === payment.providerRef).map((c) => c.at);
    const gaps = mine.slice(1).map((at, i) => at - (mine[i] ?? 0));
    // The harness's random is 0.5, so each wait is the policy's schedule exactly: 1 s, 1.5 s, 3 s … up to 22.5 s.
    const schedule = gaps.map((_, i) => nextPollDelay(POLICY, i + 1, networkError, () => 0.5));
    expect(gaps).toEqual(schedule);
    expect(gaps.at(-1)).toBe(22_500);
    expect(mine.at(-1)).toBeGreaterThan(T0 + 60 * 60 * 1000 - 22_500);
  });

  it('a parked sale found paid later is final, stays marked parked, and is announced until acknowledged', async () => {
    const h = harness();
    const payment = await unreachableSale(h);
    h.engine.parking.park(payment.id);
    await chargeOk(h.engine, SGD_500);
    h.provider.onStatus = (ref) => ok<ProviderStatus>(ref === payment.providerRef ? { kind: 'paid', paidAt: T0 + 5000 } : { kind: 'pending' });
    await h.clock.advance(POLICY.backoffMaxMs);
    const paid = h.store.get(payment.id);
    expect(paid).toMatchObject({ parkedAt: T0 + 1000, state: { status: 'paid', paidAt: T0 + 5000 } });
    expect(h.parkedNews.at(-1)).toEqual({ open: [], settled: [paid] });
    // The sale on the counter is the next one: the parked sale's news never takes its place.
    expect(h.engine.active()?.amount.minor).toBe(500);
    const before = h.provider.statusCalls.filter((c) => c.ref === payment.providerRef).length;
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls.filter((c) => c.ref === payment.providerRef)).toHaveLength(before);
    expect(h.engine.parking.acknowledge(payment.id)).toEqual({ ok: true, value: null });
    expect(h.engine.parking.list()).toEqual({ open: [], settled: [] });
    expect(h.engine.parking.acknowledge(payment.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('after a restart, resume follows a parked sale again but leaves the counter free', async () => {
    const store = createMemoryStore();
    const parked = storedPayment({ id: 'parked-1', state: { status: 'awaiting' }, parkedAt: T0 - 2000, notice: networkError.message });
    const open = storedPayment({ id: 'open-1', state: { status: 'awaiting' }, createdAt: T0 - 1000 });
    store.save(parked);
    const h = harness({ store });
    h.engine.resume();
    expect(h.engine.active()).toBeNull();
    await h.clock.advance(POLICY.intervalMs);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-parked-1']);
    expect(h.engine.parking.list().open.map((p) => p.id)).toEqual(['parked-1']);
    // An unparked sale left open is put back on the counter as before.
    store.save(open);
    const again = harness({ store });
    again.engine.resume();
    expect(again.engine.active()?.id).toBe('open-1');
  });

  it('check now asks at once, past a backoff, and answers once the provider has', async () => {
    const h = harness();
    const payment = await unreachableSale(h);
    h.engine.parking.park(payment.id);
    await h.clock.advance(2000);
    const asked = h.provider.statusCalls.length;
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'paid', paidAt: T0 + 2500 });
    const checked = await h.engine.parking.checkNow(payment.id);
    expect(h.provider.statusCalls).toHaveLength(asked + 1);
    expect(checked).toMatchObject({ ok: true, value: { state: { status: 'paid' } } });
    expect(h.provider.statusCalls.at(-1)?.at).toBe(T0 + 3000);
  });

  it('a manager resolves a parked sale as not paid, naming who and why; polling stops and it is no news', async () => {
    const h = harness();
    const payment = await unreachableSale(h);
    expect(h.engine.parking.resolve(payment.id, 'Mei', 'not in the console')).toMatchObject({ ok: false, error: { message: expect.stringContaining('park it first') as unknown } });
    h.engine.parking.park(payment.id);
    const resolved = h.engine.parking.resolve(payment.id, 'Mei', 'The provider console shows no payment for this sale');
    expect(resolved).toMatchObject({
      ok: true,
      value: {
        state: {
          status: 'failed',
          failure: { code: 'resolved_by_manager', message: 'Marked not paid by Mei, after checking with the provider: The provider console shows no payment for this sale' },
        },
      },
    });
    const asked = h.provider.statusCalls.length;
    await h.clock.advance(120_000);
    await settle();
    expect(h.provider.statusCalls).toHaveLength(asked);
    expect(h.engine.parking.list()).toEqual({ open: [], settled: [] });
  });

  it('money that arrives after a manager resolved the sale as not paid is kept, loudly, as paid after cancel', () => {
    const resolved = storedPayment({ id: 'r', state: { status: 'failed', failure: { code: 'resolved_by_manager', message: 'Marked not paid by Mei' } }, parkedAt: T0 });
    expect(transition(resolved, { type: 'provider_status', status: { kind: 'paid', paidAt: T0 + 1 } }, T0 + 2).state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 1 });
    const failed = storedPayment({ id: 'f', state: { status: 'failed', failure: { code: 'payment_rejected', message: 'Rejected' } } });
    expect(transition(failed, { type: 'provider_status', status: { kind: 'paid', paidAt: T0 + 1 } }, T0 + 2)).toBe(failed);
    expect(transition(failed, { type: 'parked', at: T0 }, T0)).toBe(failed);
  });
});
