import { z } from 'zod';
import type { Money } from '../money/money';
import { METHOD_IDS } from '../payment/method';

/*
 * A checkout sent with "method": "cashier_chooses": when its turn comes it is offered to the cashier,
 * who picks the method (the sale then starts as any other) or declines it (the till reads cancelled).
 */

/** The request waiting for the cashier's choice; what the cashier screen shows of it. */
export interface PosOffer {
  readonly checkoutId: string;
  /** The till's name ("Till 2"). */
  readonly client: string;
  readonly amount: Money;
  readonly reference: string;
  readonly description: string | null;
}

const checkoutId = z.string({ error: 'must be a checkout id' }).regex(/^co_[0-9a-f]{24}$/, { error: 'must be a checkout id (co_…)' });

export const posOfferSchemas = {
  getPosOffer: z.strictObject({}),
  takePosOffer: z.strictObject({ checkoutId, method: z.enum(METHOD_IDS, { error: `must be one of ${METHOD_IDS.join(', ')}` }) }),
  declinePosOffer: z.strictObject({ checkoutId }),
} as const;

export interface PosOfferResults {
  readonly getPosOffer: PosOffer | null;
  readonly takePosOffer: null;
  readonly declinePosOffer: null;
}
