import { z } from 'zod';

import { ATOME_LIMITS, OPN_METHODS } from './opn-methods';
import type { OpnFailureCode } from './opn-failures';

/**
 * Opn Payments (Omise) wire format for QR charges, per ../shared/providers/opn-atome-qr.txt and
 * opn-qr-sources.md. Shared by the client (app/) and the simulator (electron/). Only the fields the
 * terminal relies on are checked; Opn may add fields freely, so objects are not strict.
 */

/** Opn's timestamps: ISO 8601, normally with a Z ("2023-01-12T10:40:55Z"). */
const opnTime = z.iso.datetime({ offset: true });

export const opnErrorSchema = z.object({ object: z.literal('error'), code: z.string(), message: z.string() });
export type OpnError = z.infer<typeof opnErrorSchema>;

const opnScannableCodeSchema = z.object({
  object: z.literal('barcode'),
  type: z.string(),
  image: z.object({
    object: z.literal('document'),
    id: z.string(),
    download_uri: z.string().min(1),
    /** "qrcode.jpg" (Atome), "qrcode.svg" (PromptPay): the decoder picks by it and the content type. */
    filename: z.string().max(255).nullish(),
  }),
});

const opnSourceSchema = z.object({
  object: z.literal('source'),
  id: z.string().min(1),
  type: z.string(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  /** `offline` (a QR to show), `redirect` or `app_redirect` (a page the customer must open) [doc: sources-api]. */
  flow: z.string().max(40).nullish(),
  scannable_code: opnScannableCodeSchema.nullable(),
});

export const opnChargeSchema = z.object({
  object: z.literal('charge'),
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  refunded_amount: z.number().int().nonnegative(),
  description: z.string().nullable(),
  /** Our reference lives here; other keys are the shop's business and are left unchecked. */
  metadata: z.record(z.string(), z.unknown()).nullable(),
  source: opnSourceSchema.nullable(),
  /** Kept as a string: an unrecognised status must surface as "unknown", not fail parsing. */
  status: z.string(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  created_at: opnTime,
  paid_at: opnTime.nullable(),
  expires_at: opnTime.nullable(),
  /** Opn's word on whether the charge can be refunded now; a refund is offered only when it says true. */
  refundable: z.boolean().optional(),
  /** The charge's refunds, read only for their count (Opn takes at most 15 per charge). */
  refunds: z.object({ total: z.number().int().nonnegative() }).nullish(),
});
export type OpnChargeData = z.infer<typeof opnChargeSchema>;

export const OPN_ORDERS = ['chronological', 'reverse_chronological'] as const;
export type OpnOrder = (typeof OPN_ORDERS)[number];

export const opnChargeListSchema = z.object({
  object: z.literal('list'),
  data: z.array(opnChargeSchema),
  limit: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  order: z.enum(OPN_ORDERS).nullable(),
  from: opnTime,
  to: opnTime,
});
export type OpnChargeList = z.infer<typeof opnChargeListSchema>;

export const opnRefundSchema = z.object({
  object: z.literal('refund'),
  id: z.string().min(1),
  amount: z.number().int().positive(),
  currency: z.string().length(3),
  charge: z.string().min(1),
  created_at: opnTime,
});

/** A webhook event, read only far enough to name the charge; its status is never trusted. */
export const opnEventSchema = z.object({
  object: z.literal('event'),
  key: z.string(),
  data: z.object({ object: z.literal('charge'), id: z.string().regex(/^[A-Za-z0-9_]{1,100}$/) }),
});

/** A `payment_methods` entry of `GET /capability`: one source type the account has, in these currencies. */
const opnPaymentMethodSchema = z.object({
  object: z.literal('payment_method'),
  name: z.string().min(1).max(100),
  currencies: z.array(z.string().max(10)).max(200),
});

/**
 * `GET /capability`: what the account can take [code: omise-php fixture capability-get.json]. Only the
 * enabled methods and their currencies are read; the bounds keep a hostile answer small.
 */
export const opnCapabilitySchema = z.object({
  object: z.literal('capability'),
  payment_methods: z.array(opnPaymentMethodSchema).max(1000),
});
export type OpnCapability = z.infer<typeof opnCapabilitySchema>;

/** Atome QR limits in subunits, per country's currency (doc "Limits"); the method table holds them. */
export const OPN_LIMITS = ATOME_LIMITS;
export type OpnCurrency = keyof typeof OPN_LIMITS;
export const OPN_CURRENCIES = Object.keys(OPN_LIMITS) as readonly OpnCurrency[];

export function isOpnCurrency(code: string): code is OpnCurrency {
  return Object.hasOwn(OPN_LIMITS, code);
}

const ATOME = OPN_METHODS.atome;
/** Atome QR's `expires_at` may be set from 30 s to 12 h ahead (doc "Setting the QR code to expire"). */
export const OPN_MIN_EXPIRY_MS = ATOME.expiry?.minMs ?? 30_000;
export const OPN_MAX_EXPIRY_MS = ATOME.expiry?.maxMs ?? 12 * 60 * 60 * 1000;
/** Atome QR refunds, full or partial, within 60 days of the payment (doc "Voids and refunds"). */
export const OPN_REFUND_WINDOW_MS = 60 * 24 * 60 * 60 * 1000;

export { OPN_FAILURE_DESCRIPTIONS, isOpnFailureCode, type OpnFailureCode } from './opn-failures';

/** What the cashier is told for each failure code, naming the method ("Atome", "PayNow"). */
export const OPN_FAILURE_WORDS: Readonly<Record<OpnFailureCode, (method: string) => string>> = {
  payment_expired: () => 'The QR code expired before the customer paid.',
  payment_rejected: (method) => `${method} rejected the payment.`,
  failed_processing: (method) => `${method} could not process the payment; ask the customer to try again.`,
  insufficient_balance: (method) => `The customer's account did not have enough money for this ${method} payment; ask them to top up or pay another way.`,
  payment_cancelled: (method) => `The customer cancelled the ${method} payment in their app.`,
  timeout: (method) => `The customer did not confirm the ${method} payment before the QR code expired.`,
  invalid_account: (method) => `${method} found no valid account for the customer; ask them to check their app or pay another way.`,
};

/** Atome's sentences, as they have always read. */
export const OPN_FAILURE_SENTENCES: Readonly<Record<OpnFailureCode, string>> = Object.fromEntries(
  Object.entries(OPN_FAILURE_WORDS).map(([code, words]) => [code, words('Atome')]),
) as Record<OpnFailureCode, string>;
