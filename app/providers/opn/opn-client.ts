import type { FetchLike } from '../http';
import type { CreatePaymentRequest, CreatedPayment, PaymentProvider, ProviderError, ProviderStatus, RefundResult } from '../provider';
import { isCurrencyCode } from '../../money/currency';
import { formatMoney, type Money } from '../../money/money';
import { err, ok, type Result } from '../../util/result';
import { OPN_MAX_EXPIRY_MS, opnChargeListSchema, opnChargeSchema, opnRefundSchema, type OpnChargeData, type OpnChargeList, type OpnOrder } from './opn-api';
import { createOpnHttp, query, type OpnHttp } from './opn-http';
import { opnMethodInfo } from './opn-method';
import { loadOpnQr, type QrImageDecoder } from './opn-qr';
import { checkOpnAmount, checkOpnRefundWindow, opnExpiry } from './opn-rules';
import { mapOpnStatus } from './opn-status';

export interface OpnClientOptions {
  readonly baseUrl: string;
  readonly secretKey: string;
  readonly omiseVersion: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly decodeQrImage: QrImageDecoder;
  /** True when the base URL is the built-in simulator: the method says so and offers demo controls. */
  readonly simulated: boolean;
}

export interface OpnListQuery {
  /** Epoch ms; charges created at or after. */
  readonly from?: number;
  /** Epoch ms; charges created at or before. */
  readonly to?: number;
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: OpnOrder;
}

export type OpnClient = PaymentProvider & {
  listCharges(query: OpnListQuery): Promise<Result<OpnChargeList, ProviderError>>;
};

/** Reconciliation looks back this far: an ambiguous create is retried within seconds, not days. */
const FIND_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIND_PAGE_SIZE = 100;
const FIND_MAX_PAGES = 10;
/** Amounts asked for, remembered to check Opn's answers; bounded so a long-running terminal does not grow. */
const REMEMBERED = 500;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const rejected = (message: string): ProviderError => ({ kind: 'rejected', message, ambiguous: false });
const sameCurrency = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();
/** Failures of the QR download that may pass: the engine reconciles and the lookup fetches the QR again. */
const TRANSIENT = new Set<ProviderError['kind']>(['network', 'timeout', 'server', 'rate_limited']);

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as K);
}

/** What each Opn call needs: the HTTP seam, the options (clock, QR decoder), and the amounts asked so far. */
interface OpnContext {
  readonly http: OpnHttp;
  readonly options: OpnClientOptions;
  readonly askedByReference: Map<string, Money>;
  readonly askedByCharge: Map<string, Money>;
}

const path = (id: string, rest = '') => `/charges/${encodeURIComponent(id)}${rest}`;

/** Opn answering with another amount or currency than we asked is never trusted with the sale. */
function mismatch(charge: OpnChargeData, asked: Money | undefined): ProviderError | null {
  if (asked === undefined || (charge.amount === asked.minor && sameCurrency(charge.currency, asked.currency))) return null;
  const code = charge.currency.toUpperCase();
  const said = isCurrencyCode(code) ? formatMoney({ minor: charge.amount, currency: code }) : `${charge.amount} ${code} subunits`;
  return { kind: 'invalid_response', message: `Opn answered for ${said}, not the ${formatMoney(asked)} asked`, ambiguous: false };
}

async function getCharge(ctx: OpnContext, id: string): Promise<Result<OpnChargeData, ProviderError>> {
  const result = await ctx.http.call(opnChargeSchema, 'GET', path(id));
  if (!result.ok) return result;
  const wrong = mismatch(result.value, ctx.askedByCharge.get(id));
  return wrong === null ? result : err(wrong);
}

async function toCreated(ctx: OpnContext, charge: OpnChargeData): Promise<Result<CreatedPayment, ProviderError>> {
  const qr = await loadOpnQr(ctx.http, ctx.options.baseUrl, ctx.options.decodeQrImage, charge);
  if (!qr.ok) return qr;
  const expiresAt = charge.expires_at === null ? Date.parse(charge.created_at) + OPN_MAX_EXPIRY_MS : Date.parse(charge.expires_at);
  return ok({ providerRef: charge.id, qr: qr.value, expiresAt });
}

/** Best effort: a charge whose QR can never be shown is expired, so nobody can pay it later. */
async function withdraw(ctx: OpnContext, id: string): Promise<boolean> {
  return (await ctx.http.call(opnChargeSchema, 'POST', path(id, '/expire'))).ok;
}

function listCharges(ctx: OpnContext, q: OpnListQuery): Promise<Result<OpnChargeList, ProviderError>> {
  return ctx.http.call(
    opnChargeListSchema,
    'GET',
    `/charges${query({
      from: q.from === undefined ? undefined : iso(q.from),
      to: q.to === undefined ? undefined : iso(q.to),
      limit: q.limit,
      offset: q.offset,
      order: q.order,
    })}`,
  );
}

async function createCharge(ctx: OpnContext, req: CreatePaymentRequest): Promise<Result<CreatedPayment, ProviderError>> {
  const amount = checkOpnAmount(req.amount);
  if (!amount.ok) return err(rejected(amount.error));
  const expiry = opnExpiry(req.expiresAt, ctx.options.now());
  if (!expiry.ok) return err(rejected(expiry.error));
  // Remembered before sending: if the answer is lost, the charge found later is checked against it.
  remember(ctx.askedByReference, req.reference, req.amount);
  const result = await ctx.http.call(opnChargeSchema, 'POST', '/charges', [
    ['amount', String(req.amount.minor)],
    ['currency', req.amount.currency],
    ['source[type]', 'atome_qr'],
    ['expires_at', iso(expiry.value)],
    ['description', req.description],
    ['metadata[terminal_reference]', req.reference],
  ]);
  if (!result.ok) return result;
  const charge = result.value;
  if (charge.metadata?.['terminal_reference'] !== req.reference) {
    // Not ours by its own record, so it is left alone; whether ours was made is for reconciliation to find out.
    return err({ kind: 'invalid_response', message: 'Opn answered with a charge for another sale', ambiguous: true });
  }
  const wrong = mismatch(charge, req.amount);
  if (wrong !== null) {
    const withdrawn = await withdraw(ctx, charge.id);
    return err({ ...wrong, message: `${wrong.message}${withdrawn ? '; the charge was cancelled at Opn' : ''}` });
  }
  remember(ctx.askedByCharge, charge.id, req.amount);
  const created = await toCreated(ctx, charge);
  if (created.ok) return created;
  if (TRANSIENT.has(created.error.kind)) return err({ ...created.error, ambiguous: true });
  const withdrawn = await withdraw(ctx, charge.id);
  return err({ ...created.error, message: `${created.error.message}${withdrawn ? '; the charge was cancelled at Opn' : ''}` });
}

async function cancelCharge(ctx: OpnContext, providerRef: string): Promise<Result<ProviderStatus, ProviderError>> {
  // Status first: the doc's Expire API is for "a pending charge", and a charge that has money is
  // never expired; what it became is the answer.
  const before = await getCharge(ctx, providerRef);
  if (!before.ok) return before;
  if (before.value.status !== 'pending') return ok(mapOpnStatus(before.value));
  const result = await ctx.http.call(opnChargeSchema, 'POST', path(providerRef, '/expire'));
  if (result.ok) {
    const wrong = mismatch(result.value, ctx.askedByCharge.get(providerRef));
    return wrong === null ? ok(mapOpnStatus(result.value)) : err(wrong);
  }
  // Refused: it stopped being pending after the read (paid, say); what it became is the answer.
  if (result.error.kind !== 'rejected') return result;
  const became = await getCharge(ctx, providerRef);
  return became.ok && became.value.status !== 'pending' ? ok(mapOpnStatus(became.value)) : result;
}

async function findChargeByReference(ctx: OpnContext, reference: string): Promise<Result<CreatedPayment | null, ProviderError>> {
  const from = ctx.options.now() - FIND_WINDOW_MS;
  for (let page = 0; page < FIND_MAX_PAGES; page++) {
    const list = await listCharges(ctx, { from, order: 'reverse_chronological', limit: FIND_PAGE_SIZE, offset: page * FIND_PAGE_SIZE });
    if (!list.ok) return list;
    const match = list.value.data.find((c) => c.metadata?.['terminal_reference'] === reference);
    if (match !== undefined) {
      const asked = ctx.askedByReference.get(reference);
      const wrong = mismatch(match, asked);
      if (wrong !== null) return err(wrong);
      if (asked !== undefined) remember(ctx.askedByCharge, match.id, asked);
      return toCreated(ctx, match);
    }
    const seen = list.value.offset + list.value.data.length;
    if (list.value.data.length === 0 || seen >= list.value.total) return ok(null);
  }
  // Not seen is not absent: without a full search a retry could charge the customer twice.
  return err({
    kind: 'server',
    message: 'Opn holds too many recent charges for the terminal to check this sale; look for it in the Opn dashboard before charging again',
    ambiguous: true,
  });
}

async function refundCharge(ctx: OpnContext, providerRef: string, amount: Money, paidAt: number): Promise<Result<RefundResult, ProviderError>> {
  const window = checkOpnRefundWindow(paidAt, ctx.options.now());
  if (!window.ok) return err(rejected(window.error));
  if (!Number.isInteger(amount.minor) || amount.minor <= 0) return err(rejected('A refund must be more than zero'));
  const before = await getCharge(ctx, providerRef);
  if (!before.ok) return before;
  if (!sameCurrency(before.value.currency, amount.currency)) {
    return err(rejected(`Refund in ${before.value.currency.toUpperCase()}, the currency of the payment`));
  }
  const result = await ctx.http.call(opnRefundSchema, 'POST', path(providerRef, '/refunds'), [['amount', String(amount.minor)]]);
  if (!result.ok) return result;
  const refund = result.value;
  if (refund.charge !== providerRef || refund.amount !== amount.minor || !sameCurrency(refund.currency, amount.currency)) {
    return err({ kind: 'invalid_response', message: 'Opn answered the refund with a different charge or amount; check the Opn dashboard', ambiguous: true });
  }
  // Opn's refund object has no running total: the charge has it. If that read fails, add it up ourselves.
  const after = await getCharge(ctx, providerRef);
  const total = after.ok ? after.value.refunded_amount : before.value.refunded_amount + refund.amount;
  return ok({ refundId: refund.id, amount: { minor: refund.amount, currency: amount.currency }, totalRefundedMinor: total });
}

/**
 * Atome QR through Opn Payments (Omise). One charge per sale, created with `source[type]=atome_qr`
 * and our reference in `metadata`, which is how an ambiguous create is found again: Opn documents
 * no idempotency key, so a lost answer is never simply retried.
 */
export function createOpnClient(options: OpnClientOptions): OpnClient {
  const ctx: OpnContext = { http: createOpnHttp(options), options, askedByReference: new Map(), askedByCharge: new Map() };
  return {
    method: opnMethodInfo(options.simulated),
    checkAmount: checkOpnAmount,
    listCharges: (q) => listCharges(ctx, q),
    create: (req) => createCharge(ctx, req),
    async status(providerRef) {
      const result = await getCharge(ctx, providerRef);
      return result.ok ? ok(mapOpnStatus(result.value)) : result;
    },
    cancel: (providerRef) => cancelCharge(ctx, providerRef),
    findByReference: (reference) => findChargeByReference(ctx, reference),
    refund: (providerRef, amount, paidAt) => refundCharge(ctx, providerRef, amount, paidAt),
  };
}
