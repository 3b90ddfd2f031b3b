import { afterEach, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import type { PosRouteHandler } from '../../electron/service/pos-api/pos-api-service';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { TEST_DEMO_KEY } from '../support/in-process-terminal';

/* Where the events module plugs in (the event sink, an extra route), and the LAN bind waiting for TLS. */

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

  it('listens on nothing when asked for the LAN without TLS, and says why', async () => {
    const service = await terminal({ enabled: true, port: 0, bind: 'lan' });
    expect(service.posApi.url).toBeNull();
    expect(service.posApi.problem).toMatch(/"lan" needs TLS/);
  });

  it('is off by default', async () => {
    const service = await terminal({});
    expect(service.posApi.url).toBeNull();
    expect(service.posApi.problem).toBeNull();
  });
});
