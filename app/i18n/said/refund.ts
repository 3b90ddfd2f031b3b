import type { Money } from '../../money/money';

/**
 * What the service says about giving money back: refunds, and money returned by hand (see ../said.ts).
 */
export type RefundSaid =
  /** More was asked back than is left on the payment. */
  { readonly area: 'refund'; readonly kind: 'at_most_left'; readonly left: Money };
