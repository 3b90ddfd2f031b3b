import type { Language } from '../../i18n/languages';
import type { CurrencyCode } from '../../money/currency';
import type { RefundRuleSaid } from '../../i18n/said/refund-rule';
import type { MethodId } from '../../payment/method';

/*
 * Every Opn Payments QR method the counter can show, as data: one entry each, from
 * ../shared/providers/opn-qr-sources.md. A rule the sources do not document is `null` here and left
 * to Opn's answer; nothing is guessed. Adding a method is one entry (and its id in METHOD_IDS).
 * Pure data: the customer display's catalogs read it, so it imports nothing but types.
 */

/** The methods, in the order the cashier sees them; each id is also a MethodId. */
export const OPN_METHOD_IDS = ['atome', 'paynow', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus'] as const satisfies readonly MethodId[];
export type OpnMethodId = (typeof OPN_METHOD_IDS)[number];

export function isOpnMethodId(id: string): id is OpnMethodId {
  return (OPN_METHOD_IDS as readonly string[]).includes(id);
}

/** Smallest and largest amount, in subunits of one currency. */
export interface AmountLimits {
  readonly min: number;
  readonly max: number;
}

/** How long the QR may stay payable, as Opn documents it for `expires_at`; null where not documented. */
export interface ExpiryRule {
  readonly minMs: number | null;
  readonly maxMs: number;
  /** Opn's own lifetime when no `expires_at` is sent (and what a charge without one is read as). */
  readonly defaultMs: number;
}

/** `said` is `rule` as what it says, for the cashier's screen to word in its language. */
export type RefundRule =
  /** Refunds through Opn's Refund API, within `windowDays` of the payment. `partial` null: not documented, left to Opn. */
  | { readonly kind: 'api'; readonly windowDays: number; readonly partial: boolean | null; readonly rule: string; readonly said: RefundRuleSaid }
  /** Opn cannot refund this method's charges; `rule` says how the money goes back instead. */
  | { readonly kind: 'none'; readonly rule: string; readonly said: RefundRuleSaid };

export interface OpnMethod {
  readonly id: OpnMethodId;
  /** `source[type]` on POST /charges, and the name in GET /capability's `payment_methods`. */
  readonly sourceType: string;
  readonly currencies: readonly CurrencyCode[];
  /** Documented limits per currency, enforced before any request; a currency not here is left to Opn. */
  readonly limits: Partial<Readonly<Record<CurrencyCode, AmountLimits>>>;
  /** Null: not documented; the terminal sends its own expiry and takes the charge's `expires_at`. */
  readonly expiry: ExpiryRule | null;
  readonly refunds: RefundRule;
  /** The failure codes Opn documents for this method (the demo controls offer these). */
  readonly failureCodes: readonly string[];
  /** The method's own name, as the customer knows it, in each display language. */
  readonly names: Readonly<Record<Language, string>>;
  /** The one line under the amount on the customer display, in each language. */
  readonly instructions: Readonly<Record<Language, string>>;
  /** ASCII only, short: the pole display is 20 columns. */
  readonly poleLabel: string;
  readonly receiptLabel: string;
  /** 'full': built from the method's doc; 'flow': from the documented flow only, limits and rules left to Opn. */
  readonly documented: 'full' | 'flow';
}

const HOUR_MS = 60 * 60 * 1000;
/** Opn's generic refund rule for a charge [doc: refunding-charges]. */
export const OPN_MAX_REFUNDS_PER_CHARGE = 15;
const OPN_REFUND_DAYS = 365;
/** Opn's own descriptions of these codes [doc: Atome QR; code: omise-magento error mapping]. */
const GENERIC_FAILURES = ['payment_expired', 'payment_rejected', 'failed_processing', 'insufficient_balance', 'payment_cancelled', 'timeout', 'invalid_account'];

const generic = (name: string): RefundRule => ({
  kind: 'api',
  windowDays: OPN_REFUND_DAYS,
  partial: null,
  rule: `Refunds through Opn within ${OPN_REFUND_DAYS} days of the payment, at most ${OPN_MAX_REFUNDS_PER_CHARGE} per payment, while Opn says the ${name} payment can be refunded`,
  said: { rule: 'opn_generic', days: OPN_REFUND_DAYS, max: OPN_MAX_REFUNDS_PER_CHARGE, provider: name },
});

/** Atome QR's limits in subunits, per country's currency (opn-atome-qr.txt "Limits"). */
export const ATOME_LIMITS = {
  SGD: { min: 150, max: 300_000 },
  MYR: { min: 1000, max: 500_000 },
} as const;

export const OPN_METHODS: Readonly<Record<OpnMethodId, OpnMethod>> = {
  atome: {
    id: 'atome',
    sourceType: 'atome_qr',
    currencies: ['SGD', 'MYR'],
    limits: ATOME_LIMITS,
    // "between 30 seconds and 12 hours from the current time"; "By default, the QR code expires 12 hours after creation."
    expiry: { minMs: 30_000, maxMs: 12 * HOUR_MS, defaultMs: 12 * HOUR_MS },
    refunds: { kind: 'api', windowDays: 60, partial: true, rule: 'Full or partial refunds within 60 days of the payment', said: { rule: 'within_days', days: 60 } },
    failureCodes: ['payment_expired', 'payment_rejected', 'failed_processing'],
    names: { en: 'Atome', ms: 'Atome', 'zh-Hans': 'Atome' },
    instructions: { en: 'Scan with the Atome app', ms: 'Imbas dengan aplikasi Atome', 'zh-Hans': '请使用 Atome 应用扫码' },
    poleLabel: 'Atome',
    receiptLabel: 'Atome',
    documented: 'full',
  },
  paynow: {
    id: 'paynow',
    sourceType: 'paynow',
    currencies: ['SGD'],
    // No method limits found; Opn's Singapore account limits are only the outer bound, and Opn checks them.
    limits: {},
    expiry: null,
    refunds: generic('PayNow'),
    failureCodes: GENERIC_FAILURES,
    names: { en: 'PayNow', ms: 'PayNow', 'zh-Hans': 'PayNow' },
    instructions: {
      en: 'Scan with your banking app (PayNow)',
      ms: 'Imbas dengan aplikasi bank anda (PayNow)',
      'zh-Hans': '请使用银行应用扫描 PayNow 二维码',
    },
    poleLabel: 'PayNow',
    receiptLabel: 'PayNow',
    documented: 'full',
  },
  promptpay: {
    id: 'promptpay',
    sourceType: 'promptpay',
    currencies: ['THB'],
    limits: { THB: { min: 2000, max: 15_000_000 } },
    // Not more than 24 h ahead, 24 h by default; no minimum is documented.
    expiry: { minMs: null, maxMs: 24 * HOUR_MS, defaultMs: 24 * HOUR_MS },
    refunds: {
      kind: 'none',
      rule: 'PromptPay payments cannot be refunded through Opn: give the money back by bank transfer',
      said: { rule: 'opn_none', provider: 'PromptPay' },
    },
    failureCodes: ['failed_processing', 'insufficient_balance', 'payment_cancelled'],
    names: { en: 'PromptPay', ms: 'PromptPay', 'zh-Hans': 'PromptPay' },
    instructions: {
      en: 'Scan with any Thai banking app (PromptPay)',
      ms: 'Imbas dengan mana-mana aplikasi bank Thailand (PromptPay)',
      'zh-Hans': '请使用任意泰国银行应用扫码（PromptPay）',
    },
    poleLabel: 'PromptPay',
    receiptLabel: 'PromptPay',
    documented: 'full',
  },
  truemoney: {
    id: 'truemoney',
    sourceType: 'truemoney_qr',
    currencies: ['THB'],
    limits: {},
    expiry: null,
    refunds: generic('TrueMoney'),
    failureCodes: GENERIC_FAILURES,
    names: { en: 'TrueMoney', ms: 'TrueMoney', 'zh-Hans': 'TrueMoney' },
    instructions: { en: 'Scan with the TrueMoney app', ms: 'Imbas dengan aplikasi TrueMoney', 'zh-Hans': '请使用 TrueMoney 应用扫码' },
    poleLabel: 'TrueMoney',
    receiptLabel: 'TrueMoney QR',
    documented: 'flow',
  },
  wechatpay: {
    id: 'wechatpay',
    sourceType: 'wechat_pay_mpm',
    currencies: ['THB'],
    limits: {},
    expiry: null,
    refunds: generic('WeChat Pay'),
    failureCodes: GENERIC_FAILURES,
    names: { en: 'WeChat Pay', ms: 'WeChat Pay', 'zh-Hans': '微信支付' },
    instructions: { en: 'Scan with WeChat', ms: 'Imbas dengan WeChat', 'zh-Hans': '请使用微信扫码' },
    poleLabel: 'WeChat Pay',
    receiptLabel: 'WeChat Pay',
    documented: 'flow',
  },
  alipayplus: {
    id: 'alipayplus',
    sourceType: 'alipayplus_mpm',
    currencies: ['THB', 'SGD'],
    limits: {},
    expiry: null,
    refunds: generic('Alipay+'),
    failureCodes: GENERIC_FAILURES,
    names: { en: 'Alipay+', ms: 'Alipay+', 'zh-Hans': 'Alipay+' },
    instructions: {
      en: 'Scan with Alipay or another Alipay+ wallet',
      ms: 'Imbas dengan Alipay atau dompet Alipay+ yang lain',
      'zh-Hans': '请使用支付宝或其他 Alipay+ 钱包扫码',
    },
    poleLabel: 'Alipay+',
    receiptLabel: 'Alipay+',
    documented: 'flow',
  },
};

/** The method whose `source[type]` this is, or null for one the terminal does not offer. */
export function opnMethodBySource(sourceType: string): OpnMethod | null {
  return OPN_METHOD_IDS.map((id) => OPN_METHODS[id]).find((m) => m.sourceType === sourceType) ?? null;
}

/** Each Opn method's instruction in one language, for the customer display's catalog. */
export function opnInstructions(language: Language): Readonly<Record<OpnMethodId, string>> {
  return Object.fromEntries(OPN_METHOD_IDS.map((id) => [id, OPN_METHODS[id].instructions[language]])) as Record<OpnMethodId, string>;
}
