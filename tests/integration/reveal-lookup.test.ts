import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { settingsSchema } from '../../app/settings/settings';
import type { Payment } from '../../app/payment/payment';
import { createLogger } from '../../electron/service/logging/logger';
import { REVEAL_BUDGET_BASE64 } from '../../electron/service/providers/reveal-image';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';

/** The Reveal QR lookup through the service's one edge, live against the Orangepill simulator on loopback. */
const API_KEY = 'op_test_REVEAL_5a4b3c2d1e';
const ALIAS = '@kopi_corner';
let simulator: OrangepillSimulator;
let service: TerminalService;
const answers: unknown[] = [];

const lookup = async (args: unknown, role: 'cashier' | 'display' = 'cashier', on: TerminalService = service) => {
  const result = await on.dispatch('lookupRequest', args, role);
  answers.push(result);
  return result;
};

async function charge(minor: number, orderRef: string): Promise<Payment> {
  const result = await service.dispatch('charge', { amount: { minor, currency: 'USD' }, method: 'orangepill', orderRef }, 'cashier');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Payment;
}

/** The request's QR exactly as Orangepill serves it. */
async function providerQrPng(id: string): Promise<Buffer> {
  const response = await fetch(`${simulator.baseUrl}/v1/apps/payment/${id}/qr/png/300`, { headers: { 'x-api-key': API_KEY } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function blankPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  return PNG.sync.write(png);
}

function paid(id: string, outcome: 'paid' | 'partial'): void {
  const done = simulator.simulate(id, outcome);
  if (!done.ok) throw new Error(done.error);
}

beforeAll(async () => {
  simulator = await startOrangepillSimulator({ apiKey: API_KEY, merchantAlias: ALIAS });
  const settings = settingsSchema.parse({
    currency: 'USD',
    payment: { pollIntervalMs: 10_000 },
    providers: { orangepill: { apiKey: API_KEY, baseUrl: simulator.baseUrl, merchantAlias: ALIAS } },
  });
  service = await createTerminalService({ settings, log: createLogger(() => undefined) });
});

afterAll(async () => {
  await service?.close();
  await simulator?.close();
});

describe('lookupRequest: Reveal QR, then the request', () => {
  it('reads the provider\'s own QR PNG back to the request: code, status, exact amount, order', async () => {
    const payment = await charge(10023, 'TABLE-7');
    const png = await providerQrPng(payment.providerRef ?? '');
    const result = await lookup({ imageBase64: png.toString('base64') });
    expect(result).toEqual({
      ok: true,
      value: {
        code: payment.providerRef,
        status: 'CREATED',
        statusLabel: 'Waiting for payment',
        statusSaid: { area: 'records', kind: 'lookup_status', status: 'CREATED', reason: null },
        amount: { minor: 10023, currency: 'USD' },
        order: payment.id,
        createdAt: expect.any(Number),
      },
    });
    await service.dispatch('cancel', { paymentId: payment.id }, 'cashier');
    await service.dispatch('dismiss', { paymentId: payment.id }, 'cashier');
  });

  it.each([
    ['partial', 'INCOMPLETE', 'Partly paid'],
    ['paid', 'DONE', 'Paid'],
  ] as const)('after %s it says %s, "%s"', async (outcome, status, label) => {
    const payment = await charge(2000, `ORDER-${outcome}`);
    const id = payment.providerRef ?? '';
    paid(id, outcome);
    const result = await lookup({ imageBase64: (await providerQrPng(id)).toString('base64') });
    expect(result).toMatchObject({ ok: true, value: { code: id, status, statusLabel: label, amount: { minor: 2000, currency: 'USD' } } });
    // A partly paid request is never cancelled (the money is there): the customer pays the rest first.
    if (outcome === 'partial') paid(id, 'paid');
    // Cancelling settles the sale on the terminal (a paid one comes back paid), so the next can start.
    await service.dispatch('cancel', { paymentId: payment.id }, 'cashier');
    expect(await service.dispatch('dismiss', { paymentId: payment.id }, 'cashier')).toMatchObject({ ok: true });
  });

  it('takes a JPEG photo of the QR, and a PNG too big to send as it is', async () => {
    const id = simulator.requests().at(-1)?.id ?? '';
    const qr = PNG.sync.read(await providerQrPng(id));
    const photo = jpeg.encode({ data: qr.data, width: qr.width, height: qr.height }, 90).data;
    expect(await lookup({ imageBase64: Buffer.from(photo).toString('base64') })).toMatchObject({ ok: true, value: { code: id } });

    const raw = new PNG({ width: 350, height: 350 });
    PNG.bitblt(PNG.sync.read(await QRCode.toBuffer(id, { type: 'png', width: 350, margin: 4 })), raw, 0, 0, 350, 350, 0, 0);
    const uncompressed = PNG.sync.write(raw, { deflateLevel: 0 }).toString('base64');
    expect(uncompressed.length).toBeGreaterThan(REVEAL_BUDGET_BASE64);
    expect(await lookup({ imageBase64: uncompressed })).toMatchObject({ ok: true, value: { code: id, statusLabel: 'Paid' } });
  });

  it('says so when the image holds no QR code', async () => {
    expect(await lookup({ imageBase64: blankPng(200, 200).toString('base64') })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No QR code could be read from that image', said: { area: 'records', kind: 'lookup_no_qr' } },
    });
  });

  it('names a code Orangepill does not know', async () => {
    const png = await QRCode.toBuffer('NoSuchRequest12345', { type: 'png', width: 240 });
    expect(await lookup({ imageBase64: png.toString('base64') })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'Orangepill has no payment request with code NoSuchRequest12345',
        said: { area: 'records', kind: 'lookup_no_such_request', code: 'NoSuchRequest12345' },
      },
    });
  });

  it('never echoes the provider key, even from a QR made of it', async () => {
    const png = await QRCode.toBuffer(API_KEY, { type: 'png', width: 240 });
    expect(await lookup({ imageBase64: png.toString('base64') })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That QR code is not an Orangepill payment request', said: { area: 'records', kind: 'lookup_not_a_request' } },
    });
  });

  it('gives the client\'s own sentence when Orangepill is down, without promising a retry', async () => {
    simulator.faults.add({ fault: { kind: 'status', status: 503 }, pathPrefix: '/v1/apps/payment/qr/reveal' });
    expect(await lookup({ imageBase64: blankPng(64, 64).toString('base64') })).toEqual({
      ok: false,
      error: { code: 'provider_error', message: 'Orangepill is having trouble (HTTP 503)' },
    });
  });

  it.each([
    [{ imageBase64: 'not base64!!' }, 'lookupRequest: imageBase64 is not valid base64 text'],
    [{ imageBase64: 'R0lGODlhAQABAAAAACw=' }, 'lookupRequest: imageBase64 must be a PNG or JPEG image'],
    [{ imageBase64: 'data:image/png;base64,iVBORw0KGgo=' }, 'lookupRequest: imageBase64 must be bare base64, without the data: URL prefix'],
    [{ imageBase64: `iVBORw0KGgo${'A'.repeat(700_001)}` }, 'lookupRequest: imageBase64 is too large: at most 700000 characters of base64, got 700012'],
    [{ imageBase64: '' }, 'lookupRequest: imageBase64 must not be empty: paste or choose an image'],
    [{ imageBase64: 42 }, 'lookupRequest: imageBase64 must be a PNG or JPEG image as base64 text, got number'],
    [{}, 'lookupRequest: imageBase64 must be a PNG or JPEG image as base64 text, got undefined'],
    [{ imageBase64: 'iVBORw0KGgo=', id: 'x' }, 'lookupRequest: unexpected field(s) id'],
  ])('refuses malformed arguments %#', async (args, message) => {
    expect(await lookup(args)).toMatchObject({ ok: false, error: { code: 'invalid_args', message, fields: expect.any(Object) as unknown } });
  });

  it('refuses a PNG that is not a picture it can read', async () => {
    expect(await lookup({ imageBase64: `iVBORw0KGgo${'A'.repeat(70_001)}` })).toEqual({
      ok: false,
      error: {
        code: 'invalid_args',
        message: 'That image could not be read: use a PNG or JPEG picture of the QR code',
        said: { area: 'records', kind: 'lookup_image_unreadable' },
      },
    });
  });

  it('is the cashier\'s: the customer display may not look requests up', async () => {
    expect(await lookup({ imageBase64: blankPng(64, 64).toString('base64') }, 'display')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The customer display may not run lookupRequest' },
    });
  });

  it('answers invalid_state on a terminal without Orangepill', async () => {
    const demo = await createTerminalService({ settings: settingsSchema.parse({ demo: { methods: ['demo'] } }), log: createLogger(() => undefined) });
    try {
      expect(await lookup({ imageBase64: blankPng(64, 64).toString('base64') }, 'cashier', demo)).toEqual({
        ok: false,
        error: { code: 'invalid_state', message: 'Orangepill is not set up on this terminal', said: { area: 'records', kind: 'lookup_not_set_up' } },
      });
    } finally {
      await demo.close();
    }
  });

  it('let the key into no answer', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(API_KEY);
  });
});
