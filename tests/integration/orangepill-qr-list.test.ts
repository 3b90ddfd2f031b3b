import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { PNG } from 'pngjs';
import { sale, startOrangepillRig, type OrangepillRig } from '../support/orangepill-harness';

let rig: OrangepillRig;
beforeAll(async () => {
  rig = await startOrangepillRig();
});
afterAll(() => rig.close());

async function open(minor = 2500): Promise<{ id: string; reference: string }> {
  const request = sale({ minor, currency: 'SGD' });
  const created = await rig.client.create(request);
  if (!created.ok) throw new Error(created.error.message);
  return { id: created.value.providerRef, reference: request.reference };
}

describe('Orangepill QR images and reveal', () => {
  it('serves a real PNG QR that decodes to the request id', async () => {
    const { id } = await open();
    const image = await rig.client.qrImage(id, 'png', 240);
    if (!image.ok) throw new Error(image.error.message);
    expect(rig.sent.at(-1)?.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment/${id}/qr/png/240`);
    expect(PNG.sync.read(Buffer.from(image.value.bytes)).width).toBe(240);
    expect(await decodeQrImage(image.value.bytes, 'image/png')).toBe(id);
    expect(image.value.dataUrl).toBe(`data:image/png;base64,${image.value.base64}`);
  });

  it('serves the same QR as base64', async () => {
    const { id } = await open();
    const image = await rig.client.qrImage(id, 'base64', 200);
    if (!image.ok) throw new Error(image.error.message);
    expect(rig.sent.at(-1)?.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment/${id}/qr/base64/200`);
    expect(await decodeQrImage(image.value.bytes, 'image/png')).toBe(id);
  });

  it('reads a base64 body sent as plain text too', async () => {
    const { id } = await open();
    const plain = rig.clientWith({
      fetch: async (url, request) => {
        const answer = await fetch(url, { method: request.method, headers: request.headers });
        const text = JSON.parse(await answer.text()) as string;
        return { status: 200, headers: answer.headers, text: () => Promise.resolve(text), bytes: () => Promise.resolve(new TextEncoder().encode(text)) };
      },
    });
    const image = await plain.qrImage(id, 'base64', 200);
    expect(image.ok && (await decodeQrImage(image.value.bytes, 'image/png'))).toBe(id);
  });

  it('reveals the code in a QR image', async () => {
    const { id } = await open();
    const image = await rig.client.qrImage(id, 'base64', 200);
    if (!image.ok) throw new Error(image.error.message);
    expect(await rig.client.reveal(image.value.base64)).toEqual({ ok: true, value: id });
    const call = rig.sent.at(-1);
    expect(call?.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment/qr/reveal`);
    expect(JSON.parse(call?.request.body ?? '{}')).toEqual({ base64: image.value.base64 });
  });

  it('says so when the image holds no QR, or the width is impossible', async () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);
    const revealed = await rig.client.reveal(PNG.sync.write(blank).toString('base64'));
    expect(!revealed.ok && revealed.error).toEqual({
      kind: 'rejected',
      message: 'Orangepill rejected the request: no QR code found in the image',
      said: { area: 'payment', kind: 'provider_rejected', provider: 'Orangepill', what: 'request', detail: 'no QR code found in the image' },
      ambiguous: false,
    });
    const { id } = await open();
    const tooWide = await rig.client.qrImage(id, 'png', 100_000);
    expect(!tooWide.ok && tooWide.error.kind).toBe('rejected');
    const missing = await rig.client.qrImage('NoSuchRequest0000000', 'png', 200);
    expect(!missing.ok && missing.error.kind).toBe('not_found');
  });
});

describe('Orangepill list and reconciliation', () => {
  it('lists with a query on a top-level field, as the doc shows (query={"status":"DONE"}), URL-encoded', async () => {
    const paid = await open(3100);
    const waiting = await open(3200);
    rig.sim.simulate(paid.id, 'paid');

    const done = await rig.client.list({ status: 'DONE' });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.map((r) => r.id)).toContain(paid.id);
    expect(done.value.every((r) => r.status === 'DONE')).toBe(true);
    expect(rig.sent.at(-1)?.url).toBe(`${rig.sim.baseUrl}/v1/apps/payment?query=${encodeURIComponent('{"status":"DONE"}')}`);

    // The doc never shows a dotted key: a server that matches top-level fields only finds nothing.
    const byOrder = await rig.client.list({ 'data.order': waiting.reference });
    expect(byOrder.ok && byOrder.value).toEqual([]);
    const all = await rig.client.list({});
    expect(all.ok && all.value.length).toBe(rig.sim.requests().length);
  });

  it('after a lost create answer, the lookup finds nothing on a doc-only server; the same create under the same key gives back the one request', async () => {
    const request = sale({ minor: 990, currency: 'SGD' });
    rig.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST' });
    const before = rig.sim.createCount();
    expect((await rig.client.create(request)).ok).toBe(false);
    expect(await rig.client.findByReference(request.reference)).toEqual({ ok: true, value: null });
    expect(rig.client.idempotentCreate).toBe(true);
    const again = await rig.client.create(request);
    const record = rig.sim.requests().find((r) => r.data?.order === request.reference);
    expect(again).toEqual({ ok: true, value: { providerRef: record?.id, qr: { payload: record?.id }, expiresAt: request.expiresAt } });
    expect(rig.sim.createCount()).toBe(before + 1);
  });
});

describe('Orangepill list with the simulator\u2019s extensions (dotted queries, beyond the doc)', () => {
  let extended: OrangepillRig;
  beforeAll(async () => {
    extended = await startOrangepillRig({}, { extensions: true });
  });
  afterAll(() => extended.close());

  it('finds the request made for our reference by data.order, and nothing for a reference never sent', async () => {
    const request = sale({ minor: 990, currency: 'SGD' });
    extended.sim.faults.add({ fault: { kind: 'commit_then_drop' }, method: 'POST' });
    expect((await extended.client.create(request)).ok).toBe(false);
    const found = await extended.client.findByReference(request.reference);
    const record = extended.sim.requests().find((r) => r.data?.order === request.reference);
    expect(found).toEqual({ ok: true, value: { providerRef: record?.id, qr: { payload: record?.id }, expiresAt: request.expiresAt } });
    expect(await extended.client.findByReference('T20990101-000000-NEVER')).toEqual({ ok: true, value: null });
  });
});
