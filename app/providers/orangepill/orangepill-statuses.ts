/* Apart from orangepill-api.ts, which builds zod schemas: the cashier's page uses these, and must not bundle zod for them. */

/** The doc's complete status list, plus COMPLETED, which its "Make payment" section names for a full payment. */
const ORANGEPILL_STATUSES = [
  'CREATED',
  'DONE',
  'PENDING',
  'ACCEPTED',
  'CANCELLED',
  'INCOMPLETE',
  'PROCESSING',
  'OVERPAID',
  'LATE',
  'FAILED',
  'REFUND',
  'REFUNDED',
  'ERROR',
  'COMPLETED',
] as const;
export type OrangepillStatus = (typeof ORANGEPILL_STATUSES)[number];

export function isOrangepillStatus(status: string): status is OrangepillStatus {
  return (ORANGEPILL_STATUSES as readonly string[]).includes(status);
}
