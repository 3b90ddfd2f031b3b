import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../app/engine/payment-store';
import { providerRefusesRefund } from '../../app/payment/refund-offer';
import { transition } from '../../app/payment/transition';
import { ok } from '../../app/util/result';
import { harness, storedPayment, T0 } from '../support/engine-harness';

/** The provider's own word on refunds (Opn's charge `refundable`) decides; the engine never tries against it. */
describe('PaymentEngine: a refund the provider said no to', () => {
  const store = () => {
    const s = createMemoryStore();
    s.save(storedPayment({ id: 'said-no', state: { status: 'paid', paidAt: T0 - 1000, refundable: false }, amount: { minor: 2000, currency: 'SGD' } }));
    s.save(storedPayment({ id: 'said-yes', state: { status: 'paid', paidAt: T0 - 1000, refundable: true }, amount: { minor: 2000, currency: 'SGD' } }));
    s.save(storedPayment({ id: 'said-nothing', state: { status: 'paid', paidAt: T0 - 1000 }, amount: { minor: 2000, currency: 'SGD' } }));
    return s;
  };

  it('is refused with the provider named, and the provider is never asked', async () => {
    const h = harness({ store: store() });
    const calls: string[] = [];
    Object.assign(h.provider, { refund: (ref: string, amount: { minor: number; currency: 'SGD' }) => (calls.push(ref), Promise.resolve(ok({ refundId: 'r1', amount, totalRefundedMinor: amount.minor }))) });
    expect(await h.engine.refund('said-no', { minor: 500, currency: 'SGD' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_state',
        message: 'The test provider says this payment cannot be refunded, so the terminal does not offer a refund: give the money back another way, such as a bank transfer',
        said: { area: 'refund', kind: 'provider_says_no', provider: 'The test provider' },
      },
    });
    expect(calls).toEqual([]);
    expect(await h.engine.refund('said-yes', { minor: 500, currency: 'SGD' })).toMatchObject({ ok: true });
    expect(await h.engine.refund('said-nothing', { minor: 500, currency: 'SGD' })).toMatchObject({ ok: true });
    expect(calls).toEqual(['prov-said-yes', 'prov-said-nothing']);
  });

  it('the paid state keeps what the provider said, through a partial refund', () => {
    const awaiting = storedPayment({ id: 'p', state: { status: 'awaiting' }, amount: { minor: 2000, currency: 'SGD' } });
    const paid = transition(awaiting, { type: 'provider_status', status: { kind: 'paid', paidAt: T0, refundable: false } }, T0);
    expect(paid.state).toEqual({ status: 'paid', paidAt: T0, refundable: false });
    const unsaid = transition(awaiting, { type: 'provider_status', status: { kind: 'paid', paidAt: T0 } }, T0);
    expect(unsaid.state).toEqual({ status: 'paid', paidAt: T0 });
    const yes = transition(awaiting, { type: 'provider_status', status: { kind: 'paid', paidAt: T0, refundable: true } }, T0);
    expect(transition(yes, { type: 'refund_recorded', totalRefundedMinor: 500 }, T0).state).toEqual({ status: 'paid', paidAt: T0, refundable: true });
  });

  it('the screens get the same sentence, and none for a payment the provider did not refuse', () => {
    const method = { provider: 'PromptPay' };
    expect(providerRefusesRefund({ state: { status: 'paid', paidAt: T0, refundable: false } }, method)?.message).toMatch(/^PromptPay says this payment cannot be refunded/);
    expect(providerRefusesRefund({ state: { status: 'paid', paidAt: T0, refundable: true } }, method)).toBeNull();
    expect(providerRefusesRefund({ state: { status: 'paid', paidAt: T0 } }, method)).toBeNull();
    expect(providerRefusesRefund({ state: { status: 'refunded' } }, method)).toBeNull();
  });
});
