import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sale, startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';

let rig: OrangepillRig;
beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

const control = (path: string, body?: unknown, method = 'POST') =>
  fetch(`${rig.sim.baseUrl}/__control${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });

async function open(): Promise<string> {
  const created = await rig.client.create(sale({ minor: 800, currency: 'SGD' }));
  if (!created.ok) throw new Error(created.error.message);
  return created.value.providerRef;
}

describe('the Orangepill simulator\u2019s HTTP controls (no key; never faulted)', () => {
  it('drives outcomes, refunds and raw statuses', async () => {
    const id = await open();
    const paid = await control(`/requests/${id}/paid`);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ id, status: 'DONE' });
    expect((await control(`/requests/${id}/refund`)).status).toBe(200);
    expect(await rig.client.status(id)).toMatchObject({ ok: true, value: { kind: 'refunded', full: false } });
    expect((await control(`/requests/${id}/failed`)).status).toBe(409);

    const raw = await control(`/requests/${id}/status`, { status: 'ACCEPTED', error: null });
    expect(raw.status).toBe(200);
    expect(await rig.client.status(id)).toMatchObject({ ok: true, value: { kind: 'pending' } });

    expect((await control(`/requests/${id}/status`, { nope: 1 })).status).toBe(400);
    expect((await control('/requests/NoSuchRequest0000000/paid')).status).toBe(404);
    expect((await control(`/requests/${id}/explode`)).status).toBe(404);
    const all = await control('/requests', undefined, 'GET');
    expect(((await all.json()) as { id: string }[]).map((r) => r.id)).toContain(id);
  });

  it('adds and clears faults for the API', async () => {
    const id = await open();
    expect((await control('/faults', { fault: { kind: 'status', status: 502 }, method: 'GET' })).status).toBe(200);
    expect(await rig.client.status(id)).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect((await control('/faults', { fault: { kind: 'status', status: 502 } })).status).toBe(200);
    expect((await control('/faults', undefined, 'DELETE')).status).toBe(200);
    expect(await rig.client.status(id)).toMatchObject({ ok: true });
    expect((await control('/faults', { fault: { kind: 'meteor' } })).status).toBe(400);
  });

  it('the API itself wants the key, whatever the path', async () => {
    for (const path of ['/v1/apps/payment', '/v1/apps/payment/x', '/v1/apps/payment/x/qr/png/200']) {
      expect((await fetch(`${rig.sim.baseUrl}${path}`)).status).toBe(401);
    }
  });
});
