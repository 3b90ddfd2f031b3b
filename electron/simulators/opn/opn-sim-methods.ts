/*
 * The Opn QR methods the simulator serves, each written from ../shared/providers/ (opn-atome-qr.txt
 * and opn-qr-sources.md), never from the terminal's client. Marks as in opn-qr-sources.md: [doc] Opn's
 * documentation, [code] an official Opn SDK or plugin, [3p] a third party quoting the doc, [?] not
 * found. Where a rule is [?] the simulator applies none, or says below which bound it assumes.
 */

/** Every `source[type]` the simulator can charge. */
export const OPN_SIM_SOURCE_TYPES = ['atome_qr', 'paynow', 'promptpay', 'truemoney_qr', 'wechat_pay_mpm', 'alipayplus_mpm'] as const;
export type OpnSimSourceType = (typeof OPN_SIM_SOURCE_TYPES)[number];

/** The methods whose QR image format no source shows [?]: PNG by default, SVG when a test asks. */
export const OPN_UNKNOWN_FORMAT_TYPES = ['paynow', 'truemoney_qr', 'wechat_pay_mpm', 'alipayplus_mpm'] as const;
export type OpnUnknownFormatType = (typeof OPN_UNKNOWN_FORMAT_TYPES)[number];

export type OpnQrFormat = 'png' | 'svg';

export interface OpnAmountLimits {
  readonly min: number;
  readonly max: number;
}

export interface OpnSimMethod {
  /** How Opn's messages name the method. */
  readonly name: string;
  /** Each currency the method takes, with its documented limits in subunits, or null where none is documented. */
  readonly currencies: Readonly<Record<string, OpnAmountLimits | null>>;
  /** `expires_at` on the charge: the default lifetime, the allowed window, and the window in words. */
  readonly expiry: { readonly defaultMs: number; readonly minMs: number; readonly maxMs: number; readonly rule: string };
  /** Refunds through Opn: how long after the payment; null when the method has none. */
  readonly refunds: { readonly windowMs: number; readonly tooLate: string } | null;
  /** The QR document Opn serves, when the charge is not told otherwise. */
  readonly image: OpnQrFormat;
}

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;

/** Opn's refund requirements for any charge [doc: refunding-charges]: at most 15 refunds, captured at most 365 days ago. */
export const OPN_MAX_REFUNDS_PER_CHARGE = 15;
const GENERIC_REFUNDS = { windowMs: 365 * DAY, tooLate: 'refund failed: charges can be refunded only within 365 days of capture' };

/**
 * Methods with no documented QR lifetime [?]: the simulator takes any `expires_at` in the future up to
 * 24 h (PromptPay's documented bound, the longest Opn documents for a QR) and defaults to 24 h, so a
 * hostile `expires_at` years ahead is still refused. Confirm in Opn's test mode.
 */
const UNDOCUMENTED_EXPIRY = { defaultMs: 24 * HOUR, minMs: 1, maxMs: 24 * HOUR, rule: 'in the future and at most 24 hours from now' };

export const OPN_SIM_METHODS: Readonly<Record<OpnSimSourceType, OpnSimMethod>> = {
  // opn-atome-qr.txt: SGD and MYR with their limits, 30 s to 12 h (default 12 h), refunds within 60 days.
  atome_qr: {
    name: 'Atome QR',
    currencies: { SGD: { min: 150, max: 300_000 }, MYR: { min: 1000, max: 500_000 } },
    expiry: { defaultMs: 12 * HOUR, minMs: 30 * SECOND, maxMs: 12 * HOUR, rule: 'between 30 seconds and 12 hours from now' },
    refunds: { windowMs: 60 * DAY, tooLate: 'refund failed: Atome QR charges can be refunded only within 60 days' },
    image: 'png',
  },
  // SGD [code]; limits [?]; refunds through the Refund API [code][3p], Opn's generic rule.
  paynow: { name: 'PayNow', currencies: { SGD: null }, expiry: UNDOCUMENTED_EXPIRY, refunds: GENERIC_REFUNDS, image: 'png' },
  // THB [code]; 2000-15000000 [3p quoting the doc]; default and most 24 h [3p]; no refunds through Opn [3p][code]; qrcode.svg [code].
  promptpay: {
    name: 'PromptPay',
    currencies: { THB: { min: 2000, max: 15_000_000 } },
    expiry: { defaultMs: 24 * HOUR, minMs: 1, maxMs: 24 * HOUR, rule: 'in the future and at most 24 hours from now' },
    refunds: null,
    image: 'svg',
  },
  // THB [code: capability fixture]; limits, expiry and refunds [?]: refunds as Opn's generic rule.
  truemoney_qr: { name: 'TrueMoney QR', currencies: { THB: null }, expiry: UNDOCUMENTED_EXPIRY, refunds: GENERIC_REFUNDS, image: 'png' },
  // THB [code]; refunds via the Refund API observed [3p].
  wechat_pay_mpm: { name: 'WeChat Pay', currencies: { THB: null }, expiry: UNDOCUMENTED_EXPIRY, refunds: GENERIC_REFUNDS, image: 'png' },
  // Thailand and Singapore [doc]: THB [code] and SGD; refunds via the Refund API observed [3p].
  alipayplus_mpm: { name: 'Alipay+', currencies: { THB: null, SGD: null }, expiry: UNDOCUMENTED_EXPIRY, refunds: GENERIC_REFUNDS, image: 'png' },
};

export function isOpnSimSourceType(type: string): type is OpnSimSourceType {
  return Object.hasOwn(OPN_SIM_METHODS, type);
}

/**
 * Failure codes with the message Opn gives: the first three from the Atome QR doc, the rest from Opn's
 * generic set in omise-magento's error mapping [code]. A charge may fail with any other code too.
 */
export const OPN_FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  payment_expired: 'Payment expired.',
  payment_rejected: 'Payment rejected by issuer.',
  failed_processing: 'General payment processing failure.',
  insufficient_balance: 'Insufficient funds in the account or the card has reached the credit limit.',
  payment_cancelled: 'Payment cancelled by payer.',
  timeout: 'Payer did not take action before charge expiration.',
  invalid_account: 'Valid account for payment method not found.',
};

/** The message Opn gives with a failure code; null for a code no source lists. */
export const failureMessage = (code: string): string | null => (Object.hasOwn(OPN_FAILURE_MESSAGES, code) ? (OPN_FAILURE_MESSAGES[code] ?? null) : null);

/** What a failure code may look like: Opn's codes are lower-case words joined by underscores. */
export const FAILURE_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Account countries and their account-level charge limits in subunits [doc: currency-and-amount]. */
export const OPN_ACCOUNT_LIMITS = {
  SG: { min: 100, max: 2_000_000 },
  TH: { min: 2000, max: 15_000_000 },
  MY: { min: 100, max: 10_000_000 },
} as const satisfies Record<string, OpnAmountLimits>;
export type OpnAccountCountry = keyof typeof OPN_ACCOUNT_LIMITS;
export const OPN_ACCOUNT_COUNTRIES = Object.keys(OPN_ACCOUNT_LIMITS) as [OpnAccountCountry, ...OpnAccountCountry[]];
