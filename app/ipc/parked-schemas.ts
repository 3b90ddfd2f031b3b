import { z } from 'zod';
import type { ParkedSales } from '../engine/parking-desk';
import type { Payment } from '../payment/payment';

/**
 * Parked sales (spread into `commandSchemas`): a sale whose outcome cannot be learned is set aside so
 * the counter takes the next one, and the cashier's Needs attention list follows it from there.
 */

const paymentId = z.string({ error: 'must be a payment id (a string)' }).min(1).max(64);

/** Why a manager closes a parked sale as not paid: kept on the payment and in the audit for good. */
export const resolveReason = z
  .string({ error: 'must say why the sale is resolved, e.g. "Not in the provider console at 14:20"' })
  .trim()
  .min(5, { error: 'must say why, in a few words (what the provider console showed)' })
  .max(200, { error: 'must be at most 200 characters' })
  .regex(/^[^\p{Cc}]*$/u, { error: 'must be plain text on one line' });

export const parkedSchemas = {
  /** Takes the sale on the counter off it, still followed, when its outcome cannot be learned now. */
  park: z.strictObject({ paymentId }),
  /** The parked sales still open, and those that ended by themselves and are not yet acknowledged. */
  listParked: z.strictObject({}),
  /** Asks the provider about the payment now (past a backoff, within the hint budget) and answers with it. */
  checkNow: z.strictObject({ paymentId }),
  /** A manager closes a parked sale as not paid, having checked with the provider, saying why. */
  resolveParked: z.strictObject({ paymentId, reason: resolveReason }),
  /** The cashier has seen how a parked sale ended: it leaves the list. */
  acknowledgeParked: z.strictObject({ paymentId }),
} as const;

export interface ParkedResults {
  readonly park: Payment;
  readonly listParked: ParkedSales;
  readonly checkNow: Payment;
  readonly resolveParked: Payment;
  readonly acknowledgeParked: null;
}
