import type { MethodId } from '../../payment/method';
import type { OpnFailureCode } from '../../providers/opn/opn-api';

/**
 * What the service says about a payment under way or ended: why it failed, why it needs the cashier's
 * attention, what the provider's link is doing (see ../said.ts).
 */
export type PaymentSaid =
  /** An Opn charge failed with a code Opn documents; `method` names the QR method it was for. */
  { readonly area: 'payment'; readonly kind: 'opn_failure'; readonly code: OpnFailureCode; readonly method: MethodId };
