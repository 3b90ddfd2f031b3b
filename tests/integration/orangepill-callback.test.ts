import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseOrangepillCallback } from '../../app/providers/orangepill/orangepill-api';
import { startOrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import {
  MERCHANT_ALIAS,
  ORANGEPILL_KEY,
  sale,
  startCallbackReceiver,
  startOrangepillRig,
  type CallbackReceiver,
  type OrangepillRig,
} from '../support/orangepill-harness';

let rig: OrangepillRig;
let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await startCallbackReceiver();
  rig = await startOrangepillRig({ callbackUrl: receiver.url });
});
afterAll(async () => {
  await rig.close();
  await receiver.close();
});

describe('Orangepill status-change callbacks', () => {
  it('POSTs {id} to data.callback on every status change; the terminal reads the id and re-fetches', async () => {
    const created = await rig.client.create(sale({ minor: 1000, currency: 'SGD' }));
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.providerRef;
    rig.sim.simulate(id, 'partial');
    rig.sim.simulate(id, 'paid');

    const bodies = await receiver.received(2);
    expect(bodies).toEqual([{ id }, { id }]);
    expect(bodies.map(parseOrangepillCallback)).toEqual([id, id]);
    // The callback says only "look again"; the status comes from Orangepill itself.
    expect(await rig.client.status(id)).toMatchObject({ ok: true, value: { kind: 'paid' } });
    await vi.waitFor(() => expect(rig.sim.callbacks()).toHaveLength(2));
    expect(rig.sim.callbacks()).toEqual([
      { url: receiver.url, body: JSON.stringify({ id }), status: 200, error: null },
      { url: receiver.url, body: JSON.stringify({ id }), status: 200, error: null },
    ]);
  });

  it('reads only a plausible id from a callback body', () => {
    expect(parseOrangepillCallback({ id: 'MljzDk8qxDsBkXW0wv3r' })).toBe('MljzDk8qxDsBkXW0wv3r');
    expect(parseOrangepillCallback({ id: 'MljzDk8qxDsBkXW0wv3r', status: 'DONE' })).toBe('MljzDk8qxDsBkXW0wv3r');
    for (const junk of [null, 'MljzDk8qxDsBkXW0wv3r', {}, { id: 7 }, { id: '' }, { id: '../../etc/passwd' }, { id: 'x'.repeat(65) }]) {
      expect(parseOrangepillCallback(junk)).toBeNull();
    }
  });

  it('never calls a host outside the allowed loopback names', async () => {
    const sim = await startOrangepillSimulator({ apiKey: ORANGEPILL_KEY, merchantAlias: MERCHANT_ALIAS });
    try {
      const answer = await fetch(`${sim.baseUrl}/v1/apps/payment`, {
        method: 'POST',
        headers: { 'x-api-key': ORANGEPILL_KEY, 'idempotency-key': 'cb-1', 'content-type': 'application/json' },
        body: JSON.stringify({ version: '1.0', destination: { alias: MERCHANT_ALIAS }, amount: 5, asset: 'SGD', data: { callback: 'http://example.com/cb' } }),
      });
      const { id } = (await answer.json()) as { id: string };
      expect(sim.simulate(id, 'paid').ok).toBe(true);
      expect(sim.callbacks()).toEqual([
        { url: 'http://example.com/cb', body: JSON.stringify({ id }), status: null, error: 'callback host "example.com" is not allowed' },
      ]);
    } finally {
      await sim.close();
    }
  });
});
