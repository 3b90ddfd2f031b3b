import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../app/engine/payment-store';
import type { ProviderError, ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import { chargeOk, createdFor, deferred, harness, networkError, serverOnPost, settle, SGD_1234, storedPayment, T0 } from '../support/engine-harness';

/** What a provider says when a close went through but it will no longer say what became of the payment. */
const hidden: ProviderError = {
  kind: 'outcome_unknown',
  message: 'The test provider deleted request prov-ref-1 (DELETE answered "prov-ref-1"), then answered 404',
  ambiguous: false,
};
const part = (minor: number | null): ProviderStatus => ({ kind: 'partially_paid', received: minor === null ? null : { minor, currency: 'SGD' } });

describe('PaymentEngine: a cancel never turns money into "cancelled"', () => {
  it('part arrived, amount not reported: stays partly paid, with a sentence saying the request was not cancelled', async () => {
    const h = harness();
    h.provider.onCancel = () => ok(part(null));
    h.provider.onStatus = () => ok(part(null));
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    const sentence =
      "Part of SGD 12.34 has already arrived (amount not reported by The test provider): the request was not cancelled. Wait for the rest, or take the money back through The test provider's console.";
    const leftOpenSaid = { area: 'payment', kind: 'left_open', asked: SGD_1234.amount, received: null, provider: 'The test provider' };
    expect(result.ok && result.value.state).toEqual({ status: 'partially_paid', received: null, leftOpen: sentence, leftOpenSaid });
    // Still followed, and the sentence (and its Said) holds while the provider says the same.
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'partially_paid', received: null, leftOpen: sentence, leftOpenSaid });
    expect(h.statuses()).not.toContain('cancelled');
  });

  it('part arrived with its amount: the sentence names both amounts', async () => {
    const h = harness();
    h.provider.onCancel = () => ok(part(600));
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toMatchObject({
      status: 'partially_paid',
      received: { minor: 600, currency: 'SGD' },
      leftOpen: expect.stringMatching(/^SGD 6\.00 of SGD 12\.34 has already arrived: the request was not cancelled\./),
    });
  });

  it('an outcome the provider hides after the close needs attention, with the facts, never "cancelled"', async () => {
    const h = harness();
    h.provider.onCancel = () => err(hidden);
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'needs_attention', reason: hidden.message });
    expect(h.statuses()).not.toContain('cancelled');
  });

  it('part seen by a poll while the cancel was in flight, then "cancelled": needs attention, not cancelled', async () => {
    const h = harness();
    const answer = deferred<Result<ProviderStatus, ProviderError>>();
    h.provider.onCancel = () => answer.promise;
    h.provider.onStatus = () => ok(part(null));
    const payment = await chargeOk(h.engine);
    const cancelling = h.engine.cancel(payment.id);
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state.status).toBe('partially_paid');
    answer.resolve(ok({ kind: 'cancelled' }));
    const result = await cancelling;
    expect(result.ok && result.value.state.status).toBe('needs_attention');
  });

  it('a cancel that could not be sent still goes back to waiting: nothing is known to have arrived', async () => {
    const h = harness();
    h.provider.onCancel = () => err(networkError);
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
  });
});

describe('PaymentEngine: closing an expired QR reads the provider first', () => {
  it('a partly paid payment past its expiry is not closed: it stays partly paid and followed', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onStatus = () => ok(part(600));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(30_000);
    expect(h.provider.cancels).toEqual([]);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'partially_paid', received: { minor: 600, currency: 'SGD' } });
    const calls = h.provider.statusCalls.length;
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.length).toBe(calls + 1);
  });

  it('money found by the closing read keeps the payment partly paid, with the sentence, and followed', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onCancel = () => ok(part(null));
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    expect(h.engine.get(payment.id)?.state).toMatchObject({ status: 'partially_paid', received: null, leftOpen: expect.stringContaining('was not cancelled') });
    expect(h.statuses()).not.toContain('expired');
    const calls = h.provider.statusCalls.length;
    h.provider.onStatus = () => ok(part(null));
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.length).toBe(calls + 1);
    expect(h.provider.cancels).toHaveLength(1);
  });

  it('an outcome hidden by the close needs attention, never expired', async () => {
    const h = harness({ qrLifetimeMs: 5000 });
    h.provider.onCancel = () => err(hidden);
    const payment = await chargeOk(h.engine);
    await h.clock.advance(15_000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'needs_attention', reason: hidden.message });
    expect(h.statuses()).not.toContain('expired');
  });
});

describe('PaymentEngine: reconciling an idempotent create (Orangepill\u2019s key)', () => {
  it('a lookup that fails does not end the sale: the same create is repeated, and it is the only one made', async () => {
    const h = harness();
    h.provider.idempotentCreate = true;
    h.provider.onCreate = (req, n) => (n === 1 ? err(serverOnPost) : ok(createdFor(req)));
    h.provider.onFind = () => err({ kind: 'rejected', message: 'The test provider rejected the query', ambiguous: false });
    const charging = h.engine.charge(SGD_1234);
    await h.clock.advance(5000);
    const result = await charging;
    expect(h.provider.finds).toHaveLength(1);
    expect(h.provider.creates).toHaveLength(2);
    expect(h.provider.creates[1]).toEqual(h.provider.creates[0]);
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
  });

  it('after a restart, a lookup that fails or finds nothing leads to the very same create, first expiry included', async () => {
    for (const onFind of [() => ok(null), () => err(networkError)]) {
      const store = createMemoryStore();
      store.save(storedPayment({ id: 'old', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null, createdAt: T0 - 5_000 }));
      const h = harness({ store });
      h.provider.idempotentCreate = true;
      h.provider.onFind = onFind;
      h.engine.resume();
      await settle();
      expect(h.provider.creates.map((c) => [c.reference, c.expiresAt])).toEqual([['old', T0 - 5_000 + 600_000]]);
      expect(h.engine.get('old')?.state).toEqual({ status: 'awaiting' });
    }
  });
});
