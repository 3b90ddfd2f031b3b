import type { PaymentSaid, ProviderAnswerSaid, ProviderLinkSaid } from '../../../app/i18n/said/payment';
import type { ImageReasonSaid } from '../../../app/i18n/said/payment-answers-image';
import { DEMO_FAILURES, type DemoFailureCode } from '../../../app/providers/demo/demo-api';
import { OPN_FAILURE_DESCRIPTIONS, type OpnFailureCode } from '../../../app/providers/opn/opn-api';

const SGD = (minor: number) => ({ minor, currency: 'SGD' }) as const;

/** The link's notes, for each provider name the clients use (the demo's is a description, worded in each language). */
export const LINK_SAMPLES: readonly ProviderLinkSaid[] = [
  { area: 'payment', kind: 'no_answer', provider: 'Opn' },
  { area: 'payment', kind: 'no_answer', provider: 'the demo provider' },
  { area: 'payment', kind: 'no_connection', provider: 'Orangepill' },
  { area: 'payment', kind: 'slow_down', provider: 'the demo provider' },
  { area: 'payment', kind: 'provider_trouble', provider: 'Opn', httpStatus: null },
  { area: 'payment', kind: 'provider_trouble', provider: 'Orangepill', httpStatus: 503 },
  { area: 'payment', kind: 'unreadable_answer', provider: 'Orangepill' },
];

/** Each reason the terminal's QR image reader gives for refusing an image, with values as it gives them. */
export const IMAGE_REASON_SAMPLES: readonly ImageReasonSaid[] = [
  { kind: 'type_mismatch', claimedBy: 'content_type', claimed: 'image/svg+xml', is: 'png' },
  { kind: 'type_mismatch', claimedBy: 'filename', claimed: 'qrcode.svg', is: 'unknown' },
  { kind: 'compressed' },
  { kind: 'not_image' },
  { kind: 'too_many_bytes', bytes: 2_097_152, maxBytes: 1_048_576 },
  { kind: 'too_many_pixels', width: 20_000, height: 20_000, maxSide: 2048 },
  { kind: 'broken_raster' },
  { kind: 'svg_not_utf8' },
  { kind: 'svg_doctype' },
  { kind: 'svg_broken', detail: 'the file ends inside a tag' },
  { kind: 'svg_too_deep' },
  { kind: 'svg_not_svg', detail: 'its root element does not declare the SVG namespace' },
  { kind: 'svg_external', detail: 'refers to an address (https) outside itself' },
  { kind: 'svg_too_complex', detail: 'its <use> references go round in a loop' },
  { kind: 'svg_bad_size', attribute: 'viewBox', value: '0 0 0 0' },
  { kind: 'svg_too_large', width: null, height: 740, maxSide: 2048 },
  { kind: 'svg_unreadable' },
  { kind: 'no_qr' },
  { kind: 'gif_or_webp' },
  { kind: 'unread' },
];

/** A provider's refusals and unusable answers, for each provider name that says them. */
export const ANSWER_SAMPLES: readonly ProviderAnswerSaid[] = [
  { area: 'payment', kind: 'key_refused', provider: 'Opn', key: 'secret_key' },
  { area: 'payment', kind: 'key_refused', provider: 'Orangepill', key: 'api_key' },
  { area: 'payment', kind: 'key_refused', provider: 'the demo provider', key: 'key' },
  { area: 'payment', kind: 'access_refused', provider: 'Opn', detail: 'account is not allowed to create charges' },
  { area: 'payment', kind: 'not_found', provider: 'Opn', detail: 'charge chrg_1 was not found' },
  { area: 'payment', kind: 'not_found', provider: 'the demo provider', detail: 'No such payment dp_9' },
  { area: 'payment', kind: 'no_such_request', provider: 'Orangepill', detail: 'HTTP 404' },
  { area: 'payment', kind: 'provider_rejected', provider: 'Opn', what: 'charge', detail: 'amount must be at least 150' },
  { area: 'payment', kind: 'provider_rejected', provider: 'Opn', what: 'refund', detail: 'refund failed' },
  { area: 'payment', kind: 'provider_rejected', provider: 'the demo provider', what: 'request', detail: 'HTTP 422' },
  { area: 'payment', kind: 'merchant_alias_unknown', provider: 'Orangepill', alias: '@kopi' },
  { area: 'payment', kind: 'payer_alias_unknown', provider: 'Orangepill', alias: '@bob' },
  { area: 'payment', kind: 'opn_other_source', sourceType: 'paynow', method: 'alipayplus' },
  { area: 'payment', kind: 'other_sale', provider: 'Opn' },
  { area: 'payment', kind: 'orangepill_other_order', reference: 'T-42' },
  { area: 'payment', kind: 'orangepill_other_request' },
  { area: 'payment', kind: 'orangepill_bad_qr_image' },
  { area: 'payment', kind: 'orangepill_not_static' },
  { area: 'payment', kind: 'qr_width', min: 32, max: 2000 },
  { area: 'payment', kind: 'amount_refused', refusal: { area: 'sale', kind: 'amount_below_minimum', method: 'atome', minimum: SGD(150) } },
  { area: 'payment', kind: 'qr_expiry_invalid', method: 'paynow' },
  { area: 'payment', kind: 'qr_expiry_too_short', method: 'atome', minSeconds: 30, seconds: 10 },
  { area: 'payment', kind: 'qr_expiry_too_long', method: 'promptpay', maxHours: 24 },
  { area: 'payment', kind: 'opn_not_qr', method: 'wechatpay', flow: 'redirect' },
  { area: 'payment', kind: 'opn_not_qr', method: 'paynow', flow: 'app_redirect' },
  { area: 'payment', kind: 'opn_not_qr', method: 'paynow', flow: 'sideways' },
  { area: 'payment', kind: 'opn_not_qr', method: 'paynow', flow: null },
  { area: 'payment', kind: 'opn_too_many_charges' },
  { area: 'payment', kind: 'opn_qr_missing' },
  { area: 'payment', kind: 'opn_qr_elsewhere' },
  { area: 'payment', kind: 'opn_qr_not_image' },
  { area: 'payment', kind: 'opn_qr_too_large', kb: 512 },
  ...IMAGE_REASON_SAMPLES.map((reason): ProviderAnswerSaid => ({ area: 'payment', kind: 'opn_qr_refused', method: 'promptpay', reason })),
  { area: 'payment', kind: 'opn_qr_svg_unread', method: 'promptpay' },
];

/** One example of each kind, with values as the service sends them (tests/unit/said-words.test.ts words each in every language). */
export const PAYMENT_SAMPLES: readonly PaymentSaid[] = [
  ...(Object.keys(OPN_FAILURE_DESCRIPTIONS) as OpnFailureCode[]).map((code): PaymentSaid => ({ area: 'payment', kind: 'opn_failure', code, method: 'paynow' })),
  ...LINK_SAMPLES,
  ...ANSWER_SAMPLES,
  { area: 'payment', kind: 'qr_fetch_failed', method: 'atome', problem: { area: 'payment', kind: 'key_refused', provider: 'Opn', key: 'secret_key' } },
  { area: 'payment', kind: 'cancelled_at_opn', problem: { area: 'payment', kind: 'opn_qr_svg_unread', method: 'promptpay' } },
  {
    area: 'payment',
    kind: 'cancelled_at_opn',
    problem: { area: 'payment', kind: 'qr_fetch_failed', method: 'atome', problem: { area: 'payment', kind: 'opn_qr_too_large', kb: 512 } },
  },
  { area: 'payment', kind: 'cancel_not_yet', problem: { area: 'payment', kind: 'no_connection', provider: 'the demo provider' } },
  { area: 'payment', kind: 'checking_reach' },
  { area: 'payment', kind: 'unknown_failure_code', code: 'card_stolen', method: 'atome' },
  ...(Object.keys(DEMO_FAILURES) as DemoFailureCode[]).map((code): PaymentSaid => ({ area: 'payment', kind: 'demo_failure', code })),
  { area: 'payment', kind: 'demo_failure_unknown', code: 'unspecified' },
  { area: 'payment', kind: 'orangepill_failure', status: 'CANCELLED', reason: null },
  { area: 'payment', kind: 'orangepill_failure', status: 'FAILED', reason: 'Payer wallet frozen' },
  { area: 'payment', kind: 'orangepill_failure', status: 'ERROR', reason: null },
  { area: 'payment', kind: 'create_stopped' },
  { area: 'payment', kind: 'reach_unchecked', problem: { area: 'payment', kind: 'no_answer', provider: 'Opn' } },
  { area: 'payment', kind: 'marked_not_paid', by: 'Mei', reason: 'Checked the Opn dashboard: no charge' },
  { area: 'payment', kind: 'other_amount', provider: 'Atome', asked: SGD(1234), answered: { minor: 1000, currency: 'SGD' } },
  { area: 'payment', kind: 'other_amount', provider: 'Orangepill', asked: SGD(1234), answered: { minor: null, currency: 'USD' } },
  { area: 'payment', kind: 'other_amount', provider: 'Orangepill', asked: SGD(1234), answered: { minor: null, currency: '' } },
  { area: 'payment', kind: 'other_amount', provider: 'The demo provider', asked: SGD(1234), answered: { minor: 1234, currency: 'XYZ' } },
  { area: 'payment', kind: 'other_amount', provider: 'The demo provider', asked: SGD(1234), answered: { minor: 1234, currency: '' } },
  { area: 'payment', kind: 'closed_after_part' },
  { area: 'payment', kind: 'outcome_hidden', requestId: 'req_42', lastStatus: 'PROCESSING', deleteAnswer: '200', notFound: 'Orangepill has no such payment request (HTTP 404)' },
  { area: 'payment', kind: 'left_open', asked: SGD(1234), received: null, provider: 'Orangepill' },
  { area: 'payment', kind: 'left_open', asked: SGD(1234), received: SGD(600), provider: 'The demo provider' },
];
