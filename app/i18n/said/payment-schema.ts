import { z } from 'zod';
import { METHOD_IDS } from '../../payment/method';
import { DEMO_FAILURES, type DemoFailureCode } from '../../providers/demo/demo-failures';
import { OPN_FAILURE_DESCRIPTIONS, type OpnFailureCode } from '../../providers/opn/opn-failures';
import type { PaymentSaid, ProviderLinkSaid, ProviderSaid, QrFetchSaid } from './payment';
import { answerSaidSchema, moneySchema as money } from './payment-answers-schema';

/*
 * A payment's `Said` as stored data: the journal reads it back (state_json) and History reads it from
 * a payment's log, so each is checked whole. The build fails if a kind changes here and not in
 * payment.ts, or the other way round.
 */

const area = z.literal('payment');
const provider = z.string();
const keysOf = <K extends string>(table: Readonly<Record<K, unknown>>): [K, ...K[]] => Object.keys(table) as [K, ...K[]];

const linkSaidSchema: z.ZodType<ProviderLinkSaid> = z.discriminatedUnion('kind', [
  z.strictObject({ area, kind: z.literal('no_answer'), provider }),
  z.strictObject({ area, kind: z.literal('no_connection'), provider }),
  z.strictObject({ area, kind: z.literal('slow_down'), provider }),
  z.strictObject({ area, kind: z.literal('provider_trouble'), provider, httpStatus: z.number().int().nullable() }),
  z.strictObject({ area, kind: z.literal('unreadable_answer'), provider }),
]);

const providerSaidSchema: z.ZodType<ProviderSaid> = z.union([linkSaidSchema, answerSaidSchema]);
const qrFetchSchema: z.ZodType<QrFetchSaid> = z.strictObject({ area, kind: z.literal('qr_fetch_failed'), method: z.enum(METHOD_IDS), problem: providerSaidSchema });

const anySaid = z.union([
  providerSaidSchema,
  qrFetchSchema,
  z.discriminatedUnion('kind', [
    z.strictObject({ area, kind: z.literal('opn_failure'), code: z.enum(keysOf<OpnFailureCode>(OPN_FAILURE_DESCRIPTIONS)), method: z.enum(METHOD_IDS) }),
    z.strictObject({ area, kind: z.literal('unknown_failure_code'), code: z.string(), method: z.enum(METHOD_IDS) }),
    z.strictObject({ area, kind: z.literal('demo_failure'), code: z.enum(keysOf<DemoFailureCode>(DEMO_FAILURES)) }),
    z.strictObject({ area, kind: z.literal('demo_failure_unknown'), code: z.string() }),
    z.strictObject({ area, kind: z.literal('orangepill_failure'), status: z.enum(['CANCELLED', 'FAILED', 'ERROR']), reason: z.string().nullable() }),
    z.strictObject({ area, kind: z.literal('create_stopped') }),
    z.strictObject({ area, kind: z.literal('reach_unchecked'), problem: linkSaidSchema }),
    z.strictObject({ area, kind: z.literal('marked_not_paid'), by: z.string(), reason: z.string() }),
    z.strictObject({ area, kind: z.literal('cancelled_at_opn'), problem: z.union([providerSaidSchema, qrFetchSchema]) }),
    z.strictObject({ area, kind: z.literal('cancel_not_yet'), problem: providerSaidSchema }),
    z.strictObject({ area, kind: z.literal('checking_reach') }),
    z.strictObject({ area, kind: z.literal('closed_after_part') }),
    z.strictObject({
      area,
      kind: z.literal('outcome_hidden'),
      requestId: z.string(),
      lastStatus: z.string(),
      deleteAnswer: z.string(),
      notFound: z.string(),
    }),
    z.strictObject({ area, kind: z.literal('left_open'), asked: money, received: money.nullable(), provider }),
  ]),
]);

export const paymentSaidSchema: z.ZodType<PaymentSaid> = anySaid;

/** True only while every kind of PaymentSaid has a schema above: a kind added there alone fails the build. */
export const EVERY_PAYMENT_KIND_CHECKED: Exclude<PaymentSaid['kind'], z.infer<typeof anySaid>['kind']> extends never ? true : never = true;
