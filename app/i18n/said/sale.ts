import type { CurrencyCode } from '../../money/currency';
import type { Money } from '../../money/money';
import type { MethodId } from '../../payment/method';

/**
 * A payment's final status as a sentence names it ("already cancelled with money"). Spelled out here
 * rather than taken from the payment model, which may carry a `Said` itself (no import cycle).
 */
export type SaidFinalStatus = 'paid' | 'failed' | 'expired' | 'cancelled' | 'cancelled_with_money' | 'paid_after_cancel' | 'refunded';

/**
 * What the service says about a sale: starting, cancelling and ending it (see ../said.ts). A method is
 * named by its id: the screen writes its own name (Atome, PayNow, 微信支付) or the terminal's label for it.
 */
export type SaleSaid =
  /** Charge while another sale is still going. */
  | { readonly area: 'sale'; readonly kind: 'payment_in_progress' }
  /** A command named a payment this terminal does not have. */
  | { readonly area: 'sale'; readonly kind: 'payment_not_found'; readonly paymentId: string }
  /** Charge with a method this terminal has no provider for. */
  | { readonly area: 'sale'; readonly kind: 'method_not_configured'; readonly method: MethodId }
  /** Charge in a currency the terminal's method (by its label) does not list. */
  | { readonly area: 'sale'; readonly kind: 'method_refuses_currency'; readonly method: MethodId; readonly currency: CurrencyCode }
  /**
   * The provider's rules for the method (by its own name) do not take this currency; `onAccount` when
   * the method takes it in general but the shop's Opn account does not.
   */
  | { readonly area: 'sale'; readonly kind: 'currency_not_taken'; readonly method: MethodId; readonly currency: CurrencyCode; readonly onAccount: boolean }
  /** Below the method's documented minimum (Atome's SGD 1.50). */
  | { readonly area: 'sale'; readonly kind: 'amount_below_minimum'; readonly method: MethodId; readonly minimum: Money }
  /** Above the method's documented maximum. */
  | { readonly area: 'sale'; readonly kind: 'amount_above_maximum'; readonly method: MethodId; readonly maximum: Money }
  /** The method takes no zero amount (Orangepill). */
  | { readonly area: 'sale'; readonly kind: 'amount_not_positive'; readonly method: MethodId }
  /** Cancel on a payment that has already ended. */
  | { readonly area: 'sale'; readonly kind: 'payment_already_final'; readonly paymentId: string; readonly status: SaidFinalStatus }
  /** Cancel before the provider has made the payment (no QR yet). */
  | { readonly area: 'sale'; readonly kind: 'still_being_created' }
  /** New sale (dismiss) while the payment on the counter has not ended. */
  | { readonly area: 'sale'; readonly kind: 'still_in_progress' }
  /** A demo control on a payment not made, or not made at a simulator. */
  | { readonly area: 'sale'; readonly kind: 'not_simulated' }
  /** The simulator refused a demo control; `detail` is its own sentence, kept as it came. */
  | { readonly area: 'sale'; readonly kind: 'simulator_refused'; readonly method: MethodId; readonly detail: string };
