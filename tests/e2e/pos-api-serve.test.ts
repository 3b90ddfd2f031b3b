import { connect as tlsConnect } from 'node:tls';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { startServe, type ServeProcess } from '../support/serve-process';
import { connect } from '../support/ws-client';

/*
 * The walkthrough of docs/pos-api.md against the real headless host (`npm run serve`'s entry point):
 * on from the settings file, its address in the banner, a key made over the cashier's API, then the
 * till's create, read and cancel.
 */

const folders: string[] = [];
const running: ServeProcess[] = [];
afterAll(async () => {
  for (const serve of running) await serve.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function serveWith(settings: unknown): Promise<ServeProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'pos-serve-'));
  folders.push(folder);
  const config = join(folder, 'settings.json');
  writeFileSync(config, JSON.stringify(settings));
  const serve = await startServe(['--config', config]);
  running.push(serve);
  return serve;
}

describe('the POS API in the headless host', () => {
  it('is announced in the banner and runs create, read and cancel for a till with a key', async () => {
    const serve = await serveWith({ posApi: { enabled: true, port: 0 } });
    const api = /^POS API: (http:\/\/127\.0\.0\.1:\d+)\/v1\/ /m.exec(serve.stdout())?.[1];
    expect(api).toBeDefined();
    expect((await fetch(`${api}/v1/openapi.json`)).status).toBe(200);
    expect((await fetch(`${api}/v1/checkouts`)).status).toBe(401);

    const cashierUrl = new URL(serve.cashierUrl);
    const cashier = await connect(`ws://${cashierUrl.host}/api?token=${cashierUrl.searchParams.get('token') ?? ''}`);
    const answer = await cashier.command('createPosClient', { name: 'Till 2', scopes: ['charge'] });
    cashier.close();
    if (answer.type !== 'result' || !answer.result.ok) throw new Error(`no key: ${JSON.stringify(answer)}`);
    const auth = { authorization: `Bearer ${(answer.result.value as { key: string }).key}` };

    const created = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': 'walkthrough-1', 'content-type': 'application/json' },
      body: JSON.stringify({ amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'TABLE-4' }),
    });
    expect(created.status).toBe(201);
    const checkout = (await created.json()) as Checkout;
    expect(checkout).toMatchObject({ status: 'awaiting_customer', client: 'Till 2', reference: 'TABLE-4' });
    expect(((await (await fetch(`${api}/v1/checkouts/${checkout.id}`, { headers: auth })).json()) as Checkout).id).toBe(checkout.id);
    const cancelled = await fetch(`${api}/v1/checkouts/${checkout.id}/cancel`, { method: 'POST', headers: auth });
    expect(((await cancelled.json()) as Checkout).status).toBe('cancelled');
  });

  it('listens on the LAN only over https, with the certificate it keeps in the data folder', async () => {
    const serve = await serveWith({ posApi: { enabled: true, port: 0, bind: 'lan', address: '127.0.0.1' } });
    const api = /^POS API: (https:\/\/127\.0\.0\.1:\d+)\/v1\/ /m.exec(serve.stdout())?.[1];
    expect(api).toBeDefined();
    // The banner gives the fingerprint a till pins, and it is the certificate the port presents.
    const shown = /SHA-256 fingerprint ([0-9A-F:]{95})\)/.exec(serve.stdout())?.[1];
    const presented = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: Number(new URL(api ?? '').port), rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate().fingerprint256);
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(shown).toBe(presented);
    await expect(fetch(`${api?.replace('https:', 'http:') ?? ''}/v1/openapi.json`)).rejects.toThrow();
  });
});
