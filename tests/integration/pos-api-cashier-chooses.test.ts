import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import type { PosOffer } from '../../app/pos-api/pos-offer';
import type { Payment } from '../../app/payment/payment';
import { bodyOf, startPosTerminal, type PosTerminal } from '../support/pos-terminal';

/*
 * "method": "cashier_chooses": the request is offered to the cashier when the counter is free; the
 * cashier picks the method (the sale starts as a keyed one) or declines it (the till reads cancelled).
 */

let t: PosTerminal;
let key: string;
const offers: (PosOffer | null)[] = [];
const ASK = { amount: { minor: 2500, currency: 'SGD' }, method: 'cashier_chooses', reference: 'CHOOSE-1' };

beforeAll(async () => {
  t = await startPosTerminal();
  key = (await t.key('Till 2', ['charge'])).key;
  t.service.subscribe((event, payload) => {
    if (event === 'posOffer') offers.push((payload as { offer: PosOffer | null }).offer);
  });
});
afterAll(() => t.close());

const read = async (id: string): Promise<Checkout> => (await (await t.call('GET', `/v1/checkouts/${id}`, { key })).json()) as Checkout;
const offerNow = async (): Promise<PosOffer | null> => {
  const answer = await t.service.dispatch('getPosOffer', {}, 'cashier');
  return answer.ok ? (answer.value as PosOffer | null) : null;
};
const onCounter = async (): Promise<Payment | null> => {
  const snapshot = await t.service.dispatch('getSnapshot', {}, 'cashier');
  return snapshot.ok ? (snapshot.value as { payment: Payment | null }).payment : null;
};

describe('a checkout the cashier chooses the method for', () => {
  it('is offered to the cashier, holds the counter, and starts with the method the cashier picks', async () => {
    const created = await t.call('POST', '/v1/checkouts', { key, idem: 'c-1', body: ASK });
    expect(created.status).toBe(202);
    const checkout = (await created.json()) as Checkout;
    expect(checkout).toMatchObject({ status: 'pending', method: 'cashier_chooses' });
    expect(await offerNow()).toEqual({ checkoutId: checkout.id, client: 'Till 2', amount: ASK.amount, reference: 'CHOOSE-1', description: null });
    expect(offers.at(-1)?.checkoutId).toBe(checkout.id);
    expect(await onCounter()).toBeNull();

    // While the cashier has not chosen, the counter is taken: another till's request is refused or queued.
    const busy = await t.call('POST', '/v1/checkouts', { key, idem: 'c-2', body: { ...ASK, method: 'demo' } });
    expect((await bodyOf(busy)).error?.code).toBe('terminal_busy');

    // A method that cannot take it leaves the offer standing, with the reason.
    const refused = await t.service.dispatch('takePosOffer', { checkoutId: checkout.id, method: 'promptpay' }, 'cashier');
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not accept SGD/) as unknown } });
    expect((await offerNow())?.checkoutId).toBe(checkout.id);

    expect(await t.service.dispatch('takePosOffer', { checkoutId: checkout.id, method: 'demo' }, 'cashier')).toEqual({ ok: true, value: null });
    expect(offers.at(-1)).toBeNull();
    const started = await read(checkout.id);
    expect(started).toMatchObject({ status: 'awaiting_customer', method: 'demo', provider: { name: 'The demo provider' } });
    const sale = await onCounter();
    expect(sale?.id).toBe(started.provider.paymentId);
    expect(sale?.operator?.name).toBe('Till 2');
    await t.simulate(sale?.id ?? '', 'paid');
    await expect.poll(async () => (await read(checkout.id)).status).toBe('paid');
  });

  it('reads cancelled when the cashier declines it, and the next request goes', async () => {
    const checkout = (await (await t.call('POST', '/v1/checkouts', { key, idem: 'd-1', body: { ...ASK, reference: 'CHOOSE-2' } })).json()) as Checkout;
    const next = (await (await t.call('POST', '/v1/checkouts', { key, idem: 'd-2', body: { ...ASK, method: 'demo', reference: 'NEXT', whenBusy: 'queue' } })).json()) as Checkout;
    expect(next).toMatchObject({ status: 'pending', queuePosition: 2 });
    expect(await t.service.dispatch('declinePosOffer', { checkoutId: checkout.id }, 'cashier')).toEqual({ ok: true, value: null });
    expect((await read(checkout.id)).status).toBe('cancelled');
    await expect.poll(async () => (await read(next.id)).status).toBe('awaiting_customer');
    await t.call('POST', `/v1/checkouts/${next.id}/cancel`, { key });
  });

  it('ends the offer when the till cancels first; the cashier is then told it is gone', async () => {
    const checkout = (await (await t.call('POST', '/v1/checkouts', { key, idem: 'e-1', body: { ...ASK, reference: 'CHOOSE-3' } })).json()) as Checkout;
    expect((await offerNow())?.checkoutId).toBe(checkout.id);
    expect(((await (await t.call('POST', `/v1/checkouts/${checkout.id}/cancel`, { key })).json()) as Checkout).status).toBe('cancelled');
    expect(await offerNow()).toBeNull();
    expect(offers.at(-1)).toBeNull();
    expect(await t.service.dispatch('takePosOffer', { checkoutId: checkout.id, method: 'demo' }, 'cashier')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await onCounter()).toMatchObject({ state: { status: 'cancelled' } });
  });

  it('is refused when no method here takes the amount', async () => {
    const refused = await t.call('POST', '/v1/checkouts', { key, idem: 'f-1', body: { ...ASK, amount: { minor: 100, currency: 'JPY' } } });
    expect(refused.status).toBe(422);
    expect((await bodyOf(refused)).error?.code).toBe('no_method_accepts');
  });
});
