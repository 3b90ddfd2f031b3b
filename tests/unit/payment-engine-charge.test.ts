import { describe, expect, it } from 'vitest';
import { type Payment } from '../../app/payment/payment';
import { type CreatedPayment, type ProviderError } from '../../app/providers/provider';
import { err, ok, type Result } from '../../app/util/result';
import {
  T0,
  settle,
  deferred,
  createdFor,
  networkError,
  serverOnPost,
  rejected,
  harness,
  SGD_1234,
  chargeOk,
} from '../support/engine-harness';

describe('PaymentEngine: charge', () => {
  it('creates the payment, going creating → awaiting, saving before announcing', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    expect(payment).toEqual({
      id: 'ref-1',
      amount: { minor: 1234, currency: 'SGD' },
      method: 'demo',
      orderRef: 'A-17',
      payerAlias: null,
      providerRef: 'prov-ref-1',
      qr: { payload: 'QR:ref-1' },
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + 600_000,
      state: { status: 'awaiting' },
      refundedMinor: 0,
      notice: null,
    });
    expect(h.statuses()).toEqual(['creating', 'awaiting']);
    expect(h.unsaved).toEqual([]);
    expect(h.store.get('ref-1')).toBe(payment);
    expect(h.engine.active()).toBe(payment);
  });

  it('sends the provider our reference, the amount, a description and the QR expiry', async () => {
    const h = harness();
    await chargeOk(h.engine);
    expect(h.provider.creates).toEqual([
      { reference: 'ref-1', amount: { minor: 1234, currency: 'SGD' }, description: 'Test Shop SGD 12.34', expiresAt: T0 + 600_000, payerAlias: null },
    ]);
  });

  it('records the intent before the provider hears of it', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    let storedAtCreate: Payment | undefined;
    h.provider.onCreate = () => {
      storedAtCreate = h.store.get('ref-1');
      return pending.promise;
    };
    const charging = h.engine.charge(SGD_1234);
    await settle();
    expect(storedAtCreate?.state).toEqual({ status: 'creating' });
    expect(h.engine.active()?.state).toEqual({ status: 'creating' });
    pending.resolve(ok(createdFor(h.provider.creates[0] ?? { reference: '', amount: SGD_1234.amount, description: '', expiresAt: 0, payerAlias: null })));
    expect((await charging).ok).toBe(true);
    expect(h.engine.active()?.state).toEqual({ status: 'awaiting' });
  });

  it('rejects an amount the provider refuses, without any create call', async () => {
    const h = harness();
    const minimum = { minor: 100, currency: 'SGD' } as const;
    const said = { area: 'sale', kind: 'amount_below_minimum', method: 'demo', minimum } as const;
    h.provider.amountRule = (amount) => (amount.minor < 100 ? err({ message: 'Test QR needs at least SGD 1.00', said }) : ok(undefined));
    const result = await h.engine.charge({ amount: { minor: 99, currency: 'SGD' }, method: 'demo', orderRef: null });
    expect(result).toEqual({ ok: false, error: { code: 'amount_rejected', message: 'Test QR needs at least SGD 1.00', said } });
    expect(h.provider.creates).toEqual([]);
    expect(h.changes).toEqual([]);
    expect(h.engine.active()).toBeNull();
  });

  it('rejects a currency the method does not accept, without any create call', async () => {
    const h = harness();
    const result = await h.engine.charge({ amount: { minor: 100, currency: 'MYR' }, method: 'demo', orderRef: null });
    expect(result).toEqual({
      ok: false,
      error: { code: 'amount_rejected', message: 'Test QR does not accept MYR', said: { area: 'sale', kind: 'method_refuses_currency', method: 'demo', currency: 'MYR' } },
    });
    expect(h.provider.creates).toEqual([]);
  });

  it('rejects a method that is not configured', async () => {
    const h = harness({ providers: 'none' });
    const result = await h.engine.charge(SGD_1234);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_state');
    expect(h.changes).toEqual([]);
  });

  it('refuses a second charge while one is in progress', async () => {
    const h = harness();
    await chargeOk(h.engine);
    const second = await h.engine.charge({ amount: { minor: 500, currency: 'SGD' }, method: 'demo', orderRef: null });
    expect(second).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'A payment is already in progress: wait for it, or cancel it first', said: { area: 'sale', kind: 'payment_in_progress' } },
    });
    expect(h.provider.creates).toHaveLength(1);
    expect(h.engine.active()?.id).toBe('ref-1');
  });

  it('refuses a second charge even while the first is still being created', async () => {
    const h = harness();
    const pending = deferred<Result<CreatedPayment, ProviderError>>();
    h.provider.onCreate = () => pending.promise;
    const first = h.engine.charge(SGD_1234);
    const second = await h.engine.charge(SGD_1234);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('invalid_state');
    expect(h.provider.creates).toHaveLength(1);
    pending.resolve(err(rejected));
    await first;
  });

  it('a non-ambiguous rejection fails the payment with the provider message, once', async () => {
    const h = harness();
    h.provider.onCreate = () => err(rejected);
    const payment = await chargeOk(h.engine);
    expect(payment.state).toEqual({
      status: 'failed',
      failure: { code: 'create_rejected', message: 'The test provider rejected the request: amount too small' },
    });
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual([]);
    expect(h.statuses()).toEqual(['creating', 'failed']);
    await h.clock.advance(60_000);
    expect(h.provider.statusCalls).toEqual([]);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('after an ambiguous create, reconciles and adopts the payment found: exactly one create', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    h.provider.onFind = (reference) => ok({ providerRef: 'prov-found', qr: { payload: `QR:found:${reference}` }, expiresAt: T0 + 600_000 });
    const payment = await chargeOk(h.engine);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual(['ref-1']);
    expect(payment.state).toEqual({ status: 'awaiting' });
    expect(payment.providerRef).toBe('prov-found');
    expect(payment.qr).toEqual({ payload: 'QR:found:ref-1' });
    expect(payment.notice).toBeNull();
    // The notice was shown while reconciling.
    expect(h.changes.map((p) => p.notice)).toEqual([null, serverOnPost.message, null]);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.ref)).toEqual(['prov-found']);
  });

  it('after an ambiguous create that left nothing behind, retries the create with the same reference after a wait', async () => {
    const h = harness();
    h.provider.onCreate = (req, n) => (n === 1 ? err(serverOnPost) : ok(createdFor(req)));
    const charging = h.engine.charge(SGD_1234);
    await settle();
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual(['ref-1']);
    await h.clock.advance(999);
    expect(h.provider.creates).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.provider.creates).toHaveLength(2);
    expect(h.provider.creates.map((c) => c.reference)).toEqual(['ref-1', 'ref-1']);
    const result = await charging;
    expect(result.ok && result.value.state).toEqual({ status: 'awaiting' });
    expect(result.ok && result.value.providerRef).toBe('prov-ref-1');
  });

  it('gives up after three ambiguous attempts, reconciling before each retry', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    const charging = h.engine.charge(SGD_1234);
    await h.clock.advance(60_000);
    const result = await charging;
    expect(h.provider.creates).toHaveLength(3);
    expect(h.provider.finds).toHaveLength(3);
    expect(result.ok && result.value.state).toEqual({
      status: 'failed',
      failure: { code: 'create_server', message: serverOnPost.message },
    });
  });

  it('never retries a create when reconciliation cannot tell whether the first one landed', async () => {
    const h = harness();
    h.provider.onCreate = () => err(serverOnPost);
    h.provider.onFind = () => err(networkError);
    const payment = await chargeOk(h.engine);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toHaveLength(1);
    expect(payment.state.status).toBe('failed');
    await h.clock.advance(60_000);
    expect(h.provider.creates).toHaveLength(1);
  });

  it('waits out a rate-limited create for its Retry-After', async () => {
    const h = harness();
    const limited: ProviderError = { kind: 'rate_limited', message: 'slow down', ambiguous: false, retryAfterMs: 5000 };
    h.provider.onCreate = (req, n) => (n === 1 ? err(limited) : ok(createdFor(req)));
    const charging = h.engine.charge(SGD_1234);
    await h.clock.advance(4999);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.finds).toEqual([]);
    await h.clock.advance(1);
    expect(h.provider.creates).toHaveLength(2);
    const result = await charging;
    expect(result.ok && result.value.state.status).toBe('awaiting');
  });
});
