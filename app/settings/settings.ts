import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { ENTRY_MODES } from '../money/keyed-entry';
import { CASHIER_LANGUAGES, LANGUAGES } from '../i18n/languages';
import { METHOD_IDS } from '../payment/method';
import { OPN_METHOD_IDS } from '../providers/opn/opn-methods';
import { poleDisplaySettings, printerSettings } from './device-settings';
import { says } from './field-problem';

const NOT_CURRENCY = says('must be a supported ISO 4217 currency code, e.g. SGD', { area: 'settings', kind: 'field_not_currency' });

const isLocale = (tag: string): boolean => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
};

export const httpUrl = z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { error: says('must be an http(s) URL', { area: 'settings', kind: 'field_not_url' }) }).transform((url) => url.replace(/\/+$/, ''));
/** Hosts on this machine, where plain http cannot be read on the way: the simulators and a local proxy. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * True for an address a provider key may be sent to: https, or http to this machine only. Read by
 * hand (app/ has no URL class): the host is what follows any user@ and precedes any :port, so
 * `http://127.0.0.1@evil.example` is evil.example. Odd spellings of loopback are refused, not guessed.
 */
export function keySafeUrl(url: string): boolean {
  const match = /^(https?):\/\/([^/?#\s]+)/i.exec(url);
  if (match === null) return false;
  if (match[1]?.toLowerCase() === 'https') return true;
  const authority = match[2] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  const end = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') + 1 : hostAndPort.includes(':') ? hostAndPort.indexOf(':') : hostAndPort.length;
  const port = hostAndPort.slice(end);
  return (port === '' || /^:\d{1,5}$/.test(port)) && isLoopback(hostAndPort.slice(0, end));
}

/**
 * A provider's API address. Every request to it carries the secret key, so it must be https://;
 * plain http:// is accepted only on this machine (127.0.0.1, localhost), where the simulators run.
 */
export const providerBaseUrl = httpUrl.refine(keySafeUrl, {
  error: says('must be an https:// address: it receives the secret key with every request (plain http:// only to this machine, e.g. http://127.0.0.1:8080)', {
    area: 'settings',
    kind: 'field_url_not_https',
  }),
});

export const orangepillAlias = z.string().regex(/^@[A-Za-z0-9_.-]{1,64}$/, { error: says('must be an alias like @my_shop', { area: 'settings', kind: 'field_not_alias' }) });

/** Opn's secret key: `skey_test_…` on the test account, `skey_…` live. */
export const opnSecretKey = z.string().trim().regex(/^skey_(test_)?[A-Za-z0-9]+$/, { error: says('must be an Opn secret key (skey_…)', { area: 'settings', kind: 'field_not_opn_key' }) });
/** A shop's choice of Opn QR methods: at least one, each once. */
export const opnMethods = z
  .array(z.enum(OPN_METHOD_IDS, { error: `must be Opn QR methods: ${OPN_METHOD_IDS.join(', ')}` }))
  .min(1, { error: 'must name at least one method (leave it unset to offer every method the Opn account has)' })
  .refine((list) => new Set(list).size === list.length, { error: 'must not name the same method twice' });
/** Orangepill's API key, from the Orangepill console. */
export const orangepillApiKey = z.string().trim().min(8, { error: says('must be the API key from the Orangepill console (at least 8 characters)', { area: 'settings', kind: 'field_not_orangepill_key' }) }).max(512);

/** How long a QR stays payable, in seconds. */
export const qrExpirySeconds = z
  .number({ error: says('must be a number of seconds', { area: 'settings', kind: 'field_seconds_not_number' }) })
  .int({ error: says('must be a whole number of seconds', { area: 'settings', kind: 'field_seconds_not_whole' }) })
  .min(30, { error: says('must be at least 30 seconds', { area: 'settings', kind: 'field_seconds_at_least', min: 30 }) })
  .max(43_200, { error: says('must be at most 12 hours (43200 seconds)', { area: 'settings', kind: 'field_seconds_at_most', max: 43_200 }) });

/** The store or merchant name sent with each Orangepill request (`data.store`, `data.merchant`). */
export const orangepillLabel = z.string().trim().min(1, { error: says('must not be empty (leave it unset instead)', { area: 'settings', kind: 'field_empty', hint: 'leave_unset' }) }).max(80, { error: says('must be at most 80 characters', { area: 'settings', kind: 'field_too_long', max: 80, hint: 'none' }) });

/**
 * How the cashier's digits read before any ".": 'cents' shifts them in from the right (1 2 3 4 is
 * 12.34), 'decimal' reads them as whole units (1 2 is 12.00). After a "." both read decimals.
 */
export const paymentEntry = z.enum(ENTRY_MODES, { error: `must be ${ENTRY_MODES.join(' or ')}` });

export const omiseVersion = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: says('must be an API version date like 2019-05-29', { area: 'settings', kind: 'field_not_api_version' }) });

export const merchantFields = z
  .strictObject({
    name: z.string().trim().min(1, { error: says('must not be empty', { area: 'settings', kind: 'field_empty', hint: 'none' }) }).max(40, { error: says('must be at most 40 characters', { area: 'settings', kind: 'field_too_long', max: 40, hint: 'none' }) }).default('Demo Shop'),
    /** Printed under the name on every receipt: address, phone, tax number. */
    addressLines: z.array(z.string().trim().max(48, { error: says('must be at most 48 characters', { area: 'settings', kind: 'field_too_long', max: 48, hint: 'none' }) })).max(4, { error: says('must be at most four lines', { area: 'settings', kind: 'field_four_lines' }) }).default([]),
    /** A short word printed in large type above the name on receipts, in place of a logo; null for none. */
    logoText: z
      .string()
      .trim()
      .min(1, { error: says('must not be empty (leave it unset for no logo text)', { area: 'settings', kind: 'field_empty', hint: 'no_logo' }) })
      .max(16, { error: says('must be at most 16 characters (it prints double width)', { area: 'settings', kind: 'field_too_long', max: 16, hint: 'double_width' }) })
      .nullable()
      .default(null),
  });

export const customerDisplayFields = z
  .strictObject({
    /** Electron's id of the monitor for the customer screen; null picks the first non-primary display. */
    displayId: z.number().int().nonnegative().nullable().default(null),
  });

export const languageFields = z
  .strictObject({
    /** The customer display's languages: the first large, an optional second smaller beneath it. */
    display: z
      .array(z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }))
      .min(1, { error: says('must name at least one language', { area: 'settings', kind: 'field_languages_none' }) })
      .max(2, { error: says('must name at most two languages (the display shows two at once)', { area: 'settings', kind: 'field_languages_too_many' }) })
      .refine((list) => new Set(list).size === list.length, { error: says('must not name the same language twice', { area: 'settings', kind: 'field_languages_twice' }) })
      .default(['en']),
    /** Only English so far; kept as a setting so a translation needs no new key. */
    cashier: z.enum(CASHIER_LANGUAGES, { error: `must be one of ${CASHIER_LANGUAGES.join(', ')}` }).default('en'),
  });

export const soundFields = z
  .strictObject({
    /** Short tones on the cashier screen when a payment is paid or fails. */
    enabled: z.boolean({ error: 'must be true or false' }).default(true),
  });

export const startupFields = z
  .strictObject({
    /** Electron only: start the terminal when the user logs in, for a PC that is only a counter terminal. */
    openAtLogin: z.boolean({ error: 'must be true or false' }).default(false),
  });

/**
 * Every setting the terminal has, with its default. The headless host reads the same shape from
 * `--config FILE`, so an unattended terminal needs no clicks. Unknown keys are errors, to catch typos.
 */
const TRUE_OR_FALSE = says('must be true or false', { area: 'settings', kind: 'field_true_false' });
const NOT_PORT = says('must be a port number (0 to 65535)', { area: 'settings', kind: 'field_not_port' });

/**
 * The POS integration API (docs/pos-api.md): a shop's till creates QR checkouts on this terminal.
 * Off by default. 'loopback' listens on 127.0.0.1 only, over http; 'lan' listens on the shop's
 * network over https only, with the terminal's own certificate (kept in the data folder) that each
 * till pins by its fingerprint.
 */
export const posApiFields = z.strictObject({
  enabled: z.boolean({ error: TRUE_OR_FALSE }).default(false),
  port: z.number({ error: NOT_PORT }).int({ error: NOT_PORT }).min(0, { error: NOT_PORT }).max(65_535, { error: NOT_PORT }).default(5180),
  bind: z
    .enum(['loopback', 'lan'], { error: says('must be "loopback" (this machine only) or "lan" (the shop network, over TLS)', { area: 'settings', kind: 'field_pos_bind' }) })
    .default('loopback'),
  /**
   * Settings-file only: for 'lan', the one address of this machine to listen on (null: every
   * address, 0.0.0.0). TLS is required whatever it is; tests set 127.0.0.1.
   */
  address: z.ipv4({ error: says('must be an IPv4 address of this machine, like 192.168.1.20 (leave it unset to listen on every address)', { area: 'settings', kind: 'field_not_ipv4' }) }).nullable().default(null),
  /** The shop's standing approval of refunds asked for by a POS key with the refund scope. */
  allowRefunds: z.boolean({ error: TRUE_OR_FALSE }).default(false),
});

export const settingsSchema = z.strictObject({
  merchant: merchantFields.prefault({}),
  currency: z
    .enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], { error: NOT_CURRENCY })
    .default('SGD'),
  locale: z.string().refine(isLocale, { error: says('must be a BCP 47 locale this system knows, e.g. en-SG', { area: 'settings', kind: 'field_not_locale' }) }).default('en-SG'),
  payment: z
    .strictObject({
      qrExpirySeconds: qrExpirySeconds.default(600),
      entry: paymentEntry.default('cents'),
      /**
       * The currencies the counter charges in, first the usual one. Empty: the shop's `currency` only.
       * Each method offers those it accepts (app/payment/offered-currencies.ts), so an Orangepill
       * account, which takes any currency, does not put 18 currencies in front of the cashier.
       */
      currencies: z
        .array(z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], { error: NOT_CURRENCY }))
        .max(8, { error: 'must name at most 8 currencies' })
        .refine((list) => new Set(list).size === list.length, { error: 'must not name the same currency twice' })
        .default([]),
      pollIntervalMs: z.number().int().min(250, { error: 'must be at least 250 ms' }).max(10_000, { error: 'must be at most 10000 ms' }).default(1000),
      expiryGraceSeconds: z.number().int().min(0).max(300).default(10),
      /** After a failed status request, wait from this much, doubling (with jitter) up to backoffMaxMs. */
      backoffBaseMs: z.number().int().min(250, { error: 'must be at least 250 ms' }).max(60_000).default(1000),
      backoffMaxMs: z.number().int().min(1000, { error: 'must be at least 1000 ms' }).max(600_000).default(30_000),
    })
    .refine((p) => p.backoffMaxMs >= p.backoffBaseMs, { error: 'must be at least backoffBaseMs', path: ['backoffMaxMs'] })
    .prefault({}),
  web: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(5170),
    })
    .prefault({}),
  /**
   * Where the terminal listens for Opn webhooks (POST /webhooks/opn) and Orangepill callbacks
   * (POST /callbacks/orangepill). Off (null port) by default: polling alone is enough; these only
   * make "paid" show sooner.
   */
  webhooks: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).nullable().default(null),
    })
    .prefault({}),
  /**
   * The POS integration API (docs/pos-api.md): a shop's till creates QR checkouts on this terminal.
   * Off by default. 'loopback' listens on 127.0.0.1 only; 'lan' needs TLS.
   */
  posApi: posApiFields.prefault({}),
  printer: printerSettings,
  poleDisplay: poleDisplaySettings,
  /**
   * Settings-file only: neither the Devices panel nor devices.json can set this (it is outside
   * printer/poleDisplay, which are what they save). True also accepts a printer or pole display path
   * that resolves to a pseudo-terminal /dev/pts/<n> (socat, ser2net); off by default, since a pty
   * may be a logged-in user's terminal.
   */
  devices: z
    .strictObject({
      allowPseudoTerminals: z.boolean({ error: 'must be true or false' }).default(false),
    })
    .prefault({}),
  customerDisplay: customerDisplayFields.prefault({}),
  language: languageFields.prefault({}),
  sounds: soundFields.prefault({}),
  startup: startupFields.prefault({}),
  /**
   * Real providers. A provider is live when its key is set (here, or by environment variable); with
   * no provider live the terminal runs in demo mode on the built-in simulators.
   */
  providers: z
    .strictObject({
      opn: z
        .strictObject({
          secretKey: opnSecretKey.nullable().default(null),
          baseUrl: providerBaseUrl.default('https://api.omise.co'),
          omiseVersion: omiseVersion.default('2019-05-29'),
          /**
           * Which Opn QR methods the shop offers, of those the account has (GET /capability); null offers
           * every one the account has. Settings-file only.
           */
          methods: opnMethods.nullable().default(null),
        })
        .prefault({}),
      orangepill: z
        .strictObject({
          apiKey: orangepillApiKey.nullable().default(null),
          baseUrl: providerBaseUrl.default('https://api.orangepill.cloud'),
          /** The shop's own alias, the destination of every request, e.g. @pet_shop_barney. */
          merchantAlias: orangepillAlias.nullable().default(null),
          store: orangepillLabel.nullable().default(null),
          merchant: orangepillLabel.nullable().default(null),
          /** Where Orangepill POSTs `{ id }` on every status change; null for none. */
          callbackUrl: httpUrl.nullable().default(null),
          tags: z.array(z.string().min(1).max(40)).max(10).default([]),
        })
        .refine((op) => op.apiKey === null || op.merchantAlias !== null, {
          error: says('must be set together with the API key: every request needs a destination alias', { area: 'settings', kind: 'field_alias_with_key' }),
          path: ['merchantAlias'],
        })
        .prefault({}),
    })
    .prefault({}),
  demo: z
    .strictObject({
      /** Added to every simulated provider response, to feel a real network. */
      latencyMs: z.number().int().min(0).max(10_000).default(0),
      /** Which simulated methods demo mode offers. */
      methods: z.array(z.enum(METHOD_IDS)).min(1).default(['demo', 'atome', 'paynow', 'promptpay', 'orangepill']),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** One line per problem, naming the setting: "payment.qrExpirySeconds must be at least 30 seconds". */
export function describeSettingsError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}unknown setting(s) ${issue.keys.join(', ')}`;
    }
    return `${issue.path.length > 0 ? issue.path.join('.') : 'settings'} ${issue.message}`;
  });
}
