import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, StoreWriteError, type PaymentStore } from '../../app/engine/payment-store';
import type { Payment } from '../../app/payment/payment';
import type { Money } from '../../app/money/money';
import type { PaymentProvider } from '../../app/providers/provider';
import { ok } from '../../app/util/result';
import { chargeOk, harness, SGD_1234, storedPayment, T0 } from '../support/engine-harness';

/**
 * The store refuses to write (the disk filled while a QR was showing). The terminal stays up, shows
 * nothing it has not saved, starts no new sale, and saves the outcome once the store takes it again.
 */
const FULL = 'Cannot save to the journal: the disk is full. No new sale can start until there is room (free space on the disk that holds /data).';

/** A memory store that throws as a full disk would while `full` is set, and records what it saved. */
function fillableStore(): { store: PaymentStore; state: { full: boolean; attempts: number }; saved: Payment[] } {
  const inner = createMemoryStore();
  const state = { full: false, attempts: 0 };
  const saved: Payment[] = [];
  return {
    state,
    saved,
    store: {
      save: (payment) => {
        state.attempts += 1;
        if (state.full) throw new StoreWriteError('Journal: disk full', FULL);
        inner.save(payment);
        saved.push(payment);
      },
      get: (id) => inner.get(id),
      unfinished: () => inner.unfinished(),
    },
  };
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('PaymentEngine: a store that cannot write', () => {
  it('the customer pays while the disk is full: kept up, not shown paid, no new sale; saved once and shown when there is room', async () => {
    const { store, state, saved } = fillableStore();
    const h = harness({ store });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    state.full = true;
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 1500 });
    await h.clock.advance(1000);

    // The answer "paid" is in, but the store did not take it: nothing crashed, and nothing shows it.
    expect(unhandled).toEqual([]);
    expect(h.changes.some((p) => p.state.status === 'paid')).toBe(false);
    expect(h.engine.get(payment.id)?.state.status).toBe('awaiting');
    expect(h.engine.active()?.state.status).toBe('awaiting');
    expect(h.engine.storeProblem()).toEqual({ summary: 'Journal: disk full', message: FULL });
    expect(h.storeProblems).toEqual([{ summary: 'Journal: disk full', message: FULL }]);

    // No new sale, no cancel that the journal could not record; the provider hears of neither.
    expect(await h.engine.charge(SGD_1234)).toEqual({ ok: false, error: { code: 'invalid_state', message: FULL } });
    const cancel = await h.engine.cancel(payment.id);
    expect(cancel.ok).toBe(false);
    expect(cancel.ok ? '' : cancel.error.message).toContain(FULL);
    expect(h.provider.creates).toHaveLength(1);
    expect(h.provider.cancels).toEqual([]);

    // Retried on a bounded schedule (1, 2, 4, then every 5 s), never polled again: the provider said paid.
    const attempts = state.attempts;
    const requests = h.provider.statusCalls.length;
    await h.clock.advance(30_000);
    expect(state.attempts - attempts).toBeGreaterThanOrEqual(5);
    expect(state.attempts - attempts).toBeLessThanOrEqual(8);
    expect(h.provider.statusCalls).toHaveLength(requests);
    expect(h.changes.some((p) => p.state.status === 'paid')).toBe(false);

    state.full = false;
    await h.clock.advance(5000);
    expect(saved.filter((p) => p.state.status === 'paid')).toHaveLength(1);
    expect(h.changes.filter((p) => p.state.status === 'paid')).toHaveLength(1);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid', paidAt: T0 + 1500 });
    expect(h.storeProblems.at(-1)).toBeNull();
    expect(h.unsaved).toEqual([]);
    await h.clock.advance(60_000);
    expect(saved.filter((p) => p.state.status === 'paid')).toHaveLength(1);

    // Back to normal: the next sale starts.
    expect(h.engine.dismiss(payment.id).ok).toBe(true);
    expect((await h.engine.charge(SGD_1234)).ok).toBe(true);
    expect(h.backgroundErrors).toEqual([]);
    expect(unhandled).toEqual([]);
    h.engine.stop();
  });

  it('a charge whose first save fails is refused with the sentence and never reaches the provider', async () => {
    const { store, state } = fillableStore();
    const h = harness({ store });
    state.full = true;
    expect(await h.engine.charge(SGD_1234)).toEqual({ ok: false, error: { code: 'invalid_state', message: FULL } });
    expect(h.provider.creates).toEqual([]);
    expect(h.engine.active()).toBeNull();
    expect(h.changes).toEqual([]);
    await h.clock.advance(60_000);
    // Nothing was kept to save later: that sale never started.
    expect(h.provider.creates).toEqual([]);
    state.full = false;
    const payment = await chargeOk(h.engine);
    expect(payment.state.status).toBe('awaiting');
    expect(h.engine.storeProblem()).toBeNull();
    expect(h.storeProblems).toEqual([{ summary: 'Journal: disk full', message: FULL }, null]);
    expect(unhandled).toEqual([]);
    h.engine.stop();
  });

  it('a store that throws something else is still a clear problem in words, and the change is kept', async () => {
    const inner = createMemoryStore();
    let broken = false;
    const store: PaymentStore = {
      save: (p) => {
        if (broken) throw new Error('database disk image is malformed');
        inner.save(p);
      },
      get: (id) => inner.get(id),
      unfinished: () => inner.unfinished(),
    };
    const h = harness({ store });
    const payment = await chargeOk(h.engine);
    broken = true;
    h.provider.onStatus = () => ok({ kind: 'paid', paidAt: T0 + 500 });
    await h.clock.advance(1000);
    expect(unhandled).toEqual([]);
    expect(h.engine.storeProblem()?.message).toBe(
      'Cannot save to the journal (database disk image is malformed). No new sale can start until it saves again; the sale on the counter is kept and saved as soon as it can be.',
    );
    expect(h.engine.get(payment.id)?.state.status).toBe('awaiting');
    broken = false;
    await h.clock.advance(1000);
    expect(h.engine.get(payment.id)?.state.status).toBe('paid');
    h.engine.stop();
  });

  it('a refund the store cannot record says it went through and is saved later; none starts while a change waits', async () => {
    const { store, state, saved } = fillableStore();
    store.save(storedPayment({ id: 'sale-1', state: { status: 'paid', paidAt: T0 - 1000 }, amount: { minor: 1234, currency: 'SGD' } }));
    const h = harness({ store });
    const refunds: number[] = [];
    Object.assign(h.provider, {
      refund: (_ref: string, amount: Money) => {
        refunds.push(amount.minor);
        return Promise.resolve(ok({ refundId: `rfnd_${refunds.length}`, amount, totalRefundedMinor: refunds.reduce((a, b) => a + b, 0) }));
      },
    } satisfies Partial<PaymentProvider>);
    state.full = true;
    const first = await h.engine.refund('sale-1', { minor: 500, currency: 'SGD' });
    expect(first).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: `${FULL} The refund went through at The test provider; it is saved as soon as the journal can write.` },
    });
    expect(h.engine.get('sale-1')?.refundedMinor).toBe(0);
    // While that change waits, no more money goes out.
    expect(await h.engine.refund('sale-1', { minor: 100, currency: 'SGD' })).toEqual({ ok: false, error: { code: 'invalid_state', message: FULL } });
    expect(refunds).toEqual([500]);
    state.full = false;
    await h.clock.advance(1000);
    expect(h.engine.get('sale-1')?.refundedMinor).toBe(500);
    expect(saved.filter((p) => p.refundedMinor === 500)).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });
});

describe('PaymentEngine: work nobody awaits', () => {
  it('a status check that throws is reported, not an unhandled rejection, and polling goes on', async () => {
    const h = harness();
    h.provider.onStatus = (_ref, n) => {
      if (n === 1) throw new Error('client bug');
      return ok({ kind: 'pending' });
    };
    await chargeOk(h.engine);
    await h.clock.advance(1000);
    expect(unhandled).toEqual([]);
    expect(h.backgroundErrors.map((e) => e.what)).toEqual(['status check']);
    await h.clock.advance(1000);
    expect(h.provider.statusCalls.map((c) => c.at - T0)).toEqual([1000, 2000]);
    h.engine.stop();
  });

  it('a resumed sale whose provider is gone is reported, not an unhandled rejection', async () => {
    const store = createMemoryStore();
    store.save(storedPayment({ id: 'old-creating', state: { status: 'creating' }, providerRef: null, qr: null, expiresAt: null }));
    const h = harness({ store, providers: 'none' });
    h.engine.resume();
    await h.clock.advance(0);
    expect(unhandled).toEqual([]);
    expect(h.backgroundErrors.map((e) => e.what)).toEqual(['resuming a sale']);
  });
});
