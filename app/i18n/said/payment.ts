import type { Money } from '../../money/money';
import type { MethodId } from '../../payment/method';
import type { DemoFailureCode } from '../../providers/demo/demo-failures';
import type { OpnFailureCode } from '../../providers/opn/opn-failures';
import type { ProviderAnswerSaid } from './payment-answers';

export type { AmountSaid, AnsweredAmount, ProviderAnswerSaid, RefusedKey, RejectedWhat } from './payment-answers';

/** Orangepill's statuses that end a payment as failed (app/providers/orangepill/orangepill-status.ts). */
export type OrangepillFailedStatus = 'CANCELLED' | 'FAILED' | 'ERROR';

/**
 * How the provider's link is doing, as a waiting sale's note says it ("No answer from Atome in time —
 * retrying") and as a failed create or an unchecked sale gives its cause. `provider` is the name the
 * client gives the provider in its sentences ("Atome", "Opn", "the demo provider").
 */
export type ProviderLinkSaid =
  | { readonly area: 'payment'; readonly kind: 'no_answer'; readonly provider: string }
  | { readonly area: 'payment'; readonly kind: 'no_connection'; readonly provider: string }
  | { readonly area: 'payment'; readonly kind: 'slow_down'; readonly provider: string }
  /** The provider answered with a server error; `httpStatus` where the client names it. */
  | { readonly area: 'payment'; readonly kind: 'provider_trouble'; readonly provider: string; readonly httpStatus: number | null }
  /** An answer the terminal cannot read: a sale never moves on it. */
  | { readonly area: 'payment'; readonly kind: 'unreadable_answer'; readonly provider: string };

/** What a client's error says on its own: the link's note, or the provider's refusal or unusable answer. */
export type ProviderSaid = ProviderLinkSaid | ProviderAnswerSaid;

/** Opn's QR image could not be fetched, and why. */
export type QrFetchSaid = { readonly area: 'payment'; readonly kind: 'qr_fetch_failed'; readonly method: MethodId; readonly problem: ProviderSaid };

/**
 * What the service says about a payment under way or ended: why it failed, why it needs the cashier's
 * attention, what a cancel found, what the provider's link is doing (see ../said.ts).
 */
export type PaymentSaid =
  | ProviderSaid
  | QrFetchSaid
  /** A charge the counter could not use, which the terminal then cancelled at Opn so nobody can pay it. */
  | { readonly area: 'payment'; readonly kind: 'cancelled_at_opn'; readonly problem: ProviderSaid | QrFetchSaid }
  /** The cashier's cancel did not go through yet; `problem` says why. */
  | { readonly area: 'payment'; readonly kind: 'cancel_not_yet'; readonly problem: ProviderSaid }
  /** After a restart, a sale left creating waits a moment before asking the provider whether it arrived. */
  | { readonly area: 'payment'; readonly kind: 'checking_reach' }
  /** An Opn charge failed with a code Opn documents; `method` names the QR method it was for. */
  | { readonly area: 'payment'; readonly kind: 'opn_failure'; readonly code: OpnFailureCode; readonly method: MethodId }
  /** A failure code no doc lists, shown as itself: "<Method> did not complete the payment (<code>)." */
  | { readonly area: 'payment'; readonly kind: 'unknown_failure_code'; readonly code: string; readonly method: MethodId }
  /** The demo provider failed the payment with one of its codes. */
  | { readonly area: 'payment'; readonly kind: 'demo_failure'; readonly code: DemoFailureCode }
  /** The demo provider failed the payment with a code it does not list. */
  | { readonly area: 'payment'; readonly kind: 'demo_failure_unknown'; readonly code: string }
  /** Orangepill ended the request unpaid; `reason` is Orangepill's own text, when it gave one. */
  | { readonly area: 'payment'; readonly kind: 'orangepill_failure'; readonly status: OrangepillFailedStatus; readonly reason: string | null }
  /** The terminal stopped (closed) before the provider created the payment. */
  | { readonly area: 'payment'; readonly kind: 'create_stopped' }
  /** After a restart, the provider could not be asked whether the sale had reached it; no second charge was risked. */
  | { readonly area: 'payment'; readonly kind: 'reach_unchecked'; readonly problem: ProviderLinkSaid }
  /** A manager closed a parked sale as not paid; `by` and `reason` are as they typed and signed them. */
  | { readonly area: 'payment'; readonly kind: 'marked_not_paid'; readonly by: string; readonly reason: string }
  /** A partly paid request was closed at the provider (expired or cancelled): money arrived, so it is never "not paid". */
  | { readonly area: 'payment'; readonly kind: 'closed_after_part' }
  /**
   * Orangepill no longer says what became of a request the terminal deleted while a payer had begun:
   * `lastStatus` its status before, `deleteAnswer` what DELETE answered, `notFound` what GET said.
   */
  | {
      readonly area: 'payment';
      readonly kind: 'outcome_hidden';
      readonly requestId: string;
      readonly lastStatus: string;
      readonly deleteAnswer: string;
      readonly notFound: string;
    }
  /** A cancel (or the QR's expiry) found money had arrived and left the request open; `received` null when not reported. */
  | { readonly area: 'payment'; readonly kind: 'left_open'; readonly asked: Money; readonly received: Money | null; readonly provider: string };
