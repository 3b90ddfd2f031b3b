import type { CurrencyCode } from '../money/currency';

/** Every payment method the terminal can offer. Later issues add real providers here. */
export const METHOD_IDS = ['demo'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** What the screens need to know about a method; never any credential. */
export interface MethodInfo {
  readonly id: MethodId;
  readonly label: string;
  /** One line for the customer, e.g. "Scan with the Atome app". */
  readonly instruction: string;
  readonly currencies: readonly CurrencyCode[];
  /** True when no real money moves (demo mode or a simulator). */
  readonly simulated: boolean;
}
