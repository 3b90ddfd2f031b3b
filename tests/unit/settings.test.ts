import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, describeSettingsError, keySafeUrl, settingsSchema } from '../../app/settings/settings';

function problems(input: unknown): string[] {
  const result = settingsSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return describeSettingsError(result.error);
}

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS.payment.qrExpirySeconds).toBe(600);
    expect(DEFAULT_SETTINGS.web.port).toBe(5170);
    expect(DEFAULT_SETTINGS.web.host).toBe('127.0.0.1');
    expect(DEFAULT_SETTINGS).toEqual({
      merchant: { name: 'Demo Shop', addressLines: [], logoText: null },
      currency: 'SGD',
      locale: 'en-SG',
      payment: { qrExpirySeconds: 600, entry: 'cents', currencies: [], pollIntervalMs: 1000, expiryGraceSeconds: 10, backoffBaseMs: 1000, backoffMaxMs: 30_000 },
      web: { host: '127.0.0.1', port: 5170 },
      webhooks: { host: '127.0.0.1', port: null },
      posApi: { enabled: false, port: 5180, bind: 'loopback', address: null, allowRefunds: false },
      printer: {
        connection: null,
        paper: '80mm',
        qr: 'native',
        autoPrintQrSlip: 'without_display',
        autoPrintReceipt: true,
        printFailedSlips: false,
        jobTimeoutMs: 15_000,
        retries: 2,
      },
      poleDisplay: { port: null, commandSet: 'epson', brightness: 4, welcome: [] },
      devices: { allowPseudoTerminals: false },
      customerDisplay: { displayId: null },
      language: { display: ['en'], cashier: 'en' },
      sounds: { enabled: true },
      startup: { openAtLogin: false },
      providers: {
        opn: { secretKey: null, baseUrl: 'https://api.omise.co', omiseVersion: '2019-05-29', methods: null },
        orangepill: {
          apiKey: null,
          baseUrl: 'https://api.orangepill.cloud',
          merchantAlias: null,
          store: null,
          merchant: null,
          callbackUrl: null,
          tags: [],
        },
      },
      demo: { latencyMs: 0, methods: ['demo', 'atome', 'paynow', 'promptpay', 'orangepill'] },
    });
  });

  it('fills each device connection with its common defaults, and names a wrong one', () => {
    const tcp = settingsSchema.parse({ printer: { connection: { kind: 'tcp', host: '192.0.2.7' } } });
    expect(tcp.printer.connection).toEqual({ kind: 'tcp', host: '192.0.2.7', port: 9100 });
    const serial = settingsSchema.parse({ poleDisplay: { port: { path: '/dev/ttyUSB0' }, commandSet: 'cd5220' } });
    expect(serial.poleDisplay.port).toEqual({ path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    const wrong = settingsSchema.safeParse({ printer: { connection: { kind: 'serial', path: '/dev/ttyS0', baudRate: 9601 } }, poleDisplay: { commandSet: 'vfd' } });
    expect(wrong.success).toBe(false);
    if (!wrong.success) {
      expect(describeSettingsError(wrong.error)).toEqual([
        'printer.connection.baudRate must be one of 9600, 19200, 38400, 57600 or 115200',
        'poleDisplay.commandSet must be one of epson, cd5220, logic-controls, plain',
      ]);
    }
  });

  it('fills defaults around a partial config', () => {
    const result = settingsSchema.safeParse({ payment: { qrExpirySeconds: 120 }, web: { port: 8080 } });
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.payment).toEqual({ qrExpirySeconds: 120, entry: 'cents', currencies: [], pollIntervalMs: 1000, expiryGraceSeconds: 10, backoffBaseMs: 1000, backoffMaxMs: 30_000 });
      expect(result.data.web).toEqual({ host: '127.0.0.1', port: 8080 });
      expect(result.data.merchant.name).toBe('Demo Shop');
    }
  });

  it('accepts the expiry limits themselves', () => {
    expect(settingsSchema.safeParse({ payment: { qrExpirySeconds: 30 } }).success).toBe(true);
    expect(settingsSchema.safeParse({ payment: { qrExpirySeconds: 43_200 } }).success).toBe(true);
  });

  it('rejects a QR expiry below 30 seconds, naming the setting and the limit', () => {
    expect(problems({ payment: { qrExpirySeconds: 5 } })).toEqual(['payment.qrExpirySeconds must be at least 30 seconds']);
  });

  it('reads payment.entry as cents or decimal, refusing anything else by name', () => {
    expect(problems({ payment: { entry: 'dollars' } })).toEqual(['payment.entry must be cents or decimal']);
    expect(problems({ payment: { entry: 5 } })).toEqual(['payment.entry must be cents or decimal']);
    expect(settingsSchema.parse({ payment: { entry: 'decimal' } }).payment.entry).toBe('decimal');
  });

  it('rejects a QR expiry above 12 hours, naming the setting and the limit', () => {
    expect(problems({ payment: { qrExpirySeconds: 50_000 } })).toEqual(['payment.qrExpirySeconds must be at most 12 hours (43200 seconds)']);
  });

  it('rejects a fractional expiry', () => {
    const lines = problems({ payment: { qrExpirySeconds: 60.5 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith('payment.qrExpirySeconds ')).toBe(true);
  });

  it('rejects unknown keys, naming them', () => {
    expect(problems({ paymnet: { qrExpirySeconds: 60 } })).toEqual(['unknown setting(s) paymnet']);
    expect(problems({ payment: { qrExpiry: 60 } })).toEqual(['payment: unknown setting(s) qrExpiry']);
  });

  it('rejects a locale the system does not know', () => {
    const expected = ['locale must be a BCP 47 locale this system knows, e.g. en-SG'];
    expect(problems({ locale: 'not a locale!' })).toEqual(expected);
    expect(problems({ locale: 'zz' })).toEqual(expected);
    expect(problems({ locale: '' })).toEqual(expected);
  });

  it('accepts a real locale', () => {
    const result = settingsSchema.safeParse({ locale: 'ms-MY' });
    expect(result.success && result.data.locale).toBe('ms-MY');
  });

  it('rejects an unsupported currency and a bad poll interval', () => {
    expect(problems({ currency: 'XYZ' })).toEqual(['currency must be a supported ISO 4217 currency code, e.g. SGD']);
    expect(problems({ payment: { pollIntervalMs: 100 } })).toEqual(['payment.pollIntervalMs must be at least 250 ms']);
    expect(problems({ payment: { pollIntervalMs: 60_000 } })).toEqual(['payment.pollIntervalMs must be at most 10000 ms']);
  });

  it('rejects an empty merchant name and a port out of range', () => {
    expect(problems({ merchant: { name: '   ' } })).toEqual(['merchant.name must not be empty']);
    const port = problems({ web: { port: 70_000 } });
    expect(port).toHaveLength(1);
    expect(port[0]?.startsWith('web.port ')).toBe(true);
  });

  it('reports every problem, one line each', () => {
    const lines = problems({ payment: { qrExpirySeconds: 5 }, locale: 'zz', extra: 1 });
    expect(lines).toHaveLength(3);
    expect(lines).toContain('payment.qrExpirySeconds must be at least 30 seconds');
    expect(lines).toContain('unknown setting(s) extra');
  });
});

describe('customerDisplay setting', () => {
  it('defaults to no fixed monitor, and takes a display id', () => {
    expect(settingsSchema.parse({}).customerDisplay.displayId).toBeNull();
    expect(settingsSchema.parse({ customerDisplay: { displayId: 2528732444 } }).customerDisplay.displayId).toBe(2528732444);
  });

  it('rejects a display id that is not a whole non-negative number', () => {
    const result = settingsSchema.safeParse({ customerDisplay: { displayId: 'HDMI-1' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSettingsError(result.error)[0]).toMatch(/^customerDisplay\.displayId /);
  });
});

describe('polling policy settings', () => {
  it('refuses a backoff ceiling below its base, naming the setting', () => {
    const result = settingsSchema.safeParse({ payment: { backoffBaseMs: 5000, backoffMaxMs: 2000 } });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSettingsError(result.error)).toEqual(['payment.backoffMaxMs must be at least backoffBaseMs']);
  });
});

describe('addresses a provider key may be sent to', () => {
  it.each([
    ['https://api.omise.co', true],
    ['HTTPS://api.orangepill.cloud/v1', true],
    ['http://127.0.0.1:4010', true],
    ['http://127.45.0.9', true],
    ['http://localhost:8080/api', true],
    ['http://[::1]:4010', true],
    ['http://api.omise.co', false],
    ['http://192.168.1.50:8080', false],
    ['http://127.0.0.1@evil.example', false],
    ['http://127.0.0.1:80@evil.example/', false],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1.evil.example', false],
    ['http://[::1].evil.example', false],
    ['http://0x7f.0.0.1', false],
    ['ftp://127.0.0.1', false],
    ['not a url', false],
  ])('%s → %s', (url, safe) => {
    expect(keySafeUrl(url)).toBe(safe);
  });
});

describe('providers.opn.methods: which Opn QR methods the shop offers', () => {
  it('offers every method the account has unless the shop names some', () => {
    expect(DEFAULT_SETTINGS.providers.opn.methods).toBeNull();
    expect(settingsSchema.parse({ providers: { opn: { methods: ['paynow', 'alipayplus'] } } }).providers.opn.methods).toEqual(['paynow', 'alipayplus']);
  });

  it('refuses an empty list, a repeat, an unknown method and a redirect-flow source, naming the setting', () => {
    expect(problems({ providers: { opn: { methods: [] } } })).toEqual([
      'providers.opn.methods must name at least one method (leave it unset to offer every method the Opn account has)',
    ]);
    expect(problems({ providers: { opn: { methods: ['paynow', 'paynow'] } } })).toEqual(['providers.opn.methods must not name the same method twice']);
    expect(problems({ providers: { opn: { methods: ['duitnow_qr'] } } })).toEqual([
      'providers.opn.methods.0 must be Opn QR methods: atome, paynow, promptpay, truemoney, wechatpay, alipayplus',
    ]);
    expect(problems({ providers: { opn: { methods: ['orangepill'] } } })[0]).toMatch(/^providers\.opn\.methods\.0 must be Opn QR methods/);
    expect(problems({ providers: { opn: { methods: 'paynow' } } })[0]).toMatch(/^providers\.opn\.methods /);
    expect(problems({ providers: { opn: { methods: Array.from({ length: 10_000 }, () => 'atome') } } })).toEqual([
      'providers.opn.methods must not name the same method twice',
    ]);
  });

  it('demo mode offers PayNow and PromptPay beside Atome by default', () => {
    expect(DEFAULT_SETTINGS.demo.methods).toEqual(['demo', 'atome', 'paynow', 'promptpay', 'orangepill']);
    expect(settingsSchema.parse({ demo: { methods: ['truemoney', 'wechatpay', 'alipayplus'] } }).demo.methods).toEqual(['truemoney', 'wechatpay', 'alipayplus']);
  });
});
