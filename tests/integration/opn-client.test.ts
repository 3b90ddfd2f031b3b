import { describe, expect, it } from 'vitest';
import { opnChargeSchema } from '../../app/providers/opn/opn-api';
import { base64ToBytes } from '../../app/util/base64';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { decodeQrFromPng } from '../support/qr-decode';
import { assertNoSecret, BASIC, failure, messages, OMISE_VERSION, rawPost, saleRequest, useOpnRig, value } from '../support/opn-rig';

const rig = useOpnRig();

describe('Opn Atome QR: creating a charge', () => {
  it('sends one form-encoded POST /charges with basic auth, the API version and our reference', async () => {
    const { sim, client } = rig();
    const req = saleRequest(sim.now(), 1234);
    const created = value(await client.create(req));

    const charges = sim.charges();
    expect(charges).toHaveLength(1);
    const charge = charges[0]!;
    expect(created.providerRef).toBe(charge.id);
    expect(created.expiresAt).toBe(Date.parse(charge.expires_at));
    expect(charge).toMatchObject({ object: 'charge', amount: 1234, currency: 'SGD', status: 'pending', description: req.description });
    expect(charge.metadata).toEqual({ terminal_reference: req.reference });
    expect(charge.source).toMatchObject({ object: 'source', type: 'atome_qr', flow: 'offline' });

    const posts = sim.requests().filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.path).toBe('/charges');
    expect(post.authorization).toBe(BASIC);
    expect(post.omiseVersion).toBe(OMISE_VERSION);
    expect(post.contentType).toBe('application/x-www-form-urlencoded');
    expect(post.form).toEqual({
      amount: '1234',
      currency: 'SGD',
      'source[type]': 'atome_qr',
      expires_at: new Date(Math.floor(req.expiresAt / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      description: req.description,
      'metadata[terminal_reference]': req.reference,
    });
    // The only other request is the QR document, fetched with the same credentials.
    const gets = sim.requests().filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.path)).toEqual([new URL(charge.source.scannable_code!.image.download_uri).pathname]);
    expect(gets[0]!.authorization).toBe(BASIC);
  });

  it('serves a charge JSON the client schema reads, shaped as in the doc', async () => {
    const { sim, client } = rig();
    value(await client.create(saleRequest(sim.now(), 50_000)));
    const charge = sim.charges()[0]!;
    expect(opnChargeSchema.safeParse(charge).success).toBe(true);
    expect(charge).toMatchObject({ net: 48_047, fee: 1825, fee_vat: 128, refunded_amount: 0, paid: false, expired: false });
    expect(charge.refunds).toMatchObject({ object: 'list', data: [], total: 0, location: `/charges/${charge.id}/refunds` });
    expect(charge.source.scannable_code!.image).toMatchObject({ object: 'document', kind: 'qr' });
    expect(charge.id).toMatch(/^chrg_test_[0-9a-z]{19}$/);
  });

  it('takes MYR within its own limits', async () => {
    const { sim, client } = rig();
    value(await client.create(saleRequest(sim.now(), 1000, 'MYR')));
    value(await client.create(saleRequest(sim.now(), 500_000, 'MYR')));
    expect(sim.charges().map((c) => `${c.currency} ${c.amount}`)).toEqual(['MYR 1000', 'MYR 500000']);
  });
});

describe('Opn Atome QR: amount limits, checked before any request', () => {
  const cases = [
    { minor: 149, currency: 'SGD', message: 'Atome needs at least SGD 1.50' },
    { minor: 300_001, currency: 'SGD', message: 'Atome takes at most SGD 3,000.00' },
    { minor: 999, currency: 'MYR', message: 'Atome needs at least MYR 10.00' },
    { minor: 500_001, currency: 'MYR', message: 'Atome takes at most MYR 5,000.00' },
    { minor: 5000, currency: 'USD', message: 'Atome does not take USD' },
  ] as const;

  for (const c of cases) {
    it(`${c.currency} ${c.minor}: "${c.message}", and no request`, async () => {
      const { sim, client } = rig();
      expect(client.checkAmount({ minor: c.minor, currency: c.currency })).toMatchObject({ ok: false, error: { message: c.message } });
      const req = { ...saleRequest(sim.now()), amount: { minor: c.minor, currency: c.currency } };
      expect(failure(await client.create(req))).toMatchObject({ kind: 'rejected', message: c.message, ambiguous: false });
      expect(sim.charges()).toHaveLength(0);
      expect(sim.requests()).toHaveLength(0);
    });
  }

  it('accepts the limits themselves', () => {
    const { client } = rig();
    for (const amount of [
      { minor: 150, currency: 'SGD' },
      { minor: 300_000, currency: 'SGD' },
      { minor: 1000, currency: 'MYR' },
      { minor: 500_000, currency: 'MYR' },
    ] as const) {
      expect(client.checkAmount(amount), JSON.stringify(amount)).toEqual({ ok: true, value: undefined });
    }
  });

  it('the simulator applies the same limits as Opn', async () => {
    const { sim } = rig();
    const base = { currency: 'SGD', 'source[type]': 'atome_qr' };
    const low = await rawPost(sim, '/charges', { ...base, amount: '149' });
    expect(low.status).toBe(400);
    expect(await low.json()).toMatchObject({ object: 'error', code: 'invalid_charge', message: 'amount must be at least 150' });
    expect((await rawPost(sim, '/charges', { ...base, amount: '300001' })).status).toBe(400);
    expect((await rawPost(sim, '/charges', { ...base, currency: 'THB', amount: '5000' })).status).toBe(400);
    expect((await rawPost(sim, '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'promptpay' })).status).toBe(400);
    expect(sim.charges()).toHaveLength(0);
  });
});

describe('Opn Atome QR: expiry between 30 s and 12 h', () => {
  it('refuses a QR lifetime under 30 s or over 12 h without a request', async () => {
    const { sim, client } = rig();
    const short = failure(await client.create(saleRequest(sim.now(), 1234, 'SGD', 10_000)));
    expect(short).toMatchObject({ kind: 'rejected', ambiguous: false });
    expect(short.message).toContain('at least 30 seconds');
    const long = failure(await client.create(saleRequest(sim.now(), 1234, 'SGD', 13 * 3600_000)));
    expect(long.message).toBe('An Atome QR can stay valid for at most 12 hours; choose a shorter QR lifetime in settings');
    expect(sim.requests()).toHaveLength(0);
  });

  it('accepts 30 s and 12 h, and Opn keeps at least 30 s', async () => {
    const { sim, client } = rig();
    const min = value(await client.create(saleRequest(sim.now(), 1234, 'SGD', 30_000)));
    const max = value(await client.create(saleRequest(sim.now(), 1234, 'SGD', 12 * 3600_000)));
    const [a, b] = sim.charges();
    expect(Date.parse(a!.expires_at) - Date.parse(a!.created_at)).toBeGreaterThanOrEqual(30_000);
    expect(Date.parse(b!.expires_at) - Date.parse(b!.created_at)).toBeLessThanOrEqual(12 * 3600_000 + 1000);
    expect([min.expiresAt, max.expiresAt]).toEqual([Date.parse(a!.expires_at), Date.parse(b!.expires_at)]);
  });

  it('the simulator refuses expires_at outside the window, as Opn does', async () => {
    const { sim } = rig();
    const form = { amount: '5000', currency: 'SGD', 'source[type]': 'atome_qr' };
    const soon = new Date(sim.now() + 10_000).toISOString();
    const response = await rawPost(sim, '/charges', { ...form, expires_at: soon });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'invalid_charge', message: 'expires_at must be between 30 seconds and 12 hours from now' });
    // Without expires_at, Opn's default is 12 hours.
    const fallback = await rawPost(sim, '/charges', form);
    expect(fallback.status).toBe(200);
    const charge = sim.charges()[0]!;
    expect(Date.parse(charge.expires_at) - Date.parse(charge.created_at)).toBe(12 * 3600_000);
  });
});

describe('Opn Atome QR: the QR code', () => {
  it('is the payload decoded from the PNG Opn serves, equal to the simulator record', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    const recorded = sim.qrPayload(created.providerRef);
    expect(recorded).toMatch(/^https:\/\/qr\.atome\.sg\/pay\/chrg_test_/);
    expect(created.qr).toEqual({ payload: recorded });
    // The download address never reaches what the screens get.
    expect(JSON.stringify(created)).not.toContain('/downloads/');
  });

  it('the document download needs the key and serves a PNG that decodes to the recorded payload', async () => {
    const { sim, client } = rig();
    const created = value(await client.create(saleRequest(sim.now())));
    const uri = sim.charges()[0]!.source.scannable_code!.image.download_uri;
    expect((await fetch(uri)).status).toBe(401);
    expect((await fetch(uri.replace(/downloads\/\w+$/, 'downloads/0000'), { headers: { authorization: BASIC } })).status).toBe(404);
    const response = await fetch(uri, { headers: { authorization: BASIC } });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(decodeQrFromPng(Buffer.from(await response.arrayBuffer()))).toBe(sim.qrPayload(created.providerRef));
  });

  it('falls back to the image itself when it holds no readable QR', async () => {
    const { sim, client } = rig();
    sim.setQrImage('blank');
    const created = value(await client.create(saleRequest(sim.now())));
    if (created.qr.payload !== null) throw new Error('expected the image fallback');
    const prefix = 'data:image/png;base64,';
    expect(created.qr.image.dataUrl.startsWith(prefix)).toBe(true);
    const bytes = base64ToBytes(created.qr.image.dataUrl.slice(prefix.length));
    expect(bytes?.subarray(0, 4)).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await decodeQrImage(bytes!, 'image/png')).toBeNull();
  });

  it('refuses an image over 512 KB and withdraws the charge so nobody can pay it', async () => {
    const { sim, client } = rig();
    sim.setQrImage('oversized');
    const error = failure(await client.create(saleRequest(sim.now())));
    expect(error).toMatchObject({ kind: 'invalid_response', ambiguous: false });
    expect(error.message).toContain('larger than the terminal accepts (512 KB)');
    expect(error.message).toContain('the charge was cancelled at Opn');
    expect(sim.charges().map((c) => c.status)).toEqual(['expired']);
  });

  it('is switched by the control endpoint too', async () => {
    const { sim, client } = rig();
    const response = await fetch(`${sim.baseUrl}/__control/qr-image`, { method: 'POST', body: JSON.stringify({ mode: 'blank' }) });
    expect(response.status).toBe(200);
    expect(value(await client.create(saleRequest(sim.now()))).qr.payload).toBeNull();
    expect((await fetch(`${sim.baseUrl}/__control/qr-image`, { method: 'POST', body: '{"mode":"svg"}' })).status).toBe(400);
  });
});

describe('Opn Atome QR: secret hygiene', () => {
  it('no message produced in this file contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(5);
    assertNoSecret();
  });
});
