/* Apart from demo-api.ts, which builds zod schemas: the cashier's page uses these, and must not bundle zod for them. */

/** Failure codes the demo provider can report, and what the cashier is told for each. */
export const DEMO_FAILURES = {
  payment_rejected: 'The customer\u2019s wallet declined the payment.',
  insufficient_funds: 'The customer\u2019s wallet has insufficient funds.',
} as const;
export type DemoFailureCode = keyof typeof DEMO_FAILURES;

/** Own keys only: a code such as "constructor" must not pick up an inherited Object property. */
export function isDemoFailureCode(code: string): code is DemoFailureCode {
  return Object.hasOwn(DEMO_FAILURES, code);
}
