import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../../money/currency';
import type { Money } from '../../money/money';
import { METHOD_IDS } from '../../payment/method';
import type { AmountSaid, ProviderAnswerSaid } from './payment-answers';
import type { ImageReasonSaid } from './payment-answers-image';

/* A provider's refusals and unusable answers (payment-answers.ts) as stored data, checked whole. */

const area = z.literal('payment');
export const moneySchema: z.ZodType<Money> = z.strictObject({
  minor: z.number().int().nonnegative(),
  currency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
});
const provider = z.string();
const detail = z.string();
const method = z.enum(METHOD_IDS);
const currency = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const count = z.number().int().nonnegative();

const amountSaidSchema: z.ZodType<AmountSaid> = z.discriminatedUnion('kind', [
  z.strictObject({ area: z.literal('sale'), kind: z.literal('currency_not_taken'), method, currency, onAccount: z.boolean() }),
  z.strictObject({ area: z.literal('sale'), kind: z.literal('amount_below_minimum'), method, minimum: moneySchema }),
  z.strictObject({ area: z.literal('sale'), kind: z.literal('amount_above_maximum'), method, maximum: moneySchema }),
  z.strictObject({ area: z.literal('sale'), kind: z.literal('amount_not_positive'), method }),
]);

const bare = <K extends string>(kind: K) => z.strictObject({ area, kind: z.literal(kind) });

const imageCount = count.nullable();
const reasonOnly = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind) });
const anyImageReason = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('type_mismatch'),
    claimedBy: z.enum(['content_type', 'filename']),
    claimed: z.string(),
    is: z.enum(['png', 'jpeg', 'gif', 'webp', 'svg', 'gzip', 'unknown']),
  }),
  reasonOnly('compressed'),
  reasonOnly('not_image'),
  z.strictObject({ kind: z.literal('too_many_bytes'), bytes: imageCount, maxBytes: count }),
  z.strictObject({ kind: z.literal('too_many_pixels'), width: imageCount, height: imageCount, maxSide: count }),
  reasonOnly('broken_raster'),
  reasonOnly('svg_not_utf8'),
  reasonOnly('svg_doctype'),
  z.strictObject({ kind: z.literal('svg_broken'), detail }),
  reasonOnly('svg_too_deep'),
  z.strictObject({ kind: z.literal('svg_not_svg'), detail }),
  z.strictObject({ kind: z.literal('svg_external'), detail }),
  z.strictObject({ kind: z.literal('svg_too_complex'), detail }),
  z.strictObject({ kind: z.literal('svg_bad_size'), attribute: z.enum(['width', 'height', 'viewBox']), value: z.string() }),
  z.strictObject({ kind: z.literal('svg_too_large'), width: imageCount, height: imageCount, maxSide: count }),
  reasonOnly('svg_unreadable'),
  reasonOnly('no_qr'),
  reasonOnly('gif_or_webp'),
  reasonOnly('unread'),
]);
const imageReasonSchema: z.ZodType<ImageReasonSaid> = anyImageReason;

/** True only while every kind of ImageReasonSaid has a schema above: a kind added there alone fails the build. */
export const EVERY_IMAGE_REASON_CHECKED: Exclude<ImageReasonSaid['kind'], z.infer<typeof anyImageReason>['kind']> extends never ? true : never = true;

const anyAnswer = z.discriminatedUnion('kind', [
  z.strictObject({ area, kind: z.literal('key_refused'), provider, key: z.enum(['secret_key', 'api_key', 'key']) }),
  z.strictObject({ area, kind: z.literal('access_refused'), provider, detail }),
  z.strictObject({ area, kind: z.literal('not_found'), provider, detail }),
  z.strictObject({ area, kind: z.literal('no_such_request'), provider, detail }),
  z.strictObject({ area, kind: z.literal('provider_rejected'), provider, what: z.enum(['charge', 'refund', 'request']), detail }),
  z.strictObject({ area, kind: z.literal('merchant_alias_unknown'), provider, alias: z.string() }),
  z.strictObject({ area, kind: z.literal('payer_alias_unknown'), provider, alias: z.string() }),
  z.strictObject({
    area,
    kind: z.literal('other_amount'),
    provider,
    asked: moneySchema,
    answered: z.strictObject({ minor: z.number().int().nullable(), currency: z.string() }),
  }),
  z.strictObject({ area, kind: z.literal('opn_other_source'), sourceType: z.string(), method }),
  z.strictObject({ area, kind: z.literal('other_sale'), provider }),
  z.strictObject({ area, kind: z.literal('orangepill_other_order'), reference: z.string() }),
  bare('orangepill_other_request'),
  bare('orangepill_bad_qr_image'),
  bare('orangepill_not_static'),
  z.strictObject({ area, kind: z.literal('qr_width'), min: count, max: count }),
  z.strictObject({ area, kind: z.literal('amount_refused'), refusal: amountSaidSchema }),
  z.strictObject({ area, kind: z.literal('qr_expiry_invalid'), method }),
  z.strictObject({ area, kind: z.literal('qr_expiry_too_short'), method, minSeconds: count, seconds: count }),
  z.strictObject({ area, kind: z.literal('qr_expiry_too_long'), method, maxHours: z.number().nonnegative() }),
  z.strictObject({ area, kind: z.literal('opn_not_qr'), method, flow: z.string().nullable() }),
  bare('opn_too_many_charges'),
  bare('opn_qr_missing'),
  bare('opn_qr_elsewhere'),
  bare('opn_qr_not_image'),
  z.strictObject({ area, kind: z.literal('opn_qr_too_large'), kb: count }),
  z.strictObject({ area, kind: z.literal('opn_qr_refused'), method, reason: imageReasonSchema }),
  z.strictObject({ area, kind: z.literal('opn_qr_svg_unread'), method }),
]);

export const answerSaidSchema: z.ZodType<ProviderAnswerSaid> = anyAnswer;

/** True only while every kind of ProviderAnswerSaid has a schema above: a kind added there alone fails the build. */
export const EVERY_ANSWER_KIND_CHECKED: Exclude<ProviderAnswerSaid['kind'], z.infer<typeof anyAnswer>['kind']> extends never ? true : never = true;
