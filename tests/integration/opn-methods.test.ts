/**
 * The Opn client for every QR method beyond Atome, over real HTTP against answers stubbed from the
 * doc (tests/support/opn-stub.ts): the source type and currency it sends, the QR it reads (PromptPay's
 * SVG included), the flows it refuses, the failure codes it explains, and refunds as the charge says.
 */
import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Money } from '../../app/money/money';
import { createOpnClient, type OpnClient } from '../../app/providers/opn/opn-client';
import { OPN_METHODS, type OpnMethodId } from '../../app/providers/opn/opn-methods';
import type { QrImageDecoder } from '../../app/providers/opn/opn-qr';
import type { CreatePaymentRequest, ProviderError } from '../../app/providers/provider';
import type { Result } from '../../app/util/result';
import { platformFetch } from '../../electron/service/providers/platform-fetch';
import { readOpnQrImage } from '../../electron/service/providers/provider-clients';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { startOpnStub, STUB_SECRET, type OpnStub } from '../support/opn-stub';
import { expectWordedAsSaid } from '../support/said-check';

let stub: OpnStub;
const messages: string[] = [];

beforeEach(async () => {
  stub = await startOpnStub();
});
afterEach(async () => {
  await stub.close();
});

/** jsQR after resvg for an SVG, as the SVG decoder of electron/shared/images will; the real decoder for the rest. */
const svgAware: QrImageDecoder = (bytes, contentType, filename) => {
  if (contentType !== 'image/svg+xml') return decodeQrImage(bytes, contentType, filename);
  const png = new Resvg(Buffer.from(bytes), { fitTo: { mode: 'width', value: 400 } }).render().asPng();
  return decodeQrImage(new Uint8Array(png), 'image/png');
};

function client(method: OpnMethodId, options: { decode?: QrImageDecoder; currencies?: Money['currency'][]; stubbed?: OpnStub } = {}): OpnClient {
  return createOpnClient({
    baseUrl: (options.stubbed ?? stub).baseUrl,
    secretKey: STUB_SECRET,
    omiseVersion: '2019-05-29',
    fetch: platformFetch(5000),
    now: () => Date.now(),
    decodeQrImage: options.decode ?? svgAware,
    simulated: false,
    method,
    ...(options.currencies === undefined ? {} : { currencies: options.currencies }),
  });
}

let references = 0;
function sale(minor: number, currency: Money['currency'], lifetimeMs = 600_000): CreatePaymentRequest {
  references += 1;
  return { reference: `T-M-${references}`, amount: { minor, currency }, description: `Kopi ${references}`, expiresAt: Date.now() + lifetimeMs, payerAlias: null };
}

function value<T>(result: Result<T, ProviderError>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
function failure<T>(result: Result<T, ProviderError>): ProviderError {
  if (result.ok) throw new Error(`expected a provider error, got ${JSON.stringify(result.value)}`);
  messages.push(result.error.message);
  return result.error;
}

const posts = (path: string) => stub.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('every Opn QR method: one key, its own source type and currency', () => {
  it.each([
    ['paynow', 'paynow', 1234, 'SGD'],
    ['promptpay', 'promptpay', 2000, 'THB'],
    ['truemoney', 'truemoney_qr', 5000, 'THB'],
    ['wechatpay', 'wechat_pay_mpm', 8800, 'THB'],
    ['alipayplus', 'alipayplus_mpm', 990, 'SGD'],
    ['alipayplus', 'alipayplus_mpm', 25_000, 'THB'],
  ] as const)('%s creates a charge with source[type]=%s for %i %s subunits and shows its QR as a payload', async (method, type, minor, currency) => {
    const c = client(method);
    const created = value(await c.create(sale(minor, currency)));
    const charge = stub.charges.get(created.providerRef)!;
    expect(posts('/charges')[0]!.form).toMatchObject({ amount: String(minor), currency, 'source[type]': type });
    expect(posts('/charges')[0]!.authorization).toBe(`Basic ${Buffer.from(`${STUB_SECRET}:`).toString('base64')}`);
    // Decoded from Opn's image (PromptPay's is an SVG), so the screens draw it natively.
    expect(created.qr).toEqual({ payload: charge.payload });
    expect(created.expiresAt).toBe(Date.parse(charge.expiresAt!));
    expect(c.method).toMatchObject({ id: method, label: OPN_METHODS[method].names.en, provider: OPN_METHODS[method].names.en, simulated: false });
  });

  it('hands the decoder Opn\u2019s filename and content type, so an SVG is told from a JPEG', async () => {
    const decode = vi.fn<QrImageDecoder>(() => Promise.resolve('00020101PROMPTPAY'));
    value(await client('promptpay', { decode }).create(sale(2000, 'THB')));
    value(await client('paynow', { decode }).create(sale(100, 'SGD')));
    expect(decode.mock.calls.map(([bytes, type, name]) => [String.fromCharCode(...bytes.subarray(0, 4)), type, name])).toEqual([
      ['<svg', 'image/svg+xml', 'qrcode.svg'],
      ['\u0089PNG', 'image/png', 'qrcode.png'],
    ]);
  });

  it('shows a PNG the decoder drew from an SVG it could not read, never the SVG markup itself', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const drawn = client('promptpay', { decode: () => Promise.resolve({ payload: null, picture: { bytes: png, contentType: 'image/png' } }) });
    expect(value(await drawn.create(sale(2000, 'THB'))).qr).toEqual({ payload: null, image: { dataUrl: 'data:image/png;base64,iVBORwECAw==' } });

    const unread = client('promptpay', { decode: () => Promise.resolve(null) });
    const error = failure(await unread.create(sale(2000, 'THB')));
    expect(error).toEqual({
      kind: 'invalid_response',
      message: 'The PromptPay QR image (SVG) could not be read, and the terminal does not show SVG as it came; the charge was cancelled at Opn',
      said: { area: 'payment', kind: 'cancelled_at_opn', problem: { area: 'payment', kind: 'opn_qr_svg_unread', method: 'promptpay' } },
      ambiguous: false,
    });
    expectWordedAsSaid(error);
    expect(posts(`/charges/${[...stub.charges.keys()].at(-1)!}/expire`)).toHaveLength(1);
  });

  it('reads PromptPay\u2019s SVG with the terminal\u2019s own image reader, and names the method in its refusals', async () => {
    const created = value(await client('promptpay', { decode: readOpnQrImage }).create(sale(2000, 'THB')));
    expect(created.qr).toEqual({ payload: stub.charges.get(created.providerRef)!.payload });
    // PNG bytes under Opn's "qrcode.svg": the reader does not guess, and the cashier reads why.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await readOpnQrImage(png, 'image/png', 'qrcode.svg')).toEqual({
      payload: null,
      refused: expect.stringMatching(/^The QR image is /) as unknown,
      said: { kind: 'type_mismatch', claimedBy: 'filename', claimed: 'qrcode.svg', is: 'png' },
    });
    const named = client('promptpay', { decode: () => readOpnQrImage(png, 'image/svg+xml', 'qrcode.svg') });
    expect(failure(await named.create(sale(2000, 'THB'))).message).toMatch(/^Opn's PromptPay QR image is .*; the charge was cancelled at Opn$/);
  });

  it('passes on the decoder\u2019s refusal of a hostile image as a sentence, and cancels the charge', async () => {
    const refusing = client('promptpay', { decode: () => Promise.resolve({ payload: null, refused: 'the SVG links to an outside resource', said: { kind: 'unread' } as const }) });
    expect(failure(await refusing.create(sale(2000, 'THB'))).message).toBe(
      "Opn's PromptPay QR image cannot be used: the SVG links to an outside resource; the charge was cancelled at Opn",
    );
    const throwing = client('paynow', { decode: () => Promise.reject(new Error('boom')) });
    // A decoder that throws on a PNG leaves the picture to be shown as it came.
    expect(value(await throwing.create(sale(100, 'SGD'))).qr).toMatchObject({ payload: null, image: { dataUrl: expect.stringMatching(/^data:image\/png;base64,/) } });
  });
});

describe('amounts and currencies, before any request', () => {
  it('holds PromptPay to THB 20.00 \u2013 150,000.00 and each method to its currencies', async () => {
    expect(client('promptpay').checkAmount({ minor: 1999, currency: 'THB' })).toMatchObject({ ok: false, error: { message: 'PromptPay needs at least THB 20.00' } });
    expect(client('promptpay').checkAmount({ minor: 15_000_001, currency: 'THB' })).toMatchObject({ ok: false, error: { message: 'PromptPay takes at most THB 150,000.00' } });
    expect(client('promptpay').checkAmount({ minor: 15_000_000, currency: 'THB' })).toEqual({ ok: true, value: undefined });
    expect(client('paynow').checkAmount({ minor: 100, currency: 'THB' })).toMatchObject({ ok: false, error: { message: 'PayNow does not take THB' } });
    // No PayNow limits are documented: Opn judges the amount, and says why in its own words.
    expect(client('paynow').checkAmount({ minor: 1, currency: 'SGD' })).toEqual({ ok: true, value: undefined });
    expect(failure(await client('promptpay').create(sale(1999, 'THB')))).toMatchObject({ kind: 'rejected', message: 'PromptPay needs at least THB 20.00', ambiguous: false });
    expect(stub.requests).toEqual([]);
  });

  it('offers only the currencies the account has the method in', async () => {
    const sgdOnly = client('alipayplus', { currencies: ['SGD'] });
    expect(sgdOnly.method.currencies).toEqual(['SGD']);
    expect(sgdOnly.checkAmount({ minor: 5000, currency: 'THB' })).toMatchObject({ ok: false, error: { message: 'Alipay+ does not take THB on this Opn account' } });
    expect(failure(await sgdOnly.create(sale(5000, 'THB'))).kind).toBe('rejected');
    expect(stub.requests).toEqual([]);
  });

  it('holds PromptPay to 24 hours and sends other methods the terminal\u2019s own expiry, taking the charge\u2019s word', async () => {
    expect(failure(await client('promptpay').create(sale(2000, 'THB', 25 * 3600_000)))).toMatchObject({
      message: 'A PromptPay QR can stay valid for at most 24 hours; choose a shorter QR lifetime in settings',
    });
    // No minimum is documented for PromptPay: a short QR goes as asked.
    const short = sale(2000, 'THB', 10_000);
    value(await client('promptpay').create(short));
    expect(posts('/charges')[0]!.form['expires_at']).toBe(new Date(Math.floor(short.expiresAt / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    await stub.close();
    stub = await startOpnStub({ expiresAt: { paynow: '2031-01-02T03:04:05Z', wechat_pay_mpm: null } });
    expect(value(await client('paynow').create(sale(100, 'SGD'))).expiresAt).toBe(Date.parse('2031-01-02T03:04:05Z'));
    const asked = sale(100, 'THB', 90_000);
    expect(value(await client('wechatpay').create(asked)).expiresAt).toBe(Math.floor(asked.expiresAt / 1000) * 1000);
  });
});

describe('only an offline flow with a QR is shown', () => {
  it.each([
    ['redirect', 'Opn answered the PayNow payment with a payment page the customer must open, not a QR code to show, so PayNow cannot be taken at this counter'],
    ['app_redirect', 'Opn answered the PayNow payment with a link into an app, not a QR code to show, so PayNow cannot be taken at this counter'],
    ['hosted_page', 'Opn answered the PayNow payment with a "hosted_page" flow, not a QR code to show, so PayNow cannot be taken at this counter'],
  ])('a %s answer is refused with a sentence naming the method, and its charge is expired', async (flow, sentence) => {
    await stub.close();
    stub = await startOpnStub({ flows: { paynow: flow } });
    const error = failure(await client('paynow').create(sale(1500, 'SGD')));
    expect(error).toEqual({
      kind: 'rejected',
      message: `${sentence}; the charge was cancelled at Opn`,
      said: { area: 'payment', kind: 'cancelled_at_opn', problem: { area: 'payment', kind: 'opn_not_qr', method: 'paynow', flow } },
      ambiguous: false,
    });
    expectWordedAsSaid(error);
    const [charge] = [...stub.charges.values()];
    expect(posts(`/charges/${charge!.id}/expire`)).toHaveLength(1);
    expect(charge!.status).toBe('expired');
    // Nothing was downloaded: a redirect's page is not fetched, let alone shown.
    expect(stub.requests.filter((r) => r.path.includes('/documents/'))).toEqual([]);
  });

  it('a charge found again by reconciliation on a redirect flow is refused and expired too', async () => {
    await stub.close();
    stub = await startOpnStub({ flows: { wechat_pay_mpm: 'redirect' } });
    const c = client('wechatpay');
    const request = sale(3000, 'THB');
    stub.answerOnce('/charges', 500, '{"object":"error","code":"internal_error","message":"lost"}');
    expect(failure(await c.create(request)).ambiguous).toBe(true);
    // The lost create did not reach the stub; create one as if it had, then look for it.
    await fetch(`${stub.baseUrl}/charges`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${STUB_SECRET}:`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ amount: '3000', currency: 'THB', 'source[type]': 'wechat_pay_mpm', 'metadata[terminal_reference]': request.reference }).toString(),
    });
    const found = failure(await c.findByReference(request.reference));
    expect(found.message).toMatch(/^Opn answered the WeChat Pay payment with a payment page the customer must open.*; the charge was cancelled at Opn$/);
    expect([...stub.charges.values()][0]!.status).toBe('expired');
  });

  it('a charge of another source type than asked is never taken for the sale', async () => {
    const request = sale(1500, 'SGD');
    value(await client('paynow').create(request));
    const error = failure(await client('alipayplus').findByReference(request.reference));
    expect(error).toEqual({
      kind: 'invalid_response',
      message: 'Opn answered with a paynow charge, not the Alipay+ charge asked',
      said: { area: 'payment', kind: 'opn_other_source', sourceType: 'paynow', method: 'alipayplus' },
      ambiguous: false,
    });
    expectWordedAsSaid(error);
  });
});

describe('failure codes and statuses', () => {
  it.each([
    ['payment_expired', 'The QR code expired before the customer paid.'],
    ['payment_rejected', 'PayNow rejected the payment.'],
    ['failed_processing', 'PayNow could not process the payment; ask the customer to try again.'],
    ['insufficient_balance', "The customer's account did not have enough money for this PayNow payment; ask them to top up or pay another way."],
    ['payment_cancelled', 'The customer cancelled the PayNow payment in their app.'],
    ['timeout', 'The customer did not confirm the PayNow payment before the QR code expired.'],
    ['invalid_account', 'PayNow found no valid account for the customer; ask them to check their app or pay another way.'],
    ['some_new_code', 'PayNow did not complete the payment (some_new_code).'],
  ])('%s reads as a sentence, never as paid', async (code, message) => {
    const c = client('paynow');
    const created = value(await c.create(sale(1500, 'SGD')));
    stub.settle(created.providerRef, 'failed', code);
    expect(value(await c.status(created.providerRef))).toMatchObject({ kind: 'failed', failure: { code, message } });
  });

  it('a status Opn never documented is unknown, not paid', async () => {
    const c = client('truemoney');
    const created = value(await c.create(sale(5000, 'THB')));
    stub.charges.get(created.providerRef)!.status = 'reversed' as 'pending';
    expect(value(await c.status(created.providerRef))).toMatchObject({ kind: 'unknown', raw: 'reversed' });
  });
});

describe('refunds, as the charge says', () => {
  async function paid(c: OpnClient, minor: number, currency: Money['currency']): Promise<{ id: string; paidAt: number }> {
    const created = value(await c.create(sale(minor, currency)));
    stub.settle(created.providerRef, 'successful');
    const status = value(await c.status(created.providerRef));
    if (status.kind !== 'paid') throw new Error(`not paid: ${status.kind}`);
    return { id: created.providerRef, paidAt: status.paidAt };
  }

  it('PromptPay: no refund through the terminal, the charge says so, and the cashier reads why', async () => {
    const c = client('promptpay');
    expect(c.refund).toBeUndefined();
    expect(c.method.refunds).toEqual({
      supported: false,
      rule: 'PromptPay payments cannot be refunded through Opn: give the money back by bank transfer',
      said: { rule: 'opn_none', provider: 'PromptPay' },
    });
    const created = value(await c.create(sale(2000, 'THB')));
    stub.settle(created.providerRef, 'successful');
    expect(value(await c.status(created.providerRef))).toMatchObject({ kind: 'paid', refundable: false });
  });

  it('PayNow: full or partial refunds while the charge says refundable', async () => {
    const c = client('paynow');
    const { id, paidAt } = await paid(c, 1500, 'SGD');
    expect(value(await c.status(id))).toMatchObject({ kind: 'paid', refundable: true });
    expect(value(await c.refund!(id, { minor: 500, currency: 'SGD' }, paidAt))).toMatchObject({ amount: { minor: 500, currency: 'SGD' }, totalRefundedMinor: 500 });
    expect(posts(`/charges/${id}/refunds`).map((r) => r.form)).toEqual([{ amount: '500' }]);
  });

  it('a charge that says it cannot be refunded gets no refund request', async () => {
    await stub.close();
    stub = await startOpnStub({ refundable: { wechat_pay_mpm: false } });
    const c = client('wechatpay');
    const { id, paidAt } = await paid(c, 8800, 'THB');
    expect(failure(await c.refund!(id, { minor: 100, currency: 'THB' }, paidAt))).toMatchObject({
      kind: 'rejected',
      message: 'Opn says this WeChat Pay payment cannot be refunded now, so the terminal did not ask: give the money back another way, such as a bank transfer',
      ambiguous: false,
      refundSaid: { area: 'refund', kind: 'opn_not_refundable', provider: 'WeChat Pay' },
    });
    expect(posts(`/charges/${id}/refunds`)).toEqual([]);
  });

  it('at most 15 refunds per charge, and Opn\u2019s 365 days for methods other than Atome', async () => {
    const c = client('alipayplus');
    const { id, paidAt } = await paid(c, 10_000, 'SGD');
    stub.charges.get(id)!.refunds = 15;
    expect(failure(await c.refund!(id, { minor: 100, currency: 'SGD' }, paidAt)).message).toBe(
      'Opn takes at most 15 refunds on one payment, and this Alipay+ payment has had 15: refund the rest in the Opn dashboard or by bank transfer',
    );
    const yearAgo = Date.UTC(2024, 0, 1);
    expect(failure(await c.refund!(id, { minor: 100, currency: 'SGD' }, yearAgo)).message).toBe(
      'Alipay+ refunds are possible only within 365 days of the payment; this one was paid on 1 January 2024',
    );
    expect(posts(`/charges/${id}/refunds`)).toEqual([]);
  });
});

describe('GET /capability', () => {
  it('reads the enabled methods and their currencies with the secret key', async () => {
    const answer = value(await client('atome').capability());
    expect(answer.payment_methods.map((m) => m.name)).toContain('promptpay');
    expect(stub.requests.at(-1)).toMatchObject({ method: 'GET', path: '/capability' });
  });

  it.each([
    ['not JSON', '{"object":"capab'],
    ['another object', '{"object":"charge","payment_methods":[]}'],
    ['methods not a list', '{"object":"capability","payment_methods":{"name":"paynow"}}'],
    ['a method without a name', '{"object":"capability","payment_methods":[{"object":"payment_method","currencies":["SGD"]}]}'],
    ['currencies not strings', '{"object":"capability","payment_methods":[{"object":"payment_method","name":"paynow","currencies":[7]}]}'],
    ['a name of 10 KB', JSON.stringify({ object: 'capability', payment_methods: [{ object: 'payment_method', name: 'p'.repeat(10_000), currencies: [] }] })],
    ['2,000 methods', JSON.stringify({ object: 'capability', payment_methods: Array.from({ length: 2000 }, () => ({ object: 'payment_method', name: 'paynow', currencies: ['SGD'] })) })],
  ])('%s is unreadable, with a plain sentence', async (_what, body) => {
    stub.answerOnce('/capability', 200, body);
    expect(failure(await client('atome').capability())).toEqual({
      kind: 'invalid_response',
      message: 'Opn sent a response the terminal cannot read',
      said: { area: 'payment', kind: 'unreadable_answer', provider: 'Opn' },
      ambiguous: false,
    });
  });

  it('a body past the response cap is refused without reading it all', async () => {
    stub.answerOnce('/capability', 200, Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(failure(await client('atome').capability()).kind).toBe('invalid_response');
  });

  it('a wrong key is the same sentence as anywhere else', async () => {
    const wrong = createOpnClient({ baseUrl: stub.baseUrl, secretKey: 'skey_test_wrong000', omiseVersion: '2019-05-29', fetch: platformFetch(5000), now: Date.now, decodeQrImage, simulated: false });
    expect(failure(await wrong.capability())).toMatchObject({ kind: 'auth', message: "Opn refused the terminal's secret key \u2014 check it in settings" });
  });
});

describe('secret hygiene', () => {
  it('no message produced here contains the secret key', () => {
    expect(messages.length).toBeGreaterThan(0);
    const basic = Buffer.from(`${STUB_SECRET}:`).toString('base64');
    expect(messages.filter((m) => m.includes(STUB_SECRET) || m.includes(basic))).toEqual([]);
  });
});
