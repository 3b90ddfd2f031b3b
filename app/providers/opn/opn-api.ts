import { z } from 'zod';

/**
 * Opn Payments (Omise) wire format for Atome QR charges, per ../shared/providers/opn-atome-qr.txt.
 * Shared by the client (app/) and the simulator (electron/). Only the fields the terminal relies on
 * are checked; Opn may add fields freely, so objects are not strict.
 */

/** Opn's timestamps: ISO 8601, normally with a Z ("2023-01-12T10:40:55Z"). */
const opnTime = z.iso.datetime({ offset: true });

export const opnErrorSchema = z.object({ object: z.literal('error'), code: z.string(), message: z.string() });
export type OpnError = z.infer<typeof opnErrorSchema>;

const opnScannableCodeSchema = z.object({
  object: z.literal('barcode'),
  type: z.string(),
  image: z.object({ object: z.literal('document'), id: z.string(), download_uri: z.string().min(1) }),
});

const opnSourceSchema = z.object({
  object: z.literal('source'),
  id: z.string().min(1),
  type: z.string(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
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

/** Atome QR limits in subunits, per country's currency (doc "Limits"). */
export const OPN_LIMITS = {
  SGD: { min: 150, max: 300_000 },
  MYR: { min: 1000, max: 500_000 },
} as const;
export type OpnCurrency = keyof typeof OPN_LIMITS;
export const OPN_CURRENCIES = Object.keys(OPN_LIMITS) as readonly OpnCurrency[];

export function isOpnCurrency(code: string): code is OpnCurrency {
  return Object.hasOwn(OPN_LIMITS, code);
}

/** `expires_at` may be set from 30 s to 12 h ahead (doc "Setting the QR code to expire"). */
export const OPN_MIN_EXPIRY_MS = 30_000;
export const OPN_MAX_EXPIRY_MS = 12 * 60 * 60 * 1000;
/** Refunds, full or partial, within 60 days of the payment (doc "Voids and refunds"). */
export const OPN_REFUND_WINDOW_MS = 60 * 24 * 60 * 60 * 1000;

/** The failure codes the doc lists, with Opn's own description (what the simulator reports). */
export const OPN_FAILURE_DESCRIPTIONS = {
  payment_expired: 'Payment expired.',
  payment_rejected: 'Payment rejected by issuer.',
  failed_processing: 'General payment processing failure.',
} as const;
export type OpnFailureCode = keyof typeof OPN_FAILURE_DESCRIPTIONS;

export function isOpnFailureCode(code: string): code is OpnFailureCode {
  return Object.hasOwn(OPN_FAILURE_DESCRIPTIONS, code);
}

/** What the cashier is told for each failure code. */
export const OPN_FAILURE_SENTENCES: Readonly<Record<OpnFailureCode, string>> = {
  payment_expired: 'The QR code expired before the customer paid.',
  payment_rejected: 'Atome rejected the payment.',
  failed_processing: 'Atome could not process the payment; ask the customer to try again.',
};
