/**
 * What the service says about a sale: starting, cancelling and ending it (see ../said.ts).
 */
export type SaleSaid =
  /** Charge while another sale is still going. */
  | { readonly area: 'sale'; readonly kind: 'payment_in_progress' }
  /** A command named a payment this terminal does not have. */
  | { readonly area: 'sale'; readonly kind: 'payment_not_found'; readonly paymentId: string };
