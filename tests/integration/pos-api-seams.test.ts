import { afterEach, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import type { PosRouteHandler } from '../../electron/service/pos-api/pos-api-service';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { TEST_DEMO_KEY } from '../support/in-process-terminal';
import { startPosTerminal } from '../support/pos-terminal';

/* Where the events module plugs in (the event sink, an extra route), and the LAN bind that needs its certificate. */

const started: TerminalService[] = [];
afterEach(async () => {
  for (const service of started.splice(0)) await service.close();
});

async function terminal(posApi: Record<string, unknown>, plugins: Parameters<typeof createTerminalService>[0]['posApi'] = {}): Promise<TerminalService> {
  const service = await createTerminalService({ settings: settingsSchema.parse({ posApi }), log: createLogger(() => undefined), demoApiKey: TEST_DEMO_KEY, posApi: plugins });
  started.push(service);
  return service;
}

describe('the POS API seams', () => {
  it('publishes each change of a checkout to the event sink, and serves a mounted route behind the same keys', async () => {
    const events: Checkout[] = [];
    const seen: string[] = [];
    const events$: PosRouteHandler = (_req, res, { client }) => {
      seen.push(client.name);
      res.writeHead(200, { 'content-type': 'text/event-stream' }).end(': ok\n\n');
    };
    const service = await terminal({ enabled: true, port: 0 }, { sink: { publish: (type, data) => type === 'checkout.updated' && events.push(data) }, extraRoutes: new Map([['/v1/events', events$]]) });
    const made = await service.dispatch('createPosClient', { name: 'Till 2', scopes: ['charge'] }, 'cashier');
    const key = made.ok ? (made.value as { key: string }).key : '';
    const url = service.posApi.url ?? '';
    const created = (await (
      await fetch(`${url}/v1/checkouts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': 's-1', 'content-type': 'application/json' },
        body: JSON.stringify({ amount: { minor: 100, currency: 'SGD' }, method: 'demo', reference: 'S-1' }),
      })
    ).json()) as Checkout;
    expect(events.map((e) => e.status)).toContain('awaiting_customer');
    await service.dispatch('demoSimulate', { paymentId: created.provider.paymentId, outcome: 'paid' }, 'cashier');
    await expect.poll(() => events.at(-1)?.status).toBe('paid');
    expect(new Set(events.map((e) => e.id))).toEqual(new Set([created.id]));

    expect((await fetch(`${url}/v1/events`)).status).toBe(401);
    const stream = await fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${key}` } });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(seen).toEqual(['Till 2']);
  });

  it('publishes a checkout only when it changed: reading it again and again adds no event', async () => {
    const events: Checkout[] = [];
    const service = await terminal({ enabled: true, port: 0 }, { sink: { publish: (type, data) => type === 'checkout.updated' && events.push(data) } });
    const made = await service.dispatch('createPosClient', { name: 'Till 3', scopes: ['charge'] }, 'cashier');
    const key = made.ok ? (made.value as { key: string }).key : '';
    const url = service.posApi.url ?? '';
    const headers = { authorization: `Bearer ${key}` };
    const created = (await (
      await fetch(`${url}/v1/checkouts`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': 's-2', 'content-type': 'application/json' },
        body: JSON.stringify({ amount: { minor: 100, currency: 'SGD' }, method: 'demo', reference: 'S-2' }),
      })
    ).json()) as Checkout;
    const afterCreate = events.length;
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${url}/v1/checkouts/${created.id}`, { headers })).status).toBe(200);
    expect((await fetch(`${url}/v1/checkouts`, { headers })).status).toBe(200);
    expect(events).toHaveLength(afterCreate);
    await service.dispatch('demoSimulate', { paymentId: created.provider.paymentId, outcome: 'paid' }, 'cashier');
    await expect.poll(() => events.at(-1)?.status).toBe('paid');
    const afterPaid = events.length;
    for (let i = 0; i < 5; i += 1) await fetch(`${url}/v1/checkouts/${created.id}`, { headers });
    expect(events).toHaveLength(afterPaid);
  });

  it('listens on nothing when asked for the LAN without a data folder to keep its certificate in, and says why', async () => {
    const service = await terminal({ enabled: true, port: 0, bind: 'lan', address: '127.0.0.1' });
    expect(service.posApi.url).toBeNull();
    expect(service.posApi.problem).toMatch(/only over TLS, with a certificate kept in the data folder/);
  });

  it('is off by default', async () => {
    const service = await terminal({});
    expect(service.posApi.url).toBeNull();
    expect(service.posApi.problem).toBeNull();
  });
});

describe('a parked checkout', () => {
  it('follows its sale in the background: a till listing paid checkouts sees it once paid, without reading it first', async () => {
    const t = await startPosTerminal({ payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 } });
    try {
      const { key } = await t.key('Till 2', ['charge']);
      const made = (await (await t.call('POST', '/v1/checkouts', { key, idem: 'p-1', body: { amount: { minor: 800, currency: 'SGD' }, method: 'demo', reference: 'PARK-1' } })).json()) as Checkout;
      const paymentId = made.provider.paymentId ?? '';
      const demo = t.service.simulators.get('demo');
      const outage = demo?.faults.startOutage({ fault: { kind: 'status', status: 503 }, method: 'GET' });
      // The provider stops answering: a notice stands, so the cashier may park the sale and take the next.
      await expect
        .poll(async () => {
          const snapshot = await t.service.dispatch('getSnapshot', {}, 'cashier');
          return snapshot.ok ? (snapshot.value as { payment: { notice: string | null } | null }).payment?.notice ?? null : null;
        })
        .not.toBeNull();
      expect(await t.service.dispatch('park', { paymentId }, 'cashier')).toMatchObject({ ok: true });
      outage?.end();
      await t.simulate(paymentId, 'paid');
      const paidIds = async () => ((await (await t.call('GET', '/v1/checkouts?status=paid', { key })).json()) as { checkouts: Checkout[] }).checkouts.map((c) => c.id);
      await expect.poll(paidIds).toContain(made.id);
    } finally {
      await t.close();
    }
  });
});
