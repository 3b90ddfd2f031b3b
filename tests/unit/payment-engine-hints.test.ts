import { describe, expect, it } from 'vitest';
import { createMemoryStore, type PaymentStore } from '../../app/engine/payment-store';
import type { ProviderError, ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import { chargeOk, deferred, harness, networkError, POLICY, settle, T0, type Deferred } from '../support/engine-harness';

/**
 * Webhooks are hints anyone who saw the QR can forge (the charge id is inside it), as often as they
 * like. However many come, they add at most one status request per payment per second, never cut a
 * backoff short, and cost nothing at all for a payment the terminal does not follow.
 */
const SLOW = { ...POLICY, intervalMs: 10_000 };

/** A memory store that counts every call, to prove a hint did not touch it. */
function countingStore(): { store: PaymentStore; calls: { get: number; unfinished: number; save: number } } {
  const inner = createMemoryStore();
  const calls = { get: 0, unfinished: 0, save: 0 };
  return {
    calls,
    store: {
      save: (payment) => {
        calls.save += 1;
        inner.save(payment);
      },
      get: (id) => {
        calls.get += 1;
        return inner.get(id);
      },
      unfinished: () => {
        calls.unfinished += 1;
        return inner.unfinished();
      },
    },
  };
}

/** 300 hints spread evenly over 2 s from `from`, advancing the clock to each. */
async function flood(h: ReturnType<typeof harness>, providerRef: string, from: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await h.clock.advanceTo(from + Math.floor((i * 2000) / 300));
    h.engine.pollByProviderRef(providerRef);
  }
}

const gaps = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('PaymentEngine: webhook hints within a budget', () => {
  it('300 hints in 2 s on a 1 s poll: the first is asked at once, then at most one extra request a second', async () => {
    const h = harness();
    await chargeOk(h.engine);
    await h.clock.advanceTo(T0 + 1000);
    await flood(h, 'prov-ref-1', T0 + 1050);
    await h.clock.advanceTo(T0 + 3500);
    const times = h.provider.statusCalls.map((c) => c.at - T0);
    // 1000 and every 1 s after the last answer are the schedule; 1050, 2050 and 3050 are the hints' one a second.
    expect(times).toEqual([1000, 1050, 2050, 2050, 3050]);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(2);
    h.engine.stop();
  });

  it('300 hints in 2 s on a 10 s poll: at most one extra request per second, then the normal pace', async () => {
    const h = harness({ policy: SLOW });
    await chargeOk(h.engine);
    await flood(h, 'prov-ref-1', T0 + 100);
    await h.clock.advanceTo(T0 + 12_000);
    const times = h.provider.statusCalls.map((c) => c.at - T0);
    // The first hint asks at once; the 299 after it wait for the budget: one request per second.
    expect(times).toEqual([100, 1100, 2100]);
    expect(gaps(times).every((gap) => gap >= 1000)).toBe(true);
    // Then the normal 10 s pace resumes from the last request.
    await h.clock.advanceTo(T0 + 12_100);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([100, 1100, 2100, 12_100]);
    h.engine.stop();
  });

  it('hints during a backoff do not shorten it', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => (n <= 3 ? err(networkError) : ok({ kind: 'pending' }));
    await chargeOk(h.engine);
    await h.clock.advanceTo(T0 + 3500);
    // random() = 0.5: after three failures the next request waits 3 s, until 6500.
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500]);
    for (let at = T0 + 3510; at < T0 + 6500; at += 10) {
      await h.clock.advanceTo(at);
      expect(h.engine.pollByProviderRef('prov-ref-1')).toBe(true);
    }
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500]);
    await h.clock.advanceTo(T0 + 6500);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500, 6500]);
    h.engine.stop();
  });

  it('hints for unknown and final payments cost nothing: no store query, no request, no timer', async () => {
    const { store, calls } = countingStore();
    const h = harness({ store });
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 900 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state.status).toBe('paid');
    const requests = h.provider.statusCalls.length;
    calls.get = 0;
    calls.unfinished = 0;
    calls.save = 0;
    for (let i = 0; i < 300; i++) {
      expect(h.engine.pollByProviderRef(`chrg_forged_${i}`)).toBe(false);
      expect(h.engine.pollByProviderRef('prov-ref-1')).toBe(false);
      h.engine.pollNow('no-such-payment');
    }
    await h.clock.advance(60_000);
    expect(calls).toEqual({ get: 0, unfinished: 0, save: 0 });
    expect(h.provider.statusCalls).toHaveLength(requests);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('a hint during a request in flight gets one more request after it, but not within 1 s of the last', async () => {
    const h = harness({ policy: SLOW });
    const answers: Deferred<Result<ProviderStatus, ProviderError>>[] = [];
    h.provider.onStatus = () => {
      const d = deferred<Result<ProviderStatus, ProviderError>>();
      answers.push(d);
      return d.promise;
    };
    await chargeOk(h.engine);
    await h.clock.advanceTo(T0 + 100);
    h.engine.pollByProviderRef('prov-ref-1');
    await settle();
    for (let i = 0; i < 50; i++) h.engine.pollByProviderRef('prov-ref-1');
    await h.clock.advanceTo(T0 + 300);
    answers[0]?.resolve(ok({ kind: 'pending' }));
    await settle();
    // The answer may predate the hints, so they get one more request: at 1100, not at once.
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([100]);
    await h.clock.advanceTo(T0 + 1099);
    expect(h.provider.statusCalls).toHaveLength(1);
    await h.clock.advanceTo(T0 + 1100);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([100, 1100]);
    answers[1]?.resolve(ok({ kind: 'pending' }));
    await h.clock.advanceTo(T0 + 11_099);
    expect(h.provider.statusCalls).toHaveLength(2);
    await h.clock.advanceTo(T0 + 11_100);
    expect(h.provider.statusCalls).toHaveLength(3);
    h.engine.stop();
  });

  it('a hint on a payment not yet asked about asks at once', async () => {
    const h = harness({ policy: SLOW });
    await chargeOk(h.engine);
    await h.clock.advanceTo(T0 + 5);
    expect(h.engine.pollByProviderRef('prov-ref-1')).toBe(true);
    await settle();
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([5]);
    h.engine.stop();
  });
});
