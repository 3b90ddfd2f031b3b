/* Apart from opn-api.ts, which builds zod schemas: the cashier's page uses these, and must not bundle zod for them. */

/**
 * The failure codes Opn documents for its QR methods, with Opn's own description (what the simulator
 * reports): Atome QR's doc for the first three, Opn's error mapping (omise-magento) for the rest.
 */
export const OPN_FAILURE_DESCRIPTIONS = {
  payment_expired: 'Payment expired.',
  payment_rejected: 'Payment rejected by issuer.',
  failed_processing: 'General payment processing failure.',
  insufficient_balance: 'Insufficient funds in the account or the card has reached the credit limit.',
  payment_cancelled: 'Payment cancelled by payer.',
  timeout: 'Payer did not take action before charge expiration.',
  invalid_account: 'Valid account for payment method not found.',
} as const;
export type OpnFailureCode = keyof typeof OPN_FAILURE_DESCRIPTIONS;

export function isOpnFailureCode(code: string): code is OpnFailureCode {
  return Object.hasOwn(OPN_FAILURE_DESCRIPTIONS, code);
}
