import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { MAX_MINOR } from '../money/money';
import { METHOD_IDS } from '../payment/method';

/*
 * The POS integration API's request and response shapes (issue 21). The same schemas check every
 * request and generate the OpenAPI document (openapi.ts), so the two cannot drift.
 */

/** The statuses every provider's checkout is reported in; see checkout-status.ts for the mapping. */
export const CHECKOUT_STATUSES = ['pending', 'awaiting_customer', 'paid', 'partly_paid', 'failed', 'expired', 'cancelled', 'needs_attention'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/** What a POS client's key may do. */
export const POS_SCOPES = ['charge', 'refund', 'read'] as const;
export type PosScope = (typeof POS_SCOPES)[number];

/** A method the till names, or the cashier's choice on the counter. */
export const CHECKOUT_METHODS = [...METHOD_IDS, 'cashier_chooses'] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

const currency = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], { error: 'must be a supported ISO 4217 currency code, e.g. SGD' });

/** A positive amount: the one a sale or a refund asks for. */
export const posAmountSchema = z
  .strictObject({
    minor: z
      .number({ error: 'must be a whole number of minor units (1234 for 12.34)' })
      .int({ error: 'must be a whole number of minor units (1234 for 12.34), not a fraction' })
      .positive({ error: 'must be more than zero' })
      .max(MAX_MINOR, { error: `must be at most ${String(MAX_MINOR)} minor units` }),
    currency,
  })
  .meta({ id: 'Amount', description: 'An amount in integer minor units of its currency: SGD 12.34 is {"minor":1234,"currency":"SGD"}.' });

/** An amount as reported (may be zero: nothing refunded yet). */
export const reportedAmountSchema = z
  .strictObject({ minor: z.number().int().nonnegative(), currency })
  .meta({ id: 'ReportedAmount', description: 'An amount in integer minor units of its currency, as the terminal reports it.' });

/** Printable text without control characters, trimmed, within a bound. */
const printable = (max: number, what: string) =>
  z
    .string({ error: `must be ${what} (a string)` })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${String(max)} characters` })
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: 'must not contain control characters' });

export const createCheckoutSchema = z
  .strictObject({
    amount: posAmountSchema,
    method: z
      .enum(CHECKOUT_METHODS, { error: `must be one of ${CHECKOUT_METHODS.join(', ')}` })
      .meta({ description: 'The payment method, as listed by the terminal; cashier_chooses offers the request to the cashier, who picks the method on the counter.' }),
    reference: printable(40, "the POS's order reference")
      .regex(/^[\x20-\x7e]*$/, { error: 'may hold only printable ASCII characters (it is sent to the provider and printed)' })
      .meta({ description: "The POS's own order reference; kept on the sale, printed and sent to the provider." }),
    description: printable(140, 'a description').optional().meta({ description: 'A short note for the cashier and the journal.' }),
    whenBusy: z
      .enum(['reject', 'queue'], { error: 'must be "reject" or "queue"' })
      .default('reject')
      .meta({ description: 'When another sale is open on the counter: answer 409 terminal_busy (reject), or hold this one and start it when the counter frees (queue).' }),
  })
  .meta({ id: 'CreateCheckout' });
export type CreateCheckout = z.infer<typeof createCheckoutSchema>;

export const createRefundSchema = z
  .strictObject({
    amount: posAmountSchema,
    reason: printable(140, 'a reason').meta({ description: 'Why the money goes back; kept in the journal.' }),
  })
  .meta({ id: 'CreateRefund' });
export type CreateRefund = z.infer<typeof createRefundSchema>;

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-12-07T10:00:00Z' });

export const checkoutSchema = z
  .strictObject({
    id: z.string().meta({ description: "The checkout's id on this terminal (co_…)." }),
    status: z.enum(CHECKOUT_STATUSES),
    amount: posAmountSchema,
    method: z.enum(CHECKOUT_METHODS).meta({ description: 'The method the sale runs on; cashier_chooses until the cashier has chosen.' }),
    reference: z.string(),
    description: z.string().nullable(),
    client: z.string().meta({ description: 'The name of the POS client whose key created it ("Till 2").' }),
    createdAt: isoTime,
    updatedAt: isoTime,
    expiresAt: isoTime.nullable().meta({ description: 'When the QR stops being payable; null until it is shown.' }),
    qr: z
      .strictObject({ payload: z.string() })
      .nullable()
      .meta({ description: 'What the QR on the customer display encodes; null before it is shown, or when the provider gave only an image.' }),
    received: reportedAmountSchema.nullable().meta({ description: 'What arrived, when the provider reported another amount than the one asked (partly paid, overpaid).' }),
    refunded: reportedAmountSchema,
    provider: z.strictObject({
      name: z.string().meta({ description: 'The provider behind the method ("Atome", "Orangepill").' }),
      paymentId: z.string().nullable().meta({ description: "The terminal's own reference for the sale, sent to the provider; null while queued." }),
      providerRef: z.string().nullable().meta({ description: "The provider's id for the payment (Opn charge id, Orangepill request id)." }),
    }),
    failure: z.strictObject({ code: z.string(), message: z.string() }).nullable().meta({ description: "Why it failed: the provider's code and a sentence." }),
    attention: z.string().nullable().meta({ description: 'Why a person must look at it (status needs_attention or partly_paid), in a sentence.' }),
    queuePosition: z.number().int().positive().nullable().meta({ description: 'Its place in the queue while it waits for the counter; null otherwise.' }),
  })
  .meta({ id: 'Checkout' });
export type Checkout = z.infer<typeof checkoutSchema>;

export const checkoutListSchema = z
  .strictObject({
    checkouts: z.array(checkoutSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .meta({ id: 'CheckoutList' });

export const listQuerySchema = z
  .strictObject({
    status: z.enum(CHECKOUT_STATUSES, { error: `must be one of ${CHECKOUT_STATUSES.join(', ')}` }).optional(),
    from: isoTime.optional().meta({ description: 'Created at or after this time.' }),
    to: isoTime.optional().meta({ description: 'Created before this time.' }),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(100, { error: 'must be at most 100' })
      .default(20),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: 'must be the nextCursor of an earlier page' })
      .optional(),
  })
  .meta({ id: 'ListQuery' });
export type ListQuery = z.infer<typeof listQuerySchema>;

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'Stable snake_case code for programs.' }),
      message: z.string().meta({ description: 'A sentence for people.' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
