import { describe, expect, it } from 'vitest';
import type { PaymentProvider } from '../../app/providers/provider';
import { createMemoryStore } from '../../app/engine/payment-store';
import { err, ok } from '../../app/util/result';
import { harness, storedPayment, T0 } from '../support/engine-harness';

/** A provider that takes refunds, recording each and keeping the running total as Opn does. */
function withRefunds(provider: PaymentProvider, calls: { ref: string; minor: number }[]): void {
  let total = 0;
  Object.assign(provider, {
    refund: (ref: string, amount: { minor: number; currency: 'SGD' }) => {
      calls.push({ ref, minor: amount.minor });
      total += amount.minor;
      return Promise.resolve(ok({ refundId: `rfnd_${calls.length}`, amount, totalRefundedMinor: total }));
    },
  });
}

const paidStore = () => {
  const store = createMemoryStore();
  store.save(storedPayment({ id: 'sale-1', state: { status: 'paid', paidAt: T0 - 1000 }, amount: { minor: 1234, currency: 'SGD' } }));
  return store;
};

describe('PaymentEngine: refund', () => {
  it('refunds in part, then the rest, and the payment ends refunded', async () => {
    const h = harness({ store: paidStore() });
    const calls: { ref: string; minor: number }[] = [];
    withRefunds(h.provider, calls);
    const first = await h.engine.refund('sale-1', { minor: 500, currency: 'SGD' });
    expect(first).toMatchObject({ ok: true, value: { refundedMinor: 500, state: { status: 'paid' } } });
    const rest = await h.engine.refund('sale-1', { minor: 734, currency: 'SGD' });
    expect(rest).toMatchObject({ ok: true, value: { refundedMinor: 1234, state: { status: 'refunded' } } });
    expect(calls).toEqual([
      { ref: 'prov-sale-1', minor: 500 },
      { ref: 'prov-sale-1', minor: 734 },
    ]);
  });

  it('refuses more than is left, naming what is left, without asking the provider', async () => {
    const h = harness({ store: paidStore() });
    const calls: { ref: string; minor: number }[] = [];
    withRefunds(h.provider, calls);
    await h.engine.refund('sale-1', { minor: 1000, currency: 'SGD' });
    const over = await h.engine.refund('sale-1', { minor: 300, currency: 'SGD' });
    expect(over).toEqual({ ok: false, error: {
        code: 'amount_rejected',
        message: 'At most SGD 2.34 can still be refunded on this payment',
        said: { area: 'refund', kind: 'at_most_left', left: { minor: 234, currency: 'SGD' } },
      },
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses another currency, an unpaid payment, and a provider without refunds', async () => {
    const store = paidStore();
    store.save(storedPayment({ id: 'sale-2', state: { status: 'awaiting' } }));
    const h = harness({ store });
    expect(await h.engine.refund('sale-1', { minor: 100, currency: 'MYR' })).toMatchObject({ ok: false, error: { code: 'amount_rejected' } });
    expect(await h.engine.refund('sale-2', { minor: 100, currency: 'SGD' })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'Only a paid payment can be refunded; this one is awaiting', said: { area: 'refund', kind: 'only_paid', status: 'awaiting' } },
    });
    expect(await h.engine.refund('sale-1', { minor: 100, currency: 'SGD' })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'Test QR does not take refunds through the terminal: no refunds in tests' },
    });
  });

  it('passes the provider\u2019s refusal through as the cashier\u2019s message, recording nothing', async () => {
    const h = harness({ store: paidStore() });
    Object.assign(h.provider, {
      refund: () => Promise.resolve(err({ kind: 'rejected', message: 'Atome refunds are possible only within 60 days', ambiguous: false })),
    });
    expect(await h.engine.refund('sale-1', { minor: 100, currency: 'SGD' })).toEqual({
      ok: false,
      error: { code: 'provider_error', message: 'Atome refunds are possible only within 60 days' },
    });
    expect(h.engine.get('sale-1')?.refundedMinor).toBe(0);
  });
});
