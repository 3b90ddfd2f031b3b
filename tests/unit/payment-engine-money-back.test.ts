import { describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../app/providers/provider';
import { err, ok } from '../../app/util/result';
import { chargeOk, harness, networkError, T0 } from '../support/engine-harness';

const part = (minor: number | null): ProviderStatus => ({ kind: 'partially_paid', received: minor === null ? null : { minor, currency: 'SGD' } });
const MEI = { id: 'mei', name: 'Mei' };
const ALI = { id: 'ali', name: 'Ali' };

/** A sale the provider reports partly paid, as the engine has seen it by a poll. */
async function partlyPaid(received: number | null) {
  const h = harness();
  h.provider.onStatus = () => ok(part(received));
  const payment = await chargeOk(h.engine);
  await h.clock.advance(1000);
  expect(h.engine.get(payment.id)?.state.status).toBe('partially_paid');
  return { h, id: payment.id };
}

describe('PaymentEngine: a sale that has money is cancelled only with the cashier\'s acknowledgement', () => {
  it('refuses a bare cancel on a partly paid sale with the question naming the amount, and asks the provider nothing', async () => {
    const { h, id } = await partlyPaid(1000);
    const result = await h.engine.cancel(id);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_state',
        message: 'SGD 10.00 of SGD 12.34 has arrived. Cancel the sale? The SGD 10.00 must be given back to the customer.',
        said: { area: 'refund', kind: 'cancel_with_money', asked: { minor: 1234, currency: 'SGD' }, received: { minor: 1000, currency: 'SGD' }, provider: 'The test provider' },
      },
    });
    expect(h.provider.cancels).toEqual([]);
    expect(h.engine.get(id)?.state).toEqual({ status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } });
  });

  it('says "amount not reported" when the provider did not say how much arrived', async () => {
    const { h, id } = await partlyPaid(null);
    const result = await h.engine.cancel(id);
    expect(!result.ok && result.error.message).toBe(
      'Part of SGD 12.34 has arrived (amount not reported by The test provider). Cancel the sale? The money received must be given back to the customer.',
    );
  });

  it('with the acknowledgement ends as cancelled_with_money with the amount received, never closing the request at the provider', async () => {
    const { h, id } = await partlyPaid(1000);
    const result = await h.engine.cancel(id, 'to_return');
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled_with_money', received: { minor: 1000, currency: 'SGD' } });
    expect(h.provider.cancels).toEqual([]);
    // Final: no longer followed.
    const asked = h.provider.statusCalls.length;
    await h.clock.advance(5000);
    expect(h.provider.statusCalls).toHaveLength(asked);
    expect(h.statuses()).not.toContain('cancelled');
  });

  it('keeps the received amount null when it was never reported', async () => {
    const { h, id } = await partlyPaid(null);
    const result = await h.engine.cancel(id, 'to_return');
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled_with_money', received: null });
  });

  it('takes the freshest amount the provider reports at the moment of the cancel', async () => {
    const { h, id } = await partlyPaid(600);
    h.provider.onStatus = () => ok(part(900));
    const result = await h.engine.cancel(id, 'to_return');
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled_with_money', received: { minor: 900, currency: 'SGD' } });
  });

  it('when the provider cannot be asked, ends with what was known', async () => {
    const { h, id } = await partlyPaid(600);
    h.provider.onStatus = () => err(networkError);
    const result = await h.engine.cancel(id, 'to_return');
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled_with_money', received: { minor: 600, currency: 'SGD' } });
  });

  it('when the rest arrived meanwhile, the sale is paid and not cancelled, and says so', async () => {
    const { h, id } = await partlyPaid(600);
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'paid', paidAt: T0 + 1500 });
    const result = await h.engine.cancel(id, 'to_return');
    expect(!result.ok && result.error.message).toBe('The rest arrived meanwhile: SGD 12.34 is paid in full, so the sale was not cancelled.');
    expect(h.engine.get(id)?.state).toEqual({ status: 'paid', paidAt: T0 + 1500 });
  });

  it('a partly paid request the provider closed since needs attention; its cancel too asks first, and ends with the money to return', async () => {
    const { h, id } = await partlyPaid(600);
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'expired' });
    await h.clock.advance(1000);
    expect(h.engine.get(id)?.state.status).toBe('needs_attention');
    const bare = await h.engine.cancel(id);
    expect(!bare.ok && bare.error.message).toMatch(/^Part of SGD 12\.34 has arrived \(amount not reported by The test provider\)\. Cancel the sale\?/);
    expect(h.provider.cancels).toEqual([]);
    const confirmed = await h.engine.cancel(id, 'to_return');
    expect(confirmed.ok && confirmed.value.state).toEqual({ status: 'cancelled_with_money', received: null });
  });

  it('a sale with no money cancels as before, the acknowledgement changing nothing', async () => {
    const h = harness();
    const payment = await chargeOk(h.engine);
    const result = await h.engine.cancel(payment.id, 'to_return');
    expect(result.ok && result.value.state).toEqual({ status: 'cancelled' });
    expect(h.provider.cancels).toHaveLength(1);
  });
});

describe('PaymentEngine: marking money returned', () => {
  it('sets who and when once; a second time is refused with a sentence naming them', async () => {
    const { h, id } = await partlyPaid(1000);
    await h.engine.cancel(id, 'to_return');
    await h.clock.advance(60_000);
    const first = h.engine.money.markReturned(id, MEI);
    expect(first.ok && first.value.state).toEqual({
      status: 'cancelled_with_money',
      received: { minor: 1000, currency: 'SGD' },
      returned: { at: h.clock.now(), by: MEI },
    });
    const at = h.clock.now();
    await h.clock.advance(60_000);
    const second = h.engine.money.markReturned(id, ALI);
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error.message).toMatch(/^The SGD 10\.00 received was already marked returned by Mei at \d\d:\d\d$/);
    const state = h.engine.get(id)?.state;
    expect(state?.status === 'cancelled_with_money' && state.returned).toEqual({ at, by: MEI });
  });

  it('is refused on any other sale', async () => {
    const { h, id } = await partlyPaid(1000);
    const result = h.engine.money.markReturned(id, null);
    expect(!result.ok && result.error.message).toBe(`Only a sale cancelled after money arrived can be marked returned; payment ${id} is partially paid`);
  });
});

describe('PaymentEngine: a late payment is kept or given back deliberately', () => {
  async function late() {
    const h = harness();
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'paid', paidAt: T0 + 700_000, late: true });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    return { h, id: payment.id };
  }

  it('keep: counts as paid, with who and when, once', async () => {
    const { h, id } = await late();
    const kept = h.engine.money.keepLate(id, MEI);
    expect(kept.ok && kept.value.state).toEqual({ status: 'paid', paidAt: T0 + 700_000, late: true, kept: { at: h.clock.now(), by: MEI } });
    const again = h.engine.money.keepLate(id, ALI);
    expect(!again.ok && again.error.message).toMatch(/^This late payment was already kept by Mei at \d\d:\d\d$/);
  });

  it('keep is refused on a payment that was not late', async () => {
    const h = harness();
    h.provider.onStatus = () => ok<ProviderStatus>({ kind: 'paid', paidAt: T0 + 500 });
    const payment = await chargeOk(h.engine);
    await h.clock.advance(1000);
    const result = h.engine.money.keepLate(payment.id, null);
    expect(!result.ok && result.error.message).toBe(`Only a payment that arrived after its request expired can be kept this way; payment ${payment.id} is paid`);
    expect(h.engine.get(payment.id)?.state).toEqual({ status: 'paid', paidAt: T0 + 500 });
  });

  it('refund where the provider takes none through the terminal: the whole amount is to be returned by hand', async () => {
    const { h, id } = await late();
    const part = await h.engine.refund(id, { minor: 500, currency: 'SGD' });
    expect(!part.ok && part.error.message).toBe('A late payment is given back whole: refund SGD 12.34');
    const whole = await h.engine.refund(id, { minor: 1234, currency: 'SGD' });
    expect(whole.ok && whole.value.state).toEqual({ status: 'cancelled_with_money', received: { minor: 1234, currency: 'SGD' } });
    // Once decided, it cannot be kept any more.
    expect(h.engine.money.keepLate(id, null).ok).toBe(false);
  });

  it('a late payment once kept is no longer given back as late', async () => {
    const { h, id } = await late();
    h.engine.money.keepLate(id, null);
    const result = await h.engine.refund(id, { minor: 1234, currency: 'SGD' });
    expect(!result.ok && result.error.message).toMatch(/does not take refunds through the terminal/);
  });
});
