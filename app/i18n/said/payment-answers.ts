import type { MethodId } from '../../payment/method';
import type { Money } from '../../money/money';
import type { ImageReasonSaid } from './payment-answers-image';
import type { SaleSaid } from './sale';

/*
 * A provider's refusals and the answers the terminal will not use, as `Said`s (see ../said.ts): what a
 * client's ProviderError says beside its English `message`. `provider` is the name the client gives
 * the provider in its sentences ("Opn", "Orangepill", "the demo provider"); `detail` is the provider's
 * own words, kept as they came (cut short, credentials redacted) inside the cashier's sentence.
 */

/** What a provider said an amount was, as it said it: `minor` null when unreadable, `currency` maybe empty or unknown. */
export interface AnsweredAmount {
  readonly minor: number | null;
  readonly currency: string;
}

/** Which key the provider refused: Opn's secret key, Orangepill's API key, the demo provider's key. */
export type RefusedKey = 'secret_key' | 'api_key' | 'key';

/** What a provider's "rejected" was about (Opn's `invalid_charge`, `failed_refund`, anything else). */
export type RejectedWhat = 'charge' | 'refund' | 'request';

/** A refusal of an amount by the provider's rules (app/providers/provider.ts AmountRefusal). */
export type AmountSaid = Extract<SaleSaid, { readonly kind: 'currency_not_taken' | 'amount_below_minimum' | 'amount_above_maximum' | 'amount_not_positive' }>;

type P<K extends string, V = unknown> = { readonly area: 'payment'; readonly kind: K } & V;

/** A provider refusing the terminal, or answering with something the terminal will not use. */
export type ProviderAnswerSaid =
  /** The provider refused the terminal's credentials (HTTP 401, Orangepill's 403). */
  | P<'key_refused', { readonly provider: string; readonly key: RefusedKey }>
  /** Opn's 403: the key is right, the account may not do this. */
  | P<'access_refused', { readonly provider: string; readonly detail: string }>
  /** The provider found no such thing (Opn's or the demo provider's 404). */
  | P<'not_found', { readonly provider: string; readonly detail: string }>
  /** Orangepill's 404 for a payment request. */
  | P<'no_such_request', { readonly provider: string; readonly detail: string }>
  /** The provider rejected the request in its own words. */
  | P<'provider_rejected', { readonly provider: string; readonly what: RejectedWhat; readonly detail: string }>
  /** Orangepill does not know the shop's alias from settings. */
  | P<'merchant_alias_unknown', { readonly provider: string; readonly alias: string }>
  /** Orangepill does not know the payer alias the cashier typed. */
  | P<'payer_alias_unknown', { readonly provider: string; readonly alias: string }>
  /** The provider's answer was for another amount or currency than the sale's: never taken as paid. */
  | P<'other_amount', { readonly provider: string; readonly asked: Money; readonly answered: AnsweredAmount }>
  /** Opn answered with a charge of another source type (`sourceType`, cut short) than the method asked. */
  | P<'opn_other_source', { readonly sourceType: string; readonly method: MethodId }>
  /** The provider's new payment does not carry this sale's reference. */
  | P<'other_sale', { readonly provider: string }>
  /** Orangepill's new request names another order than this sale's `reference`. */
  | P<'orangepill_other_order', { readonly reference: string }>
  /** Orangepill answered a read with another request than the one asked. */
  | P<'orangepill_other_request'>
  /** Orangepill's QR image is not a PNG the terminal can use. */
  | P<'orangepill_bad_qr_image'>
  /** Orangepill's answer to the static request is not the shop's static request. */
  | P<'orangepill_not_static'>
  /** A QR image width outside what the terminal asks Orangepill for. */
  | P<'qr_width', { readonly min: number; readonly max: number }>
  /** The provider's rules refuse the amount (checked again as the request leaves). */
  | P<'amount_refused', { readonly refusal: AmountSaid }>
  /** The QR's expiry is not a time at all. */
  | P<'qr_expiry_invalid', { readonly method: MethodId }>
  /** The QR would expire sooner than the method allows: `minSeconds` its minimum, `seconds` what was left. */
  | P<'qr_expiry_too_short', { readonly method: MethodId; readonly minSeconds: number; readonly seconds: number }>
  /** The QR lifetime in settings is longer than the method allows. */
  | P<'qr_expiry_too_long', { readonly method: MethodId; readonly maxHours: number }>
  /** Opn answered with a flow that is not a QR (`flow` cut short), or (`flow` null) without a QR code. */
  | P<'opn_not_qr', { readonly method: MethodId; readonly flow: string | null }>
  /** Opn holds more recent charges than the terminal searches through. */
  | P<'opn_too_many_charges'>
  | P<'opn_qr_missing'>
  /** Opn's QR image address is outside its API, so the key is not sent there. */
  | P<'opn_qr_elsewhere'>
  | P<'opn_qr_not_image'>
  /** Opn's QR image is larger than the terminal accepts, in KB. */
  | P<'opn_qr_too_large', { readonly kb: number }>
  /** The terminal's QR image reader refused Opn's image, for `reason`. */
  | P<'opn_qr_refused', { readonly method: MethodId; readonly reason: ImageReasonSaid }>
  /** An SVG QR image that could not be read, which is never shown as it came. */
  | P<'opn_qr_svg_unread', { readonly method: MethodId }>;
