import type { CurrencyCode } from '../money/currency';
import type { RefundRuleSaid } from '../i18n/said/refund-rule';

/**
 * Every payment method the terminal can offer. The Opn QR methods (atome … alipayplus) share one Opn
 * key; their rules are data, in app/providers/opn/opn-methods.ts.
 */
export const METHOD_IDS = ['demo', 'atome', 'paynow', 'promptpay', 'truemoney', 'wechatpay', 'alipayplus', 'orangepill'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** What a simulated provider's demo controls can make happen, as the customer's wallet would. */
export const DEMO_OUTCOMES = ['paid', 'failed', 'expired', 'partial', 'overpaid', 'late', 'error'] as const;
export type DemoOutcome = (typeof DEMO_OUTCOMES)[number];

export interface SimulatorControls {
  readonly outcomes: readonly DemoOutcome[];
  /** Failure codes the simulator can report, with the sentence the cashier will see. */
  readonly failureCodes: readonly { readonly code: string; readonly label: string }[];
}

/** What the screens need to know about a method; never any credential. */
export interface MethodInfo {
  readonly id: MethodId;
  readonly label: string;
  /** The provider behind it, as the cashier knows it (Atome, not Opn: the method's own name), for messages about that provider. */
  readonly provider: string;
  /** One line for the customer, e.g. "Scan with the Atome app". */
  readonly instruction: string;
  readonly currencies: readonly CurrencyCode[];
  /** True when no real money moves (demo mode or a simulator). */
  readonly simulated: boolean;
  /** The demo controls, when the method runs on a built-in simulator; null for a real provider. */
  readonly simulator: SimulatorControls | null;
  /**
   * Whether the provider takes refunds through the terminal, and its rule in a sentence; `said` is
   * the same rule for a screen to word in its own language.
   */
  readonly refunds: { readonly supported: boolean; readonly rule: string; readonly said?: RefundRuleSaid };
  /** The name on the 2×20 pole display, plain ASCII ("WeChat Pay"); `label` when absent. */
  readonly poleLabel?: string;
  /** The name printed on slips and receipts; `label` when absent. */
  readonly receiptLabel?: string;
}
