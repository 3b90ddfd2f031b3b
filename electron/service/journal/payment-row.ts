import { z } from 'zod';
import { CURRENCY_CODES, type CurrencyCode } from '../../../app/money/currency';
import type { Money } from '../../../app/money/money';
import { paymentSaidSchema } from '../../../app/i18n/said/payment-schema';
import { METHOD_IDS } from '../../../app/payment/method';
import type { Payment, PaymentState, ProviderTrail, QrCode } from '../../../app/payment/payment';
import { err, ok, type Result } from '../../../app/util/result';

/** A payments row as SQLite holds it; the column names are the schema's (see migrations.ts). */
export interface PaymentRow {
  readonly id: string;
  readonly method: string;
  readonly amount_minor: number;
  readonly currency: string;
  readonly order_ref: string | null;
  readonly payer_alias: string | null;
  readonly provider_ref: string | null;
  readonly qr_payload: string | null;
  readonly qr_image: string | null;
  readonly status: string;
  readonly state_json: string;
  readonly refunded_minor: number;
  readonly created_at: number;
  readonly updated_at: number;
  readonly expires_at: number | null;
  readonly notice: string | null;
  readonly notice_said_json: string | null;
  readonly provider_trail_json: string | null;
  readonly operator_id: string | null;
  readonly operator_name: string | null;
  readonly parked_at: number | null;
}

export const PAYMENT_COLUMNS =
  'id, method, amount_minor, currency, order_ref, payer_alias, provider_ref, qr_payload, qr_image, status, ' +
  'state_json, refunded_minor, created_at, updated_at, expires_at, notice, notice_said_json, provider_trail_json, operator_id, operator_name, parked_at';

const currencyCode = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const minor = z.number().int().nonnegative();
const moneySchema: z.ZodType<Money> = z.strictObject({ minor, currency: currencyCode });
const time = z.number().int();
const operatorRef = z.strictObject({ id: z.string(), name: z.string() });
const decision = z.strictObject({ at: time, by: operatorRef.nullable() });

/** Mirrors PaymentState exactly; the annotation makes the build fail if the two drift apart. */
const stateSchema: z.ZodType<PaymentState> = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('creating') }),
  z.strictObject({ status: z.literal('awaiting') }),
  z.strictObject({ status: z.literal('cancelling') }),
  z.strictObject({ status: z.literal('unknown'), providerStatus: z.string() }),
  // A `Said` beside each sentence came later: a row without one reads as before; a malformed one is refused.
  z.strictObject({ status: z.literal('needs_attention'), reason: z.string(), said: paymentSaidSchema.exactOptional() }),
  z.strictObject({
    status: z.literal('partially_paid'),
    received: moneySchema.nullable(),
    leftOpen: z.string().exactOptional(),
    leftOpenSaid: paymentSaidSchema.exactOptional(),
  }),
  z.strictObject({
    status: z.literal('paid'),
    paidAt: time,
    received: moneySchema.exactOptional(),
    overpaid: z.literal(true).exactOptional(),
    late: z.literal(true).exactOptional(),
    kept: decision.exactOptional(),
    refundable: z.boolean().exactOptional(),
  }),
  z.strictObject({ status: z.literal('failed'), failure: z.strictObject({ code: z.string(), message: z.string(), said: paymentSaidSchema.exactOptional() }) }),
  z.strictObject({ status: z.literal('expired') }),
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('cancelled_with_money'), received: moneySchema.nullable(), returned: decision.exactOptional() }),
  z.strictObject({ status: z.literal('paid_after_cancel'), paidAt: time }),
  z.strictObject({ status: z.literal('refunded') }),
]);

const trailSchema: z.ZodType<ProviderTrail> = z.strictObject({
  log: z.array(z.strictObject({ status: z.string(), at: time.nullable() })),
  related: z.array(z.strictObject({ type: z.string(), value: z.string(), at: time.nullable() })),
});

const rowSchema = z.object({
  id: z.string().min(1),
  method: z.enum(METHOD_IDS),
  amount_minor: z.number().int().positive(),
  currency: currencyCode,
  order_ref: z.string().nullable(),
  payer_alias: z.string().nullable(),
  provider_ref: z.string().nullable(),
  qr_payload: z.string().nullable(),
  qr_image: z.string().nullable(),
  status: z.string(),
  state_json: z.string(),
  refunded_minor: minor,
  created_at: time,
  updated_at: time,
  expires_at: time.nullable(),
  notice: z.string().nullable(),
  notice_said_json: z.string().nullable(),
  provider_trail_json: z.string().nullable(),
  operator_id: z.string().nullable(),
  operator_name: z.string().nullable(),
  parked_at: time.nullable(),
});

export function paymentToRow(payment: Payment): PaymentRow {
  const qr = payment.qr;
  return {
    id: payment.id,
    method: payment.method,
    amount_minor: payment.amount.minor,
    currency: payment.amount.currency,
    order_ref: payment.orderRef,
    payer_alias: payment.payerAlias,
    provider_ref: payment.providerRef,
    qr_payload: qr?.payload ?? null,
    qr_image: qr !== null && qr.payload === null ? qr.image.dataUrl : null,
    status: payment.state.status,
    state_json: JSON.stringify(payment.state),
    refunded_minor: payment.refundedMinor,
    created_at: payment.createdAt,
    updated_at: payment.updatedAt,
    expires_at: payment.expiresAt,
    notice: payment.notice,
    notice_said_json: payment.noticeSaid === undefined ? null : JSON.stringify(payment.noticeSaid),
    provider_trail_json: payment.providerTrail === undefined ? null : JSON.stringify(payment.providerTrail),
    operator_id: payment.operator?.id ?? null,
    operator_name: payment.operator?.name ?? null,
    parked_at: payment.parkedAt ?? null,
  };
}

/** Rebuilds the Payment that was saved, or says precisely what about the row is wrong. */
export function rowToPayment(raw: unknown): Result<Payment, string> {
  const row = rowSchema.safeParse(raw);
  if (!row.success) return err(describeIssues(row.error));
  const r = row.data;
  const state = parseJson(r.state_json, stateSchema, 'state_json');
  if (!state.ok) return state;
  if (state.value.status !== r.status) {
    return err(`status column says ${r.status} but state_json says ${state.value.status}`);
  }
  const trail = r.provider_trail_json === null ? ok(undefined) : parseJson(r.provider_trail_json, trailSchema, 'provider_trail_json');
  if (!trail.ok) return trail;
  const noticeSaid = r.notice_said_json === null ? ok(undefined) : parseJson(r.notice_said_json, paymentSaidSchema, 'notice_said_json');
  if (!noticeSaid.ok) return noticeSaid;
  if (noticeSaid.value !== undefined && r.notice === null) return err('notice_said_json is set without a notice');
  if (r.qr_payload !== null && r.qr_image !== null) return err('both qr_payload and qr_image are set');
  const qr: QrCode | null =
    r.qr_payload !== null ? { payload: r.qr_payload } : r.qr_image !== null ? { payload: null, image: { dataUrl: r.qr_image } } : null;
  const payment: Payment = {
    id: r.id,
    amount: { minor: r.amount_minor, currency: r.currency },
    method: r.method,
    orderRef: r.order_ref,
    payerAlias: r.payer_alias,
    providerRef: r.provider_ref,
    qr,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
    state: state.value,
    refundedMinor: r.refunded_minor,
    notice: r.notice,
  };
  if ((r.operator_id === null) !== (r.operator_name === null)) return err('operator_id and operator_name must be set together');
  return ok({
    ...payment,
    ...(trail.value === undefined ? {} : { providerTrail: trail.value }),
    ...(noticeSaid.value === undefined ? {} : { noticeSaid: noticeSaid.value }),
    ...(r.operator_id === null || r.operator_name === null ? {} : { operator: { id: r.operator_id, name: r.operator_name } }),
    ...(r.parked_at === null ? {} : { parkedAt: r.parked_at }),
  });
}

function parseJson<T>(text: string, schema: z.ZodType<T>, column: string): Result<T, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(`${column} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(`${column}: ${describeIssues(parsed.error)}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? '(row)' : issue.path.join('.')} ${issue.message}`)
    .join('; ');
}
