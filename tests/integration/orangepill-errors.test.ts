import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderError } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { ORANGEPILL_KEY, sale, startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';
import { expectWordedAsSaid } from '../support/said-check';

let rig: OrangepillRig;
const errors: ProviderError[] = [];

beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

function failed<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error('expected a failure');
  errors.push(result.error);
  return result.error;
}

async function open(): Promise<string> {
  const created = await rig.client.create(sale({ minor: 1500, currency: 'SGD' }));
  if (!created.ok) throw new Error(created.error.message);
  return created.value.providerRef;
}

describe('Orangepill errors, as the cashier reads them', () => {
  it('a wrong API key (401)', async () => {
    const client = rig.clientWith({ apiKey: 'AXVubzpwQDU1dzByYM==-WRONG-key' });
    const message = "Orangepill refused the terminal's API key \u2014 check it in settings";
    const refused = failed(await client.create(sale({ minor: 100, currency: 'SGD' })));
    expect(refused).toEqual({ kind: 'auth', message, said: { area: 'payment', kind: 'key_refused', provider: 'Orangepill', key: 'api_key' }, ambiguous: false });
    expectWordedAsSaid(refused);
    expect(failed(await client.status('MljzDk8qxDsBkXW0wv3r'))).toMatchObject({ kind: 'auth', message });
  });

  it('rate limited (429) with Retry-After', async () => {
    rig.sim.faults.add({ fault: { kind: 'rate_limit', retryAfterSeconds: 7 }, method: 'POST' });
    expect(failed(await rig.client.create(sale({ minor: 100, currency: 'SGD' })))).toMatchObject({
      kind: 'rate_limited',
      message: 'Orangepill asked the terminal to slow down \u2014 retrying',
      ambiguous: false,
      retryAfterMs: 7000,
    });
  });

  it('server trouble (500): ambiguous for a create, not for a read', async () => {
    rig.sim.faults.add({ fault: { kind: 'status', status: 500 }, method: 'POST' });
    expect(failed(await rig.client.create(sale({ minor: 100, currency: 'SGD' })))).toMatchObject({
      kind: 'server',
      message: 'Orangepill is having trouble (HTTP 500) \u2014 retrying',
      ambiguous: true,
    });
    const id = await open();
    rig.sim.faults.add({ fault: { kind: 'status', status: 503 }, method: 'GET' });
    expect(failed(await rig.client.status(id))).toMatchObject({ kind: 'server', ambiguous: false });
  });

  it('a connection reset: ambiguous for a create or a cancel, not for a read', async () => {
    rig.sim.faults.add({ fault: { kind: 'reset' }, method: 'POST' });
    expect(failed(await rig.client.create(sale({ minor: 100, currency: 'SGD' })))).toMatchObject({
      kind: 'network',
      message: 'No connection to Orangepill \u2014 retrying',
      ambiguous: true,
    });
    const id = await open();
    rig.sim.faults.add({ fault: { kind: 'reset' }, method: 'GET' });
    expect(failed(await rig.client.status(id))).toMatchObject({ kind: 'network', ambiguous: false });
    rig.sim.faults.add({ fault: { kind: 'reset' }, method: 'DELETE' });
    expect(failed(await rig.client.cancel(id))).toMatchObject({ kind: 'network', ambiguous: true });
  });

  it('no answer in time', async () => {
    const id = await open();
    rig.sim.faults.add({ fault: { kind: 'latency', ms: 1500 }, method: 'GET' });
    const impatient = rig.clientWith({ fetch: platformFetch(100) });
    expect(failed(await impatient.status(id))).toMatchObject({ kind: 'timeout', message: 'No answer from Orangepill in time \u2014 retrying', ambiguous: false });
  });

  it('a request Orangepill does not have (404), and other refusals (4xx)', async () => {
    const missing = failed(await rig.client.status('NoSuchRequest0000000'));
    expect(missing).toEqual({
      kind: 'not_found',
      message: 'Orangepill has no such payment request (payment request NoSuchRequest0000000 not found)',
      said: { area: 'payment', kind: 'no_such_request', provider: 'Orangepill', detail: 'payment request NoSuchRequest0000000 not found' },
      ambiguous: false,
    });
    expectWordedAsSaid(missing);
    rig.sim.faults.add({ fault: { kind: 'status', status: 400 }, method: 'GET' });
    const refused = failed(await rig.client.list({ status: 'DONE' }));
    expect(refused).toEqual({
      kind: 'rejected',
      message: 'Orangepill rejected the request: injected HTTP 400',
      said: { area: 'payment', kind: 'provider_rejected', provider: 'Orangepill', what: 'request', detail: 'injected HTTP 400' },
      ambiguous: false,
    });
    expectWordedAsSaid(refused);
  });

  it('keeps the key out even when Orangepill echoes it back', async () => {
    const echoing = rig.clientWith({
      fetch: () =>
        Promise.resolve({
          status: 400,
          headers: { get: () => null },
          text: () => Promise.resolve(JSON.stringify({ message: `bad request from key ${ORANGEPILL_KEY}` })),
          bytes: () => Promise.resolve(new Uint8Array()),
        }),
    });
    expect(failed(await echoing.create(sale({ minor: 100, currency: 'SGD' }))).message).toBe('Orangepill rejected the request: bad request from key [redacted]');
  });

  // Last, after every case above: whatever went wrong, the cashier never saw the key.
  it('no message carried the API key', () => {
    expect(errors.length).toBeGreaterThan(10);
    for (const error of errors) expect(JSON.stringify(error)).not.toContain(ORANGEPILL_KEY);
  });
});
