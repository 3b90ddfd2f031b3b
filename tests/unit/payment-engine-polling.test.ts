import { describe, expect, it } from 'vitest';
import { type ProviderError, type ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import {
  T0,
  settle,
  type Deferred,
  deferred,
  POLICY,
  networkError,
  harness,
  chargeOk,
} from '../support/engine-harness';

type StatusAnswer = Deferred<Result<ProviderStatus, ProviderError>>;

/** Each status request waits until the test answers it, in the order they were asked. */
function holdStatusAnswers(h: ReturnType<typeof harness>): StatusAnswer[] {
  const answers: StatusAnswer[] = [];
  h.provider.onStatus = () => {
    const d = deferred<Result<ProviderStatus, ProviderError>>();
    answers.push(d);
    return d.promise;
  };
  return answers;
}

describe('PaymentEngine: polling', () => {
  it('polls every intervalMs', async () => {
    const h = harness();
    await chargeOk(h.engine);
    await h.clock.advance(999);
    expect(h.provider.statusCalls).toHaveLength(0);
    await h.clock.advance(1);
    expect(h.provider.statusCalls).toEqual([{ ref: 'prov-ref-1', at: T0 + 1000 }]);
    await h.clock.advance(4000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('keeps at most one status request in flight', async () => {
    const h = harness();
    const answers = holdStatusAnswers(h);
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    await h.clock.advance(30_000);
    expect(h.provider.statusCalls).toHaveLength(1);
    h.engine.pollNow(payment.id);
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls).toHaveLength(1);
    answers[0]?.resolve(ok({ kind: 'pending' }));
    await settle();
    // The hints that came while it was in flight get one request, right after it: that answer may be older than they are.
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 31_000]);
    answers[1]?.resolve(ok({ kind: 'pending' }));
    await settle();
    expect(h.provider.statusCalls).toHaveLength(2);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(3);
    expect(h.provider.statusCalls[2]?.at).toBe(T0 + 32_000);
  });

  it('a hint during a failed request does not cut the backoff short', async () => {
    const h = harness();
    const answers = holdStatusAnswers(h);
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    h.engine.pollNow(payment.id);
    answers[0]?.resolve(err(networkError));
    await settle();
    expect(h.provider.statusCalls).toHaveLength(1);
    // The next request comes on the backoff's schedule, and its answer is not followed by a stale hint's.
    await h.clock.advance(POLICY.backoffMaxMs);
    expect(h.provider.statusCalls).toHaveLength(2);
    answers[1]?.resolve(ok({ kind: 'pending' }));
    await settle();
    expect(h.provider.statusCalls).toHaveLength(2);
  });

  it('pollNow asks at once and restarts the interval from there', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    await h.clock.advance(400);
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([400]);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([400, 1400]);
  });

  it('stops polling once paid', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => (n < 3 ? ok({ kind: 'pending' }) : ok({ kind: 'paid', paidAt: T0 + 2_500 }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(3000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid', paidAt: T0 + 2_500 });
    expect(h.provider.statusCalls).toHaveLength(3);
    await h.clock.advance(120_000);
    expect(h.provider.statusCalls).toHaveLength(3);
    expect(h.clock.pendingTimers).toBe(0);
    expect(h.statuses()).toEqual(['creating', 'awaiting', 'paid']);
    expect(h.unsaved).toEqual([]);
  });

  it('stops polling once the provider reports failed, carrying the failure', async () => {
    const h = harness();
    const failure = { code: 'insufficient_funds', message: 'The customer\u2019s wallet has insufficient funds.' };
    h.provider.onStatus = () => ok({ kind: 'failed', failure });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(10_000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'failed', failure });
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('shows an unknown provider status and keeps polling until it resolves', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => (n === 1 ? ok({ kind: 'unknown', raw: 'settled' }) : ok({ kind: 'pending' }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'unknown', providerStatus: 'settled' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.provider.statusCalls).toHaveLength(2);
  });

  it('an answer it cannot trust puts the payment to needs attention, backs off, and never calls it paid', async () => {
    const h = harness();
    const untrusted: ProviderError = { kind: 'invalid_response', message: 'Opn sent a response the terminal cannot read', ambiguous: false };
    h.provider.onStatus = (_ref, n) => (n <= 2 ? err(untrusted) : ok({ kind: 'pending' }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'needs_attention', reason: untrusted.message });
    // Backing off as for any failure: the second ask comes after the first backoff step, not at the interval.
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000]);
    expect(h.changes.filter((p) => p.state.status === 'needs_attention')).toHaveLength(1);
    await h.clock.advance(1500);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500]);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.changes.some((p) => p.state.status === 'paid')).toBe(false);
    expect(h.unsaved).toEqual([]);
  });

  it('backs off on status errors instead of hammering, shows a notice, and clears it on recovery', async () => {
    const h = harness();
    let down = true;
    h.provider.onStatus = () => (down ? err(networkError) : ok({ kind: 'pending' }));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.notice).toBe(networkError.message);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    await h.clock.advanceTo(T0 + 60_000);
    // random() = 0.5: 3/4 of a doubling ceiling, never under the 1 s interval, capped at 30 s.
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000, 3500, 6500, 12_500, 24_500, 47_000]);
    expect(h.unsaved).toEqual([]);
    // One notice change, not one per failed request.
    expect(h.changes.filter((p) => p.notice !== null)).toHaveLength(1);
    down = false;
    await h.clock.advanceTo(T0 + 69_500);
    expect(h.provider.statusCalls).toHaveLength(8);
    expect(h.engine.get(payment.id)?.notice).toBeNull();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    // Back to the normal pace.
    await h.clock.advance(3000);
    expect(h.provider.statusCalls.slice(8).map((c) => c.at - T0)).toEqual([70_500, 71_500, 72_500]);
  });

  it('honours a Retry-After on status requests', async () => {
    const h = harness();
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 20_000 };
    h.provider.onStatus = (_ref, n) => (n === 1 ? err(limited) : ok({ kind: 'pending' }));
    await chargeOk(h.engine);
    await h.clock.advance(20_999);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000]);
    await h.clock.advance(1);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 21_000]);
  });

  it('stop() ends all polling', async () => {
    const h = harness();
    await chargeOk(h.engine);
    await h.clock.advance(2000);
    h.engine.stop();
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toHaveLength(2);
  });
});

describe('PaymentEngine: expiry', () => {
  it('lands one check exactly at expiry plus grace, then expires locally and cancels at the provider', async () => {
    const h = harness({ qrLifetimeMs: 30_000, policy: { ...POLICY, intervalMs: 3000 } });
    const payment = await chargeOk(h.engine);
    expect(payment.expiresAt).toBe(T0 + 30_000);
    await h.clock.advance(39_999);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.provider.cancels).toEqual([]);
    await h.clock.advance(1);
    const times = h.provider.statusCalls.map((c) => c.at - T0);
    expect(times).toEqual([3000, 6000, 9000, 12_000, 15_000, 18_000, 21_000, 24_000, 27_000, 30_000, 33_000, 36_000, 39_000, 40_000]);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    await h.clock.advance(120_000);
    expect(h.provider.statusCalls).toHaveLength(14);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('a pollNow after local expiry asks nothing more', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.engine.get(payment.id)?.state.status).toBe('expired');
    const calls = h.provider.statusCalls.length;
    h.engine.pollNow(payment.id);
    await settle();
    expect(h.provider.statusCalls).toHaveLength(calls);
  });

  it('keeps a payment that the closing cancel reveals as paid, as paid: it is closed only once the provider answers', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onCancel = () => ok({ kind: 'paid', paidAt: T0 + 14_900 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid', paidAt: T0 + 14_900 });
    expect(h.statuses()).not.toContain('expired');
    expect(h.unsaved).toEqual([]);
  });

  it('stays expired when the closing cancel is confirmed or fails', async () => {
    for (const answer of [ok<ProviderStatus>({ kind: 'cancelled' }), err(networkError)]) {
      const h = harness({ qrLifetimeMs: 5000 });
      h.provider.onCancel = () => answer;
      const payment = await chargeOk(h.engine);
      await h.clock.advance(60_000);
      expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
      expect(h.provider.cancels).toHaveLength(1);
    }
  });

  it('takes an expiry the provider reports itself, without a cancel', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'expired' });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(5000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'expired' });
    expect(h.provider.cancels).toEqual([]);
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('does not expire a payment it cannot reach the provider about', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onStatus = () => err(networkError);
    const payment = await chargeOk(h.engine);
    await h.clock.advance(120_000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'awaiting' });
    expect(h.engine.get(payment.id)?.notice).toBe(networkError.message);
    expect(h.provider.cancels).toEqual([]);
  });
});
