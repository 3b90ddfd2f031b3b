import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../app/providers/provider';
import { expectWordedAsSaid } from '../support/said-check';
import { assertNoSecret, clientFor, failure, messages, paidCharge, saleRequest, statusOnly, useOpnRig, value } from '../support/opn-rig';

/** A refund's refusal as the screen is told it: its sentence and its refund `Said`. */
const refundTold = (error: ProviderError) => ({ message: error.message, said: error.refundSaid });

const rig = useOpnRig();
const DAY = 24 * 60 * 60 * 1000;
const sgd = (minor: number) => ({ minor, currency: 'SGD' as const });

describe('Opn Atome QR refunds', () => {
  it('refunds in part, then the rest, with the running total from the charge', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);

    const first = value(await r.client.refund!(id, sgd(500), paidAt));
    expect(first).toMatchObject({ amount: sgd(500), totalRefundedMinor: 500 });
    expect(first.refundId).toMatch(/^rfnd_test_/);
    expect(statusOnly(await r.client.status(id))).toEqual({ kind: 'refunded', full: false, refundedMinor: 500 });

    const rest = value(await r.client.refund!(id, sgd(734), paidAt));
    expect(rest).toMatchObject({ amount: sgd(734), totalRefundedMinor: 1234 });
    expect(statusOnly(await r.client.status(id))).toEqual({ kind: 'refunded', full: true, refundedMinor: 1234 });

    const charge = r.sim.charges()[0]!;
    expect(charge).toMatchObject({ refunded_amount: 1234, refundable: false, status: 'successful' });
    expect(charge.refunds.total).toBe(2);
    expect(charge.refunds.data.map((x) => [x.id, x.amount, x.charge])).toEqual([
      [first.refundId, 500, id],
      [rest.refundId, 734, id],
    ]);
    const posted = r.sim.requests().filter((x) => x.path === `/charges/${id}/refunds`);
    expect(posted.map((x) => x.form)).toEqual([{ amount: '500' }, { amount: '734' }]);
  });

  it('refuses more than is left to refund, in Opn\u2019s words', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);
    value(await r.client.refund!(id, sgd(1000), paidAt));
    const error = failure(await r.client.refund!(id, sgd(500), paidAt));
    expect(error).toMatchObject({ kind: 'rejected', message: 'Opn rejected the refund: refund failed: amount exceeds the 234 left to refund', ambiguous: false });
    // Opn's own words stay a value inside the cashier's sentence, in whichever language the screen speaks.
    expect(error.said).toMatchObject({ area: 'payment', detail: 'refund failed: amount exceeds the 234 left to refund' });
    expectWordedAsSaid({ message: error.message, said: error.said });
    expect(r.sim.charges()[0]!.refunded_amount).toBe(1000);
  });

  it('refuses to refund a charge that was never paid', async () => {
    const r = rig();
    const created = value(await r.client.create(saleRequest(r.sim.now())));
    const error = failure(await r.client.refund!(created.providerRef, sgd(100), r.sim.now()));
    // The charge says so itself: no refund is asked of Opn for a charge that is not paid.
    expect(error).toEqual({
      kind: 'rejected',
      message: 'Only a paid Atome payment can be refunded; Opn says this one is pending',
      ambiguous: false,
      refundSaid: { area: 'refund', kind: 'opn_not_paid', provider: 'Atome', status: 'pending' },
    });
    expectWordedAsSaid(refundTold(error));
    expect(r.sim.requests().filter((q) => q.path.endsWith('/refunds'))).toEqual([]);
  });

  it('refuses a refund in another currency without asking Opn', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);
    const error = failure(await r.client.refund!(id, { minor: 100, currency: 'MYR' }, paidAt));
    expect(error).toEqual({
      kind: 'rejected',
      message: 'Refund in SGD, the currency of the payment',
      ambiguous: false,
      refundSaid: { area: 'refund', kind: 'refund_currency', currency: 'SGD' },
    });
    expectWordedAsSaid(refundTold(error));
    const zero = failure(await r.client.refund!(id, sgd(0), paidAt));
    expect(zero).toMatchObject({ kind: 'rejected', refundSaid: { area: 'refund', kind: 'more_than_zero' } });
    expectWordedAsSaid(refundTold(zero));
    expect(r.sim.requests().some((x) => x.path.endsWith('/refunds'))).toBe(false);
  });

  it('still refunds on day 59', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);
    r.sim.advanceTime(59 * DAY);
    expect(value(await r.client.refund!(id, sgd(1234), paidAt)).totalRefundedMinor).toBe(1234);
  });

  it('refuses after 60 days locally, naming the payment date, with no request', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);
    r.sim.advanceTime(61 * DAY);
    const before = r.sim.requests().length;
    const error = failure(await r.client.refund!(id, sgd(100), paidAt));
    const date = new Intl.DateTimeFormat('en-SG', { day: 'numeric', month: 'long', year: 'numeric' }).format(paidAt);
    expect(error).toEqual({
      kind: 'rejected',
      message: `Atome refunds are possible only within 60 days of the payment; this one was paid on ${date}`,
      ambiguous: false,
      refundSaid: { area: 'refund', kind: 'window_passed', provider: 'Atome', days: 60, paidAt },
    });
    expectWordedAsSaid(refundTold(error));
    expect(r.sim.requests()).toHaveLength(before);
  });

  it('the simulator enforces the 60 days too, for a client whose clock disagrees', async () => {
    const r = rig();
    const { id, paidAt } = await paidCharge(r, 1234);
    r.sim.advanceTime(61 * DAY);
    // This client's clock says a day after the payment, so its own check passes and Opn has the last word:
    // the charge itself says it can no longer be refunded, so no refund is even asked for.
    const lagging = clientFor(r.sim, { now: () => paidAt + DAY });
    const error = failure(await lagging.refund!(id, sgd(100), paidAt));
    expect(error).toEqual({
      kind: 'rejected',
      message: 'Opn says this Atome payment cannot be refunded now, so the terminal did not ask: give the money back another way, such as a bank transfer',
      ambiguous: false,
      refundSaid: { area: 'refund', kind: 'opn_not_refundable', provider: 'Atome' },
    });
    expectWordedAsSaid(refundTold(error));
    expect(r.sim.requests().filter((q) => q.method === 'POST' && q.path.endsWith('/refunds'))).toEqual([]);
    expect(r.sim.charges()[0]!.refunded_amount).toBe(0);
  });

  it('no message produced in this file contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(3);
    assertNoSecret();
  });
});
