import { describe, expect, it } from 'vitest';
import { OPN_SIM_SOURCE_TYPES, type OpnSimSourceType } from '../../electron/simulators/opn/opn-simulator';
import { createCharge, decodeDocument, downloadQr, opnApi, useOpnSim } from '../support/opn-sim-http';

const sim = useOpnSim();
const HOUR = 3600_000;

/** One good charge per method: its currency, an amount it takes, and the QR file Opn serves. */
const METHODS: readonly { type: OpnSimSourceType; currency: string; amount: string; file: string; contentType: string }[] = [
  { type: 'atome_qr', currency: 'SGD', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'atome_qr', currency: 'MYR', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'paynow', currency: 'SGD', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'promptpay', currency: 'THB', amount: '2000', file: 'qrcode.svg', contentType: 'image/svg+xml' },
  { type: 'truemoney_qr', currency: 'THB', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'wechat_pay_mpm', currency: 'THB', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'alipayplus_mpm', currency: 'THB', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
  { type: 'alipayplus_mpm', currency: 'SGD', amount: '1234', file: 'qrcode.png', contentType: 'image/png' },
];

describe('Opn simulator: every QR method is an offline charge with a QR the simulator serves', () => {
  for (const m of METHODS) {
    it(`${m.type} in ${m.currency}: flow offline, ${m.file} served as ${m.contentType}, decoding to the recorded payload`, async () => {
      const charge = await createCharge(sim(), { amount: m.amount, currency: m.currency, 'source[type]': m.type });
      expect(charge).toMatchObject({ status: 'pending', amount: Number(m.amount), currency: m.currency, authorize_uri: null, refundable: false });
      expect(charge.source).toMatchObject({ type: m.type, flow: 'offline', currency: m.currency, charge_status: 'pending' });
      const image = charge.source.scannable_code!.image;
      expect(image).toMatchObject({ object: 'document', kind: 'qr', filename: m.file });
      expect(image.download_uri.startsWith(`${sim().baseUrl}/charges/${charge.id}/documents/${image.id}/downloads/`)).toBe(true);
      const download = await downloadQr(charge);
      expect(download).toMatchObject({ status: 200, contentType: m.contentType });
      const payload = sim().qrPayload(charge.id);
      expect(payload).not.toBeNull();
      expect(decodeDocument(download)).toBe(payload);
    });
  }

  it('PromptPay\u2019s SVG is the qrcode package\u2019s: a vector picture, no raster inside', async () => {
    const charge = await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
    const svg = (await downloadQr(charge)).bytes.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<path');
    expect(svg).not.toContain('<image');
  });

  it('each charge has its own QR, and the document needs the key', async () => {
    const a = await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
    const b = await createCharge(sim(), { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' });
    expect(sim().qrPayload(a.id)).not.toBe(sim().qrPayload(b.id));
    expect((await fetch(a.source.scannable_code!.image.download_uri)).status).toBe(401);
  });
});

describe('Opn simulator: each method\u2019s currency', () => {
  const wrong: readonly [OpnSimSourceType, string][] = [
    ['atome_qr', 'THB'],
    ['paynow', 'THB'],
    ['paynow', 'MYR'],
    ['promptpay', 'SGD'],
    ['truemoney_qr', 'SGD'],
    ['wechat_pay_mpm', 'USD'],
    ['alipayplus_mpm', 'MYR'],
  ];
  for (const [type, currency] of wrong) {
    it(`${type} in ${currency} is refused with Opn's error object, and no charge is made`, async () => {
      const answer = await opnApi(sim(), '/charges', { amount: '5000', currency, 'source[type]': type });
      expect(answer).toEqual({ status: 400, json: { object: 'error', code: 'invalid_charge', message: 'currency is currently not supported' } });
      expect(sim().charges()).toHaveLength(0);
    });
  }

  it('a currency in lower case is read as Opn reads it', async () => {
    const charge = await createCharge(sim(), { amount: '5000', currency: 'thb', 'source[type]': 'promptpay' });
    expect(charge.currency).toBe('THB');
  });
});

describe('Opn simulator: amount limits only where documented', () => {
  const refused = async (form: Record<string, string>, message: string) => {
    expect(await opnApi(sim(), '/charges', form)).toEqual({ status: 400, json: { object: 'error', code: 'invalid_charge', message } });
  };

  it('PromptPay takes THB 20.00 to THB 150,000.00, its Limits section', async () => {
    const promptpay = { currency: 'THB', 'source[type]': 'promptpay' };
    await refused({ ...promptpay, amount: '1999' }, 'amount must be at least 2000');
    await refused({ ...promptpay, amount: '15000001' }, 'amount must be at most 15000000');
    await createCharge(sim(), { ...promptpay, amount: '2000' });
    await createCharge(sim(), { ...promptpay, amount: '15000000' });
    expect(sim().charges().map((c) => c.amount)).toEqual([2000, 15_000_000]);
  });

  it('Atome keeps its own limits', async () => {
    await refused({ currency: 'SGD', 'source[type]': 'atome_qr', amount: '149' }, 'amount must be at least 150');
    await refused({ currency: 'MYR', 'source[type]': 'atome_qr', amount: '500001' }, 'amount must be at most 500000');
  });

  for (const [type, currency] of [['paynow', 'SGD'], ['truemoney_qr', 'THB'], ['wechat_pay_mpm', 'THB'], ['alipayplus_mpm', 'SGD']] as const) {
    it(`${type} has no documented limit, so the simulator invents none (1 and 999,999,999,999 subunits pass)`, async () => {
      await createCharge(sim(), { amount: '1', currency, 'source[type]': type });
      await createCharge(sim(), { amount: '999999999999', currency, 'source[type]': type });
      expect(sim().charges()).toHaveLength(2);
    });
  }

  it('refuses a zero, negative, fractional, oversized or missing amount for any method', async () => {
    const paynow = { currency: 'SGD', 'source[type]': 'paynow' };
    await refused({ ...paynow, amount: '0' }, 'amount must be greater than 0');
    for (const amount of ['-100', '12.5', '1e5', '1000000000000', ' 100', '']) {
      await refused({ ...paynow, amount }, 'amount must be an integer number of subunits');
    }
    await refused(paynow, 'amount must be an integer number of subunits');
    expect(sim().charges()).toHaveLength(0);
  });
});

describe('Opn simulator: QR lifetime per method', () => {
  const lifetime = (c: { created_at: string; expires_at: string }) => Date.parse(c.expires_at) - Date.parse(c.created_at);
  const at = (ms: number) => new Date(sim().now() + ms).toISOString();

  it('PromptPay defaults to 24 hours and takes up to 24 hours', async () => {
    const form = { amount: '5000', currency: 'THB', 'source[type]': 'promptpay' };
    expect(lifetime(await createCharge(sim(), form))).toBe(24 * HOUR);
    expect(lifetime(await createCharge(sim(), { ...form, expires_at: at(5 * 60_000) }))).toBeLessThanOrEqual(5 * 60_000);
    const late = await opnApi(sim(), '/charges', { ...form, expires_at: at(25 * HOUR) });
    expect(late).toEqual({ status: 400, json: { object: 'error', code: 'invalid_charge', message: 'expires_at must be in the future and at most 24 hours from now' } });
  });

  it('the methods with no documented lifetime take any time in the next 24 hours, and refuse the past', async () => {
    const form = { amount: '500', currency: 'SGD', 'source[type]': 'paynow' };
    expect(lifetime(await createCharge(sim(), form))).toBe(24 * HOUR);
    expect(lifetime(await createCharge(sim(), { ...form, expires_at: at(10 * 60_000) }))).toBeLessThanOrEqual(10 * 60_000);
    for (const when of [at(-60_000), at(400 * 24 * HOUR), '9999-12-31T23:59:59Z']) {
      expect((await opnApi(sim(), '/charges', { ...form, expires_at: when })).status).toBe(400);
    }
    for (const when of ['tomorrow', '2026-13-45T99:00:00Z', '', 'x'.repeat(10_000)]) {
      const answer = await opnApi(sim(), '/charges', { ...form, expires_at: when });
      expect(answer.json).toMatchObject({ message: 'expires_at is not a valid ISO 8601 time' });
    }
  });

  it('Atome keeps 30 seconds to 12 hours', async () => {
    const answer = await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': 'atome_qr', expires_at: at(13 * HOUR) });
    expect(answer.json).toMatchObject({ message: 'expires_at must be between 30 seconds and 12 hours from now' });
  });
});

describe('Opn simulator: source types it does not charge', () => {
  it('names an unknown type, cut short when it is hostile, and makes no charge', async () => {
    for (const type of ['duitnow_qr', 'card', '<script>alert(1)</script>', 'x'.repeat(50_000)]) {
      const answer = await opnApi(sim(), '/charges', { amount: '5000', currency: 'SGD', 'source[type]': type });
      expect(answer.status).toBe(400);
      const message = (answer.json as { message: string }).message;
      expect(message).toBe(`source type ${type.slice(0, 64)} is not supported`);
    }
    expect(sim().charges()).toHaveLength(0);
  });

  it('every method is offline by default: none answers a redirect flow unless a test asks', async () => {
    for (const type of OPN_SIM_SOURCE_TYPES) {
      const currency = type === 'paynow' || type === 'atome_qr' ? 'SGD' : 'THB';
      const charge = await createCharge(sim(), { amount: '5000', currency, 'source[type]': type });
      expect([charge.source.flow, charge.authorize_uri, charge.source.scannable_code === null]).toEqual(['offline', null, false]);
    }
  });
});
