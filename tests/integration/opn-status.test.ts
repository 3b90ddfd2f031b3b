import { describe, expect, it } from 'vitest';
import { opnChargeSchema } from '../../app/providers/opn/opn-api';
import { OPN_METHOD_ID, opnMethodInfo } from '../../app/providers/opn/opn-method';
import { mapOpnStatus } from '../../app/providers/opn/opn-status';
import { parseOpnWebhook } from '../../app/providers/opn/opn-webhook';
import { assertNoSecret, failure, kindOnly, messages, saleRequest, statusOnly, useOpnRig, value } from '../support/opn-rig';

const rig = useOpnRig();

describe('Opn Atome QR: status', () => {
  it('maps pending, successful and every failure code', async () => {
    const { sim, client } = rig();
    const pending = value(await client.create(saleRequest(sim.now())));
    expect(statusOnly(await client.status(pending.providerRef))).toEqual({ kind: 'pending' });

    const settled = sim.settle(pending.providerRef, 'paid');
    expect(settled.ok).toBe(true);
    const paidAt = Date.parse(sim.charges()[0]!.paid_at!);
    // Opn's word on refunds travels with the payment: a refund is offered only while the charge says yes.
    expect(statusOnly(await client.status(pending.providerRef))).toEqual({ kind: 'paid', paidAt, refundable: true });
    // Each status says what the charge is for, so the engine can refuse an answer for another amount.
    expect(value(await client.status(pending.providerRef)).requested).toEqual({ minor: 1234, currency: 'SGD' });

    const sentences = {
      payment_expired: 'The QR code expired before the customer paid.',
      payment_rejected: 'Atome rejected the payment.',
      failed_processing: 'Atome could not process the payment; ask the customer to try again.',
    } as const;
    for (const [code, message] of Object.entries(sentences)) {
      const created = value(await client.create(saleRequest(sim.now())));
      expect(sim.simulate(created.providerRef, 'failed', code)).toEqual({ ok: true, value: undefined });
      expect(statusOnly(await client.status(created.providerRef))).toEqual({
        kind: 'failed',
        failure: { code, message, said: { area: 'payment', kind: 'opn_failure', code, method: 'atome' } },
      });
    }
    expect(sim.charges().filter((c) => c.status === 'failed').map((c) => c.failure_message)).toEqual([
      'Payment expired.',
      'Payment rejected by issuer.',
      'General payment processing failure.',
    ]);
  });

  it('a failed charge defaults to payment_rejected; other outcomes and codes are refused', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    expect(sim.simulate(created.providerRef, 'partial').ok).toBe(false);
    expect(sim.simulate(created.providerRef, 'failed', 'Stolen card!').ok).toBe(false);
    expect(sim.simulate(created.providerRef, 'failed')).toEqual({ ok: true, value: undefined });
    expect(statusOnly(await client.status(created.providerRef))).toMatchObject({ kind: 'failed', failure: { code: 'payment_rejected' } });
    expect(sim.simulate(created.providerRef, 'paid').ok).toBe(false);
  });

  it('expires by itself once expires_at passes', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now(), 1234, 'SGD', 60_000)));
    // Opn's times are whole seconds, so the expiry lands up to a second before the asked 60 s.
    sim.advanceTime(55_000);
    expect(statusOnly(await client.status(created.providerRef))).toEqual({ kind: 'pending' });
    sim.advanceTime(6_000);
    expect(statusOnly(await client.status(created.providerRef))).toEqual({ kind: 'expired' });
    expect(sim.charges()[0]).toMatchObject({ status: 'expired', expired: true, failure_code: 'payment_expired', expired_at: sim.charges()[0]!.expires_at });
  });

  it('control endpoints pay, fail and expire a charge, and move the clock', async () => {
    const { sim, client } = rig();
    const control = (path: string, body?: unknown) =>
      fetch(`${sim.baseUrl}/__control/${path}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const [a, b, c, d] = [
      value(await client.create(saleRequest(sim.now()))),
      value(await client.create(saleRequest(sim.now()))),
      value(await client.create(saleRequest(sim.now()))),
      value(await client.create(saleRequest(sim.now(), 1234, 'SGD', 120_000))),
    ];
    expect((await control(`charges/${a.providerRef}/paid`)).status).toBe(200);
    expect((await control(`charges/${b.providerRef}/failed?failure_code=failed_processing`)).status).toBe(200);
    expect((await control(`charges/${c.providerRef}/expired`)).status).toBe(200);
    expect((await control(`charges/${c.providerRef}/paid`)).status).toBe(409);
    expect((await control(`charges/${b.providerRef}/failed?failure_code=${encodeURIComponent('<b>nope</b>')}`)).status).toBe(400);
    expect((await control('time', { advanceMs: 121_000 })).status).toBe(200);
    expect((await control('time', { advanceMs: -1 })).status).toBe(400);
    const statuses = await Promise.all([a, b, c, d].map(async (x) => statusOnly(await client.status(x.providerRef)).kind));
    expect(statuses).toEqual(['paid', 'failed', 'expired', 'expired']);
  });

  it('maps any other status to unknown, and unlisted failure codes to a sentence naming them', async () => {
    const { sim, client } = rig();
    value(await client.create(saleRequest(sim.now())));
    const charge = opnChargeSchema.parse(sim.charges()[0]);
    expect(kindOnly(mapOpnStatus({ ...charge, status: 'reversed' }))).toEqual({ kind: 'unknown', raw: 'reversed' });
    expect(kindOnly(mapOpnStatus({ ...charge, status: '' }))).toEqual({ kind: 'unknown', raw: '' });
    expect(kindOnly(mapOpnStatus({ ...charge, status: 'failed', failure_code: 'card_declined' }))).toEqual({
      kind: 'failed',
      failure: {
        code: 'card_declined',
        message: 'Atome did not complete the payment (card_declined).',
        said: { area: 'payment', kind: 'unknown_failure_code', code: 'card_declined', method: 'atome' },
      },
    });
    expect(kindOnly(mapOpnStatus({ ...charge, status: 'failed', failure_code: 'constructor' }))).toMatchObject({ failure: { message: 'Atome did not complete the payment (constructor).' } });
  });
});

describe('Opn Atome QR: cancelling with the Expire API', () => {
  it('expires a pending charge', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    expect(statusOnly(await client.cancel(created.providerRef))).toEqual({ kind: 'expired' });
    expect(sim.requests().filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/charges', `/charges/${created.providerRef}/expire`]);
    expect(sim.charges()[0]).toMatchObject({ status: 'expired', expired: true });
  });

  it('reports what a charge became when it can no longer be expired: paid after all', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    sim.settle(created.providerRef, 'paid');
    expect(statusOnly(await client.cancel(created.providerRef))).toMatchObject({ kind: 'paid' });
    expect(sim.charges()[0]!.status).toBe('successful');
  });
});

describe('Opn Atome QR: listing charges', () => {
  it('passes from, to, limit, offset and order, and reads Opn list pages', async () => {
    const { sim, client } = rig();
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) refs.push(value(await client.create(saleRequest(sim.now()))).providerRef);
    const from = sim.now() - 60_000;
    const to = sim.now() + 60_000;
    const first = value(await client.listCharges({ from, to, limit: 2, offset: 0, order: 'reverse_chronological' }));
    expect(first).toMatchObject({ object: 'list', limit: 2, offset: 0, total: 3, order: 'reverse_chronological' });
    expect(first.data.map((c) => c.id)).toEqual([refs[2], refs[1]]);
    const second = value(await client.listCharges({ from, to, limit: 2, offset: 2, order: 'reverse_chronological' }));
    expect(second.data.map((c) => c.id)).toEqual([refs[0]]);
    const oldest = value(await client.listCharges({ order: 'chronological', limit: 1 }));
    expect(oldest.data.map((c) => c.id)).toEqual([refs[0]]);
    expect(value(await client.listCharges({ from: sim.now() + 3600_000 })).data).toEqual([]);

    const listed = sim.requests().find((r) => r.path === '/charges' && r.method === 'GET');
    expect(listed?.query).toEqual({
      from: new Date(Math.floor(from / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      to: new Date(Math.floor(to / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      limit: '2',
      offset: '0',
      order: 'reverse_chronological',
    });
  });

  it('a filter Opn refuses is a rejected error', async () => {
    const { client } = rig();
    expect(failure(await client.listCharges({ limit: 0 }))).toMatchObject({ kind: 'rejected', ambiguous: false });
  });
});

describe('Opn Atome QR: the method and webhooks', () => {
  it('describes Atome, with demo controls only when simulated', () => {
    const { client } = rig();
    expect(client.method).toEqual(opnMethodInfo(true));
    expect(client.method).toMatchObject({ id: OPN_METHOD_ID, label: 'Atome (simulated)', instruction: 'Scan with the Atome app', currencies: ['SGD', 'MYR'], simulated: true });
    expect(client.method.simulator?.outcomes).toEqual(['paid', 'failed', 'expired']);
    expect(client.method.simulator?.failureCodes.map((f) => f.code)).toEqual(['payment_expired', 'payment_rejected', 'failed_processing']);
    expect(client.method.refunds).toMatchObject({ supported: true, rule: 'Full or partial refunds within 60 days of the payment' });
    expect(opnMethodInfo(false)).toMatchObject({ label: 'Atome', simulated: false, simulator: null });
  });

  it('reads the charge id of a charge.complete event and nothing else', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    const charge = sim.charges()[0]!;
    const event = { object: 'event', id: 'evnt_test_1', key: 'charge.complete', created_at: charge.created_at, data: charge };
    expect(parseOpnWebhook(JSON.parse(JSON.stringify(event)))).toBe(created.providerRef);
    expect(parseOpnWebhook({ ...event, key: 'charge.create' })).toBeNull();
    expect(parseOpnWebhook({ ...event, data: { object: 'refund', id: 'rfnd_test_1' } })).toBeNull();
    expect(parseOpnWebhook({ ...event, data: { object: 'charge', id: '../../etc' } })).toBeNull();
    expect(parseOpnWebhook({ object: 'event', key: 'charge.complete' })).toBeNull();
    expect(parseOpnWebhook(null)).toBeNull();
    expect(parseOpnWebhook('chrg_test_1')).toBeNull();
  });
});

describe('Opn Atome QR: secret hygiene', () => {
  it('no message produced in this file contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(0);
    assertNoSecret();
  });
});
