import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../app/i18n/languages';
import { CURRENCY_CODES } from '../../app/money/currency';
import { METHOD_IDS } from '../../app/payment/method';
import { opnChargeSchema, type OpnChargeData } from '../../app/providers/opn/opn-api';
import { enabledOpnMethods, keepCapability, offerOpnMethods, unconfirmedOpnMethods, type KeptCapability } from '../../app/providers/opn/opn-capability';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { OPN_METHOD_IDS, OPN_METHODS, opnMethodBySource } from '../../app/providers/opn/opn-methods';
import { offlineFlowProblem, opnImageType } from '../../app/providers/opn/opn-qr';
import { checkOpnAmount, checkOpnRefundRules, opnExpiry } from '../../app/providers/opn/opn-rules';
import { mapOpnStatus, opnFailure } from '../../app/providers/opn/opn-status';
import { transliterate } from '../../app/pole-display/transliterate';

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 4, 3, 4);

describe('the Opn method table', () => {
  it('holds one entry per Opn QR method, each a terminal method with its own source type', () => {
    expect(OPN_METHOD_IDS).toEqual(['atome', 'paynow', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus']);
    for (const id of OPN_METHOD_IDS) expect(METHOD_IDS).toContain(id);
    expect(OPN_METHOD_IDS.map((id) => OPN_METHODS[id].sourceType)).toEqual(['atome_qr', 'paynow', 'promptpay', 'truemoney_qr', 'wechat_pay_mpm', 'alipayplus_mpm']);
    expect(opnMethodBySource('wechat_pay_mpm')?.id).toBe('wechatpay');
    // Redirect flows show their QR on a hosted page: not offered, not scraped.
    for (const redirect of ['duitnow_qr', 'maybank_qr', 'shopeepay', 'grabpay', 'wechat_pay', 'alipay_cn']) expect(opnMethodBySource(redirect)).toBeNull();
  });

  it('gives each method its currencies, and limits only where the doc gives them', () => {
    expect(Object.fromEntries(OPN_METHOD_IDS.map((id) => [id, OPN_METHODS[id].currencies]))).toEqual({
      atome: ['SGD', 'MYR'],
      paynow: ['SGD'],
      promptpay: ['THB'],
      truemoney: ['THB'],
      wechatpay: ['THB'],
      alipayplus: ['THB', 'SGD'],
    });
    expect(OPN_METHODS.promptpay.limits).toEqual({ THB: { min: 2000, max: 15_000_000 } });
    expect(OPN_METHODS.atome.limits).toEqual({ SGD: { min: 150, max: 300_000 }, MYR: { min: 1000, max: 500_000 } });
    for (const id of ['paynow', 'truemoney', 'wechatpay', 'alipayplus'] as const) expect(OPN_METHODS[id].limits).toEqual({});
    for (const id of OPN_METHOD_IDS) {
      for (const currency of OPN_METHODS[id].currencies) expect(CURRENCY_CODES).toContain(currency);
      for (const [currency, limits] of Object.entries(OPN_METHODS[id].limits)) {
        expect(OPN_METHODS[id].currencies).toContain(currency);
        expect(limits.min).toBeLessThan(limits.max);
      }
    }
  });

  it('names and instructs in English, Malay and Chinese, with short ASCII pole labels', () => {
    for (const id of OPN_METHOD_IDS) {
      const method = OPN_METHODS[id];
      for (const language of LANGUAGES) {
        expect(method.names[language].trim()).not.toBe('');
        expect(method.instructions[language].length).toBeGreaterThan(5);
      }
      expect(method.instructions.ms).not.toBe(method.instructions.en);
      expect(method.instructions['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
      // "Scan: " and a countdown share the pole's 20 columns with the label.
      expect(method.poleLabel).toMatch(/^[\x20-\x7e]{1,10}$/);
      expect(transliterate(method.poleLabel)).toBe(method.poleLabel);
      expect(method.receiptLabel).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('marks what is built from the full doc and what from the flow only', () => {
    expect(OPN_METHOD_IDS.filter((id) => OPN_METHODS[id].documented === 'full')).toEqual(['atome', 'paynow', 'promptpay']);
  });

  it('describes each method for the screens; Atome exactly as before', () => {
    expect(opnMethodInfo(false)).toEqual({
      id: 'atome',
      label: 'Atome',
      provider: 'Atome',
      instruction: 'Scan with the Atome app',
      currencies: ['SGD', 'MYR'],
      simulated: false,
      simulator: null,
      refunds: { supported: true, rule: 'Full or partial refunds within 60 days of the payment', said: { rule: 'within_days', days: 60 } },
      poleLabel: 'Atome',
      receiptLabel: 'Atome',
    });
    expect(opnMethodInfo(true, 'wechatpay')).toMatchObject({ label: 'WeChat Pay (simulated)', poleLabel: 'WeChat Pay', receiptLabel: 'WeChat Pay (simulated)', currencies: ['THB'] });
    expect(opnMethodInfo(true, 'wechatpay').simulator?.failureCodes).toHaveLength(7);
    expect(opnMethodInfo(false, 'promptpay').refunds).toMatchObject({ supported: false, rule: 'PromptPay payments cannot be refunded through Opn: give the money back by bank transfer' });
    expect(opnMethodInfo(false, 'paynow').refunds.rule).toBe(
      'Refunds through Opn within 365 days of the payment, at most 15 per payment, while Opn says the PayNow payment can be refunded',
    );
  });
});

describe('amount, expiry and refund rules per method', () => {
  it('names the limit in the refusal', () => {
    expect(checkOpnAmount({ minor: 1999, currency: 'THB' }, OPN_METHODS.promptpay)).toMatchObject({ ok: false, error: { message: 'PromptPay needs at least THB 20.00' } });
    expect(checkOpnAmount({ minor: 15_000_001, currency: 'THB' }, OPN_METHODS.promptpay)).toMatchObject({ ok: false, error: { message: 'PromptPay takes at most THB 150,000.00' } });
    expect(checkOpnAmount({ minor: 2000, currency: 'THB' }, OPN_METHODS.promptpay).ok).toBe(true);
    expect(checkOpnAmount({ minor: 2000, currency: 'SGD' }, OPN_METHODS.promptpay)).toMatchObject({ ok: false, error: { message: 'PromptPay does not take SGD' } });
    expect(checkOpnAmount({ minor: 1, currency: 'THB' }, OPN_METHODS.wechatpay).ok).toBe(true);
    // Atome as it always was, also as the default.
    expect(checkOpnAmount({ minor: 149, currency: 'SGD' })).toMatchObject({ ok: false, error: { message: 'Atome needs at least SGD 1.50' } });
    expect(checkOpnAmount({ minor: 500, currency: 'THB' })).toMatchObject({ ok: false, error: { message: 'Atome does not take THB' } });
  });

  it('keeps each documented expiry range, and sends the terminal\u2019s own where none is documented', () => {
    expect(opnExpiry(NOW + 25 * HOUR, NOW, OPN_METHODS.promptpay)).toMatchObject({ ok: false, error: { message: 'A PromptPay QR can stay valid for at most 24 hours; choose a shorter QR lifetime in settings' } });
    expect(opnExpiry(NOW + 24 * HOUR, NOW, OPN_METHODS.promptpay)).toEqual({ ok: true, value: NOW + 24 * HOUR });
    expect(opnExpiry(NOW + 5000, NOW, OPN_METHODS.promptpay)).toEqual({ ok: true, value: NOW + 5000 });
    expect(opnExpiry(NOW + 48 * HOUR + 999, NOW, OPN_METHODS.paynow)).toEqual({ ok: true, value: NOW + 48 * HOUR });
    expect(opnExpiry(Number.NaN, NOW, OPN_METHODS.paynow)).toMatchObject({ ok: false, error: { message: 'The PayNow QR has no valid expiry time' } });
    expect(opnExpiry(NOW + 13 * HOUR, NOW)).toMatchObject({ ok: false, error: { message: 'An Atome QR can stay valid for at most 12 hours; choose a shorter QR lifetime in settings' } });
    expect(opnExpiry(NOW + 10_000, NOW)).toMatchObject({ ok: false, error: { message: 'An Atome QR must stay valid for at least 30 seconds; this one would expire in 10 s' } });
  });

  it('refunds: none for PromptPay, 60 days for Atome, 365 for the others, at most 15 per charge', () => {
    expect(checkOpnRefundRules(OPN_METHODS.promptpay, NOW, NOW, 0)).toEqual({ ok: false, error: 'PromptPay payments cannot be refunded through Opn: give the money back by bank transfer' });
    expect(checkOpnRefundRules(OPN_METHODS.atome, NOW - 61 * 24 * HOUR, NOW, 0)).toEqual({
      ok: false,
      error: 'Atome refunds are possible only within 60 days of the payment; this one was paid on 3 March 2026',
    });
    expect(checkOpnRefundRules(OPN_METHODS.paynow, NOW - 61 * 24 * HOUR, NOW, 0).ok).toBe(true);
    expect(checkOpnRefundRules(OPN_METHODS.paynow, NOW - 366 * 24 * HOUR, NOW, 0).ok).toBe(false);
    expect(checkOpnRefundRules(OPN_METHODS.paynow, NOW, NOW, 14).ok).toBe(true);
    expect(checkOpnRefundRules(OPN_METHODS.paynow, NOW, NOW, 15)).toEqual({
      ok: false,
      error: 'Opn takes at most 15 refunds on one payment, and this PayNow payment has had 15: refund the rest in the Opn dashboard or by bank transfer',
    });
  });
});

const charge = (patch: Omit<Partial<OpnChargeData>, 'source'> & { source?: Partial<NonNullable<OpnChargeData['source']>> | null } = {}): OpnChargeData => {
  const base = {
    object: 'charge',
    id: 'chrg_test_1',
    amount: 2000,
    currency: 'THB',
    refunded_amount: 0,
    description: null,
    metadata: {},
    status: 'pending',
    failure_code: null,
    failure_message: null,
    created_at: '2026-05-03T04:00:00Z',
    paid_at: null,
    expires_at: null,
    source: {
      object: 'source',
      id: 'src_test_1',
      type: 'promptpay',
      amount: 2000,
      currency: 'THB',
      flow: 'offline',
      scannable_code: { object: 'barcode', type: 'qr', image: { object: 'document', id: 'docu_1', download_uri: 'https://api.omise.co/x', filename: 'qrcode.svg' } },
    },
  };
  const { source, ...rest } = patch;
  return opnChargeSchema.parse({ ...base, ...rest, source: source === null ? null : { ...base.source, ...source } });
};

describe('what a charge says', () => {
  it('only an offline flow with a QR can be shown', () => {
    expect(offlineFlowProblem(charge(), OPN_METHODS.promptpay)).toBeNull();
    expect(offlineFlowProblem(charge({ source: { flow: 'redirect', scannable_code: null } }), OPN_METHODS.promptpay)?.message).toBe(
      'Opn answered the PromptPay payment with a payment page the customer must open, not a QR code to show, so PromptPay cannot be taken at this counter',
    );
    expect(offlineFlowProblem(charge({ source: { flow: 'offline', scannable_code: null } }), OPN_METHODS.paynow)?.message).toBe(
      'Opn answered the PayNow payment without a QR code to show, so PayNow cannot be taken at this counter',
    );
    expect(offlineFlowProblem(charge({ source: { flow: null } }), OPN_METHODS.paynow)?.message).toMatch(/without a QR code to show/);
    expect(offlineFlowProblem(charge({ source: null }), OPN_METHODS.paynow)?.message).toMatch(/without a QR code to show/);
    expect(offlineFlowProblem(charge({ source: { flow: `x${'y'.repeat(39)}` } }), OPN_METHODS.paynow)?.message).toContain(`"x${'y'.repeat(39)}" flow`);
    expect(opnChargeSchema.safeParse({ ...charge(), source: { ...charge().source, flow: 'z'.repeat(41) } }).success).toBe(false);
  });

  it('tells an SVG from a raster image by the bytes, the header and the filename', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]);
    const svg = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('  \n<?xml version="1.0"?><svg/>')]);
    expect(opnImageType(png, 'image/svg+xml', 'qrcode.svg')).toBe('image/png');
    expect(opnImageType(svg, 'application/octet-stream', null)).toBe('image/svg+xml');
    expect(opnImageType(new Uint8Array(Buffer.from('<svg xmlns="x"/>')), '', null)).toBe('image/svg+xml');
    expect(opnImageType(new Uint8Array([1, 2, 3]), 'image/svg+xml', null)).toBe('image/svg+xml');
    expect(opnImageType(new Uint8Array([1, 2, 3]), '', 'QRCODE.SVG')).toBe('image/svg+xml');
    expect(opnImageType(new Uint8Array(Buffer.from('<html><svg>')), 'text/html', 'qrcode.png')).toBeNull();
    expect(opnImageType(new Uint8Array([]), 'image/webp', null)).toBe('image/webp');
  });

  it('carries the charge\u2019s word on refunds, and explains every failure code, naming the method', () => {
    expect(mapOpnStatus(charge({ status: 'successful', paid_at: '2026-05-03T04:01:00Z', refundable: false }), OPN_METHODS.promptpay)).toMatchObject({ kind: 'paid', refundable: false });
    expect(mapOpnStatus(charge({ status: 'successful', paid_at: '2026-05-03T04:01:00Z' }), OPN_METHODS.promptpay)).not.toHaveProperty('refundable');
    expect(opnFailure('insufficient_balance', OPN_METHODS.promptpay).message).toBe(
      "The customer's account did not have enough money for this PromptPay payment; ask them to top up or pay another way.",
    );
    expect(opnFailure('timeout', OPN_METHODS.wechatpay).message).toBe('The customer did not confirm the WeChat Pay payment before the QR code expired.');
    expect(opnFailure(null, OPN_METHODS.paynow)).toEqual({
      code: 'unspecified',
      message: 'PayNow did not complete the payment (unspecified).',
      said: { area: 'payment', kind: 'unknown_failure_code', code: 'unspecified', method: 'paynow' },
    });
    expect(opnFailure('__proto__', OPN_METHODS.paynow)).toEqual({
      code: '__proto__',
      message: 'PayNow did not complete the payment (__proto__).',
      said: { area: 'payment', kind: 'unknown_failure_code', code: '__proto__', method: 'paynow' },
    });
    expect(mapOpnStatus(charge({ status: 'failed', failure_code: 'payment_rejected' }), OPN_METHODS.alipayplus)).toMatchObject({ kind: 'failed', failure: { message: 'Alipay+ rejected the payment.' } });
  });
});

describe('what the account offers', () => {
  const capability = (methods: [string, string[]][]) => ({ object: 'capability' as const, payment_methods: methods.map(([name, currencies]) => ({ object: 'payment_method' as const, name, currencies })) });

  it('takes the table\u2019s methods in the currencies both name, ignoring the rest', () => {
    expect(
      enabledOpnMethods(
        capability([
          ['card', ['SGD']],
          ['alipayplus_mpm', ['thb', 'JPY']],
          ['paynow', ['SGD', 'USD']],
          ['atome_qr', ['THB']],
          ['duitnow_qr', ['MYR']],
          ['paynow', ['XXX']],
        ]),
      ),
    ).toEqual([
      { id: 'paynow', currencies: ['SGD'] },
      { id: 'alipayplus', currencies: ['THB'] },
    ]);
    expect(enabledOpnMethods(capability([]))).toEqual([]);
  });

  it('remembers what went, from when, until it comes back', () => {
    const first = keepCapability(null, 'a1b2c3d4', [{ id: 'paynow', currencies: ['SGD'] }, { id: 'alipayplus', currencies: ['SGD'] }], NOW);
    expect(first.gone).toEqual([]);
    const second = keepCapability(first, 'a1b2c3d4', [{ id: 'paynow', currencies: ['SGD'] }], NOW + HOUR);
    expect(second.gone).toEqual([{ id: 'alipayplus', since: NOW + HOUR }]);
    expect(keepCapability(second, 'a1b2c3d4', [{ id: 'paynow', currencies: ['SGD'] }], NOW + 2 * HOUR).gone).toEqual([{ id: 'alipayplus', since: NOW + HOUR }]);
    expect(keepCapability(second, 'a1b2c3d4', first.methods, NOW + 3 * HOUR).gone).toEqual([]);
    // Another account's answer is no baseline.
    expect(keepCapability(first, 'ffffffff', [], NOW + HOUR).gone).toEqual([]);
  });

  it('offers what the shop chose of it, and explains what it cannot', () => {
    const kept: KeptCapability = { version: 1, account: 'a1b2c3d4', checkedAt: NOW, methods: [{ id: 'paynow', currencies: ['SGD'] }], gone: [{ id: 'alipayplus', since: NOW }] };
    expect(offerOpnMethods(kept, null, 'en-SG')).toEqual({
      offered: [{ id: 'paynow', currencies: ['SGD'] }],
      missing: [{ id: 'alipayplus', sentence: expect.stringMatching(/^Opn no longer offers Alipay\+ on this account \(noticed on 3 May 2026\)/) as unknown }],
    });
    expect(offerOpnMethods(kept, ['paynow'], 'en-SG').missing).toEqual([]);
    expect(offerOpnMethods(kept, ['promptpay'], 'en-SG')).toEqual({ offered: [], missing: [{ id: 'promptpay', sentence: expect.stringMatching(/^PromptPay is chosen in providers\.opn\.methods/) as unknown }] });
  });

  it('never having heard from Opn: the chosen methods, or Atome and those in the shop\u2019s currencies', () => {
    expect(unconfirmedOpnMethods(null, ['SGD']).map((m) => m.id)).toEqual(['atome', 'paynow', 'alipayplus']);
    expect(unconfirmedOpnMethods(null, ['THB']).map((m) => m.id)).toEqual(['atome', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus']);
    expect(unconfirmedOpnMethods(['wechatpay'], ['SGD'])).toEqual([{ id: 'wechatpay', currencies: ['THB'] }]);
  });
});
