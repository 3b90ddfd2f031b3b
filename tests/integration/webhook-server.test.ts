import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/service/logging/logger';
import { startWebhookServer, type WebhookServer } from '../../electron/service/webhooks/webhook-server';

let server: WebhookServer;
const hints: string[] = [];

beforeAll(async () => {
  server = await startWebhookServer({
    host: '127.0.0.1',
    port: 0,
    routes: [{ path: '/callbacks/test', parse: (body) => (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' ? body.id : null) }],
    onPaymentHint: (ref) => {
      hints.push(ref);
      return ref === 'known';
    },
    log: createLogger(() => undefined),
  });
});

afterAll(() => server.close());

const post = (path: string, body: string) => fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('the webhook and callback receiver', () => {
  it('turns a callback into a hint to check that payment now, and nothing more', async () => {
    const response = await post('/callbacks/test', JSON.stringify({ id: 'known', status: 'DONE' }));
    expect(response.status).toBe(200);
    expect(hints).toEqual(['known']);
  });

  it('acknowledges a callback for a payment it does not know, without acting on it', async () => {
    expect((await post('/callbacks/test', JSON.stringify({ id: 'stranger' }))).status).toBe(200);
    expect(hints).toEqual(['known', 'stranger']);
  });

  it('rejects bodies that are not JSON or name no payment, and unknown paths', async () => {
    expect((await post('/callbacks/test', 'id=known')).status).toBe(400);
    expect((await post('/callbacks/test', JSON.stringify({ nope: 1 }))).status).toBe(400);
    expect((await post('/elsewhere', '{}')).status).toBe(404);
    expect((await fetch(`${server.url}/callbacks/test`)).status).toBe(405);
    expect(hints).toHaveLength(2);
  });
});
