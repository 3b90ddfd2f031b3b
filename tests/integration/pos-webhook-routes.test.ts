import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPosEventDatabase } from '../../electron/service/pos-api/events/event-database';
import { createEventLog } from '../../electron/service/pos-api/events/event-log';
import { createWebhookDispatcher, type WebhookDispatcher } from '../../electron/service/pos-api/webhooks/webhook-dispatcher';
import { createWebhookRouteHandler } from '../../electron/service/pos-api/webhooks/webhook-routes';
import { ManualClock, T0 } from '../support/engine-harness';

let db: Database.Database;
let dispatcher: WebhookDispatcher;
let server: Server;
let port: number;

beforeEach(async () => {
  db = openPosEventDatabase(':memory:');
  const clock = new ManualClock(T0);
  dispatcher = createWebhookDispatcher({ db, log: createEventLog(db, { clock }), clock });
  const handle = createWebhookRouteHandler(dispatcher);
  server = createServer((req, res) => handle(req, res, { id: String(req.headers['x-client'] ?? 'till-2') }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  db.close();
});

function call(method: string, body?: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/webhook', method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('PUT, GET, DELETE /v1/webhook', () => {
  it('registers a URL, shows the secret once, and reads back without it', async () => {
    const put = await call('PUT', JSON.stringify({ url: 'https://till.example/pos-events' }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ url: 'https://till.example/pos-events', secret: expect.stringMatching(/^whsec_/), lastDeliveredEventId: '0', failedAttempts: 0 });
    const got = await call('GET');
    expect(got.body).toEqual({ url: 'https://till.example/pos-events', created: new Date(T0).toISOString(), lastDeliveredEventId: '0', failedAttempts: 0, nextAttemptAt: null, lastError: null });
    const again = await call('PUT', JSON.stringify({ url: 'https://till.example/v2' }));
    expect(again.body?.secret).not.toBe(put.body?.secret);
    expect((await call('DELETE')).status).toBe(204);
    expect(await call('GET')).toMatchObject({ status: 404, body: { error: { code: 'no_webhook' } } });
    expect(await call('DELETE')).toMatchObject({ status: 404 });
  });

  it.each([
    ['a metadata address', JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data/' }), undefined, 422, 'invalid_webhook_url'],
    ['plain http to the LAN', JSON.stringify({ url: 'http://192.168.1.30/hook' }), undefined, 422, 'invalid_webhook_url'],
    ['malformed JSON', '{"url": ', undefined, 400, 'invalid_json'],
    ['an unknown field', JSON.stringify({ url: 'https://till.example/', secret: 'mine' }), undefined, 400, 'invalid_request'],
    ['a URL that is not a string', JSON.stringify({ url: ['https://till.example/'] }), undefined, 400, 'invalid_request'],
    ['a body over 4 KB', JSON.stringify({ url: `https://till.example/${'a'.repeat(5000)}` }), undefined, 413, 'body_too_large'],
    ['a form body', 'url=https://till.example/', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
  ])('refuses %s with a code and a sentence', async (_what, body, headers, status, code) => {
    const answer = await call('PUT', body, headers);
    expect(answer).toMatchObject({ status, body: { error: { code, message: expect.stringMatching(/\w+ \w+/) } } });
    expect(dispatcher.endpoint('till-2')).toBeNull();
  });

  it('refuses other methods', async () => {
    expect(await call('POST', '{}')).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
  });

  it('answers 503 with a sentence when the events file cannot be written or read', async () => {
    db.pragma('query_only = ON');
    expect(await call('PUT', JSON.stringify({ url: 'https://till.example/' }))).toMatchObject({ status: 503, body: { error: { code: 'webhook_unavailable' } } });
    db.pragma('query_only = OFF');
    const broken = db;
    db = openPosEventDatabase(':memory:');
    broken.close();
    expect(await call('GET')).toMatchObject({ status: 503, body: { error: { code: 'webhook_unavailable' } } });
    expect(await call('DELETE')).toMatchObject({ status: 503 });
  });
});
