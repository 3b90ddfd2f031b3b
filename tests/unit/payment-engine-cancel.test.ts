import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../app/engine/payment-store';
import { type CreatedPayment, type ProviderError, type ProviderStatus } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import { transportFailure } from '../../app/providers/provider-errors';
import { expectWordedAsSaid } from '../support/said-check';
import {
  T0,
  settle,
  deferred,
  createdFor,
  networkError,
  rejected,
  harness,
  SGD_1234,
  chargeOk,
  storedPayment,
} from '../support/engine-harness';

describe('PaymentEngine: cancel', () => {
  it('goes cancelling → cancelled and polls no more', async () => {
    const h = harness();
    const answer = deferred<Result<ProviderStatus, ProviderError>>();
    h.provider.onCancel = () => answer.promise;
    const payment = await chargeOk(h.engine);
    await h.clock.advance(2000);
    const cancelling = h.engine.cancel(payment.id);
    await settle();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelling' });
    expect(h.provider.cancels).toEqual(['prov-ref-1']);
    answer.resolve(ok({ kind: 'cancelled' }));
    const result = await cancelling;
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    expect(h.statuses()).toEqual(['creating', 'awaiting', 'cancelling', 'cancelled']);
    expect(h.unsaved).toEqual([]);
    const calls = h.provider.statusCalls.length;
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toHaveLength(calls);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('stays cancelling while the provider still says pending, until it confirms', async () => {
    const h = harness();
    h.provider.onCancel = () => ok({ kind: 'pending' });
    h.provider.onStatus = (_ref, n) => (n < 2 ? ok({ kind: 'pending' }) : ok({ kind: 'cancelled' }));
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelling' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelling' });
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'cancelled' });
  });

  it('a cancel that cannot reach the provider goes back to awaiting with a notice, and polling goes on', async () => {
    const h = harness();
    h.provider.onCancel = () => err(networkError);
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
    expect(result.ok && result.value.notice).toBe(`Could not cancel yet: ${networkError.message}`);
    // The provider's sentence goes with it, for the cashier's language.
    const linked = transportFailure('the demo provider', false, false);
    h.provider.onCancel = () => err(linked);
    const again = await h.engine.cancel(payment.id);
    expect(again.ok && again.value.noticeSaid).toEqual({ area: 'payment', kind: 'cancel_not_yet', problem: linked.said });
    if (again.ok) expectWordedAsSaid({ message: again.value.notice ?? '', said: again.value.noticeSaid });
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    expect(h.engine.get(payment.id)?.notice).toBeNull();
  });

  it('a paid answer to the cancel wins: the money is real', async () => {
    const h = harness();
    h.provider.onCancel = () => ok({ kind: 'paid', paidAt: T0 + 100 });
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'paid', paidAt: T0 + 100 });
  });

  it('a paid status arriving after the cancel landed is kept as paid_after_cancel', async () => {
    const h = harness();
    const inFlight = deferred<Result<ProviderStatus, ProviderError>>();
    h.provider.onStatus = () => inFlight.promise;
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toHaveLength(1);
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    inFlight.resolve(ok({ kind: 'paid', paidAt: T0 + 900 }));
    await settle();
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid_after_cancel', paidAt: T0 + 900 });
  });

  it('refuses to cancel a final payment', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    const result = await h.engine.cancel(payment.id);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'Payment ref-1 is already paid', said: { area: 'sale', kind: 'payment_already_final', paymentId: 'ref-1', status: 'paid' } },
    });
    expect(h.provider.cancels).toEqual([]);
  });

  it('refuses to cancel while the payment is still being created', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    h.provider.onCreate = () => pending.promise;
    const charging = h.engine.charge(SGD_1234);
    await settle();
    const result = await h.engine.cancel('ref-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.provider.cancels).toEqual([]);
    pending.resolve(err(rejected));
    await charging;
  });

  it('reports an unknown payment id', async () => {
    const h = harness();
    const result = await h.engine.cancel('nope');
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No payment nope on this terminal', said: { area: 'sale', kind: 'payment_not_found', paymentId: 'nope' } } });
  });
});

describe('PaymentEngine: dismiss', () => {
  it('clears a finished payment from active() and allows the next sale', async () => {
    const h = harness();
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(h.engine.active()?.state.status).toBe('paid');
    expect(h.engine.dismiss(payment.id)).toEqual({ ok: true, value: null });
    expect(h.engine.active()).toBeNull();
    expect(h.engine.get(payment.id)?.state.status).toBe('paid');
    const next = await chargeOk(h.engine);
    expect(next.id).toBe('ref-2');
    expect(h.engine.active()?.id).toBe('ref-2');
  });

  it('refuses to dismiss a payment in progress', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    const result = h.engine.dismiss(payment.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.engine.active()?.id).toBe(payment.id);
  });

  it('reports an unknown payment id', () => {
    const h = harness();
    expect(h.engine.dismiss('nope')).toEqual({ ok: false, error: { code: 'not_found', message: 'No payment nope on this terminal', said: { area: 'sale', kind: 'payment_not_found', paymentId: 'nope' } } });
  });

  it('a new sale may start over a finished payment that was not dismissed', async () => {
    const h = harness();
    h.provider.onCreate = () => err(rejected);
    await chargeOk(h.engine);
    h.provider.onCreate = (req) => ok(createdFor(req));
    const next = await chargeOk(h.engine);
    expect(next.state.status).toBe('awaiting');
    expect(h.engine.active()?.id).toBe('ref-2');
  });
});

describe('PaymentEngine: resume', () => {
  it('restarts polling for unfinished payments and makes one active; finished ones are left alone', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-paid', state: { status: 'paid', paidAt: T0 - 1000 } }));
    store.save(storedPayment({ id: 'old-awaiting', state: { status: 'awaiting' } }));
    const h = harness({ store });
    expect(h.engine.active()).toBeNull();
    h.engine.resume();
    expect(h.engine.active()?.id).toBe('old-awaiting');
    await h.clock.advance(1000);
    expect(h.provider.statusCalls).toEqual([{ ref: 'prov-old-awaiting', at: T0 + 1000 }]);
    await h.clock.advance(2000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-old-awaiting', 'prov-old-awaiting', 'prov-old-awaiting']);
    expect(h.provider.creates).toEqual([]);
  });

  it('resumes a cancelling payment by polling until the provider settles it', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old', state: { status: 'cancelling' } }));
    const h = harness({ store });
    h.provider.onStatus = () => ok({ kind: 'cancelled' });
    h.engine.resume();
    await h.clock.advance(1000);
    expect(h.engine.get('old')?.state).toEqual({ status: 'cancelled' });
    await h.clock.advance(10_000);
    expect(h.provider.statusCalls).toHaveLength(1);
  });

  it('resumes a payment that never got past creating by looking it up, then creating it', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.engine.resume();
    await settle();
    expect(h.provider.finds).toHaveLength(1);
    expect(h.provider.creates.map((c) => c.reference)).toEqual(['old-creating']);
    // The earlier run's QR lifetime ran out while it was down: the new one starts now.
    expect(h.provider.creates[0]?.expiresAt).toBe(T0 + 600_000);
    expect(h.engine.get('old-creating')?.state).toEqual({ status: 'awaiting' });
    expect(h.engine.active()?.id).toBe('old-creating');
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-old-creating']);
  });

  it('adopts the payment an earlier run already created, without creating another', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.provider.onFind = () => ok({ providerRef: 'prov-earlier', qr: { payload: 'QR:earlier' }, expiresAt: T0 + 60_000 });
    h.engine.resume();
    await settle();
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.get('old-creating')).toMatchObject({ providerRef: 'prov-earlier', state: { status: 'awaiting' } });
  });

  it('fails a resumed creating payment it cannot check, rather than risk a second one', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store });
    h.provider.onFind = () => err({ kind: 'network', message: 'No connection', ambiguous: false });
    h.engine.resume();
    await settle();
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.get('old-creating')?.state).toMatchObject({ status: 'failed', failure: { code: 'reconcile_network' } });
  });

  it('a resumed payment blocks a new charge until it is finished', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-awaiting', state: { status: 'awaiting' } }));
    const h = harness({ store });
    h.engine.resume();
    const result = await h.engine.charge(SGD_1234);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
  });
});

describe('PaymentEngine: cancelling through an expire API', () => {
  it('records a cancel answered with "expired" (Opn\u2019s Expire API) as cancelled, and stops polling', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    h.provider.onCancel = () => ok({ kind: 'expired' });
    const result = await h.engine.cancel(payment.id);
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    const calls = h.provider.statusCalls.length;
    await h.clock.advance(10_000);
    expect(h.provider.statusCalls).toHaveLength(calls);
  });
});

describe('PaymentEngine: a create still in flight when the terminal died', () => {
  it('waits until an earlier run\u2019s create can no longer land, then looks it up before creating', async () => {
    const store = createMemoryStore();
    // The earlier run recorded the intent 5 s ago and died with its create in flight.
    store.save(storedPayment({ id: 'in-flight', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null, updatedAt: T0 - 5_000 }));
    const h = harness({ store, createSettleMs: 15_000 });
    h.engine.resume();
    await h.clock.advance(9_000);
    expect(h.provider.finds).toEqual([]);
    const waiting = h.engine.get('in-flight');
    expect(waiting?.notice).toContain('whether this sale reached it');
    expectWordedAsSaid({ message: waiting?.notice ?? '', said: waiting?.noticeSaid });
    // Meanwhile the lost request lands at the provider; the lookup then adopts it.
    h.provider.onFind = () => ok({ providerRef: 'prov-landed', qr: { payload: 'QR:landed' }, expiresAt: T0 + 600_000 });
    await h.clock.advance(1_000);
    expect(h.provider.finds).toEqual(['in-flight']);
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.get('in-flight')).toMatchObject({ providerRef: 'prov-landed', state: { status: 'awaiting' }, notice: null });
  });
});
