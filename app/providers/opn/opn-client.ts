import type { FetchLike } from '../http';
import type { AmountRefusal, CreatePaymentRequest, CreatedPayment, PaymentProvider, ProviderError, ProviderStatus } from '../provider';
import type { CurrencyCode } from '../../money/currency';
import type { Money } from '../../money/money';
import { err, ok, type Result } from '../../util/result';
import { OPN_MAX_EXPIRY_MS, opnCapabilitySchema, opnChargeListSchema, opnChargeSchema, type OpnCapability, type OpnChargeData, type OpnChargeList, type OpnOrder } from './opn-api';
import { chargePath, getCharge, iso, mismatch, rejected, remember, withdraw, type OpnContext } from './opn-context';
import { providerSaid } from '../provider-errors';
import { createOpnHttp, query } from './opn-http';
import { opnMethodInfo } from './opn-method';
import { OPN_METHODS, type OpnMethodId } from './opn-methods';
import { loadOpnQr, offlineFlowProblem, type QrImageDecoder } from './opn-qr';
import { refundCharge } from './opn-refund';
import { checkOpnAmount, currencyNotTaken, opnExpiry } from './opn-rules';
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
  /** The Opn QR method this client charges (one key serves them all); Atome QR when absent. */
  readonly method?: OpnMethodId;
  /** The currencies the account takes this method in (GET /capability); the method table's when absent. */
  readonly currencies?: readonly CurrencyCode[];
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
  /** `GET /capability`: the methods and currencies the account has enabled. */
  capability(): Promise<Result<OpnCapability, ProviderError>>;
};

/** Reconciliation looks back this far: an ambiguous create is retried within seconds, not days. */
const FIND_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIND_PAGE_SIZE = 100;
const FIND_MAX_PAGES = 10;
/** Failures of the QR download that may pass: the engine reconciles and the lookup fetches the QR again. */
const TRANSIENT = new Set<ProviderError['kind']>(['network', 'timeout', 'server', 'rate_limited']);
const CANCELLED_AT_OPN = '; the charge was cancelled at Opn';

/**
 * The charge as the screens need it, when it is an offline QR the counter can show. A method whose
 * expiry Opn does not document is read at the charge's word; with none, at what was asked.
 */
async function toCreated(ctx: OpnContext, charge: OpnChargeData, askedExpiry?: number): Promise<Result<CreatedPayment, ProviderError>> {
  const problem = offlineFlowProblem(charge, ctx.method);
  if (problem !== null) return err(rejected(problem.message, problem.said));
  const qr = await loadOpnQr(ctx.http, ctx.baseUrl, ctx.decodeQrImage, charge, ctx.method);
  if (!qr.ok) return qr;
  const lifetime = ctx.method.expiry?.defaultMs ?? OPN_MAX_EXPIRY_MS;
  const expiresAt = charge.expires_at !== null ? Date.parse(charge.expires_at) : (askedExpiry ?? Date.parse(charge.created_at) + lifetime);
  return ok({ providerRef: charge.id, qr: qr.value, expiresAt });
}

/** Shows the charge, or expires it at Opn when it can never be shown (a redirect flow, a broken QR). */
async function showOrWithdraw(ctx: OpnContext, charge: OpnChargeData, askedExpiry?: number): Promise<Result<CreatedPayment, ProviderError>> {
  const created = await toCreated(ctx, charge, askedExpiry);
  if (created.ok) return created;
  if (TRANSIENT.has(created.error.kind)) return err({ ...created.error, ambiguous: true });
  return err(withdrawnError(created.error, await withdraw(ctx, charge.id)));
}

/** A charge the counter cannot use, said with whether the terminal cancelled it at Opn. */
function withdrawnError(error: ProviderError, withdrawn: boolean): ProviderError {
  if (!withdrawn) return error;
  const { said, ...rest } = error;
  const problem = said?.kind === 'qr_fetch_failed' ? said : providerSaid(said);
  return { ...rest, message: `${error.message}${CANCELLED_AT_OPN}`, ...(problem === undefined ? {} : { said: { area: 'payment', kind: 'cancelled_at_opn', problem } }) };
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

async function createCharge(ctx: OpnContext, req: CreatePaymentRequest, currencies: readonly CurrencyCode[]): Promise<Result<CreatedPayment, ProviderError>> {
  const amount = checkAmount(ctx, currencies, req);
  if (!amount.ok) return err(rejected(amount.error.message, { area: 'payment', kind: 'amount_refused', refusal: amount.error.said }));
  const expiry = opnExpiry(req.expiresAt, ctx.now(), ctx.method);
  if (!expiry.ok) return err(rejected(expiry.error.message, expiry.error.said));
  // Remembered before sending: if the answer is lost, the charge found later is checked against it.
  remember(ctx.askedByReference, req.reference, { amount: req.amount, expiresAt: expiry.value });
  const result = await ctx.http.call(opnChargeSchema, 'POST', '/charges', [
    ['amount', String(req.amount.minor)],
    ['currency', req.amount.currency],
    ['source[type]', ctx.method.sourceType],
    ['expires_at', iso(expiry.value)],
    ['description', req.description],
    ['metadata[terminal_reference]', req.reference],
  ]);
  if (!result.ok) return result;
  const charge = result.value;
  if (charge.metadata?.['terminal_reference'] !== req.reference) {
    // Not ours by its own record, so it is left alone; whether ours was made is for reconciliation to find out.
    return err({ kind: 'invalid_response', message: 'Opn answered for another sale', said: { area: 'payment', kind: 'other_sale', provider: 'Opn' }, ambiguous: true });
  }
  const wrong = mismatch(ctx, charge, req.amount);
  if (wrong !== null) return err(withdrawnError(wrong, await withdraw(ctx, charge.id)));
  remember(ctx.askedByCharge, charge.id, req.amount);
  return showOrWithdraw(ctx, charge, expiry.value);
}

function checkAmount(ctx: OpnContext, currencies: readonly CurrencyCode[], req: Pick<CreatePaymentRequest, 'amount'>): Result<void, AmountRefusal> {
  const rules = checkOpnAmount(req.amount, ctx.method);
  if (!rules.ok) return rules;
  return currencies.includes(req.amount.currency) ? ok(undefined) : err(currencyNotTaken(ctx.method, req.amount.currency, true));
}

async function cancelCharge(ctx: OpnContext, providerRef: string): Promise<Result<ProviderStatus, ProviderError>> {
  // Status first: the doc's Expire API is for "a pending charge", and a charge that has money is
  // never expired; what it became is the answer.
  const before = await getCharge(ctx, providerRef);
  if (!before.ok) return before;
  if (before.value.status !== 'pending') return ok(mapOpnStatus(before.value, ctx.method));
  const result = await ctx.http.call(opnChargeSchema, 'POST', chargePath(providerRef, '/expire'));
  if (result.ok) {
    const wrong = mismatch(ctx, result.value, ctx.askedByCharge.get(providerRef));
    return wrong === null ? ok(mapOpnStatus(result.value, ctx.method)) : err(wrong);
  }
  // Refused: it stopped being pending after the read (paid, say); what it became is the answer.
  if (result.error.kind !== 'rejected') return result;
  const became = await getCharge(ctx, providerRef);
  return became.ok && became.value.status !== 'pending' ? ok(mapOpnStatus(became.value, ctx.method)) : result;
}

async function findChargeByReference(ctx: OpnContext, reference: string): Promise<Result<CreatedPayment | null, ProviderError>> {
  const from = ctx.now() - FIND_WINDOW_MS;
  for (let page = 0; page < FIND_MAX_PAGES; page++) {
    const list = await listCharges(ctx, { from, order: 'reverse_chronological', limit: FIND_PAGE_SIZE, offset: page * FIND_PAGE_SIZE });
    if (!list.ok) return list;
    const match = list.value.data.find((c) => c.metadata?.['terminal_reference'] === reference);
    if (match !== undefined) {
      const asked = ctx.askedByReference.get(reference);
      const wrong = mismatch(ctx, match, asked?.amount);
      if (wrong !== null) return err(wrong);
      if (asked !== undefined) remember(ctx.askedByCharge, match.id, asked.amount);
      return showOrWithdraw(ctx, match, asked?.expiresAt);
    }
    const seen = list.value.offset + list.value.data.length;
    if (list.value.data.length === 0 || seen >= list.value.total) return ok(null);
  }
  // Not seen is not absent: without a full search a retry could charge the customer twice.
  return err({
    kind: 'server',
    message: 'Opn holds too many recent charges for the terminal to check this sale; look for it in the Opn dashboard before charging again',
    said: { area: 'payment', kind: 'opn_too_many_charges' },
    ambiguous: true,
  });
}

/**
 * One Opn QR method through Opn Payments (Omise): Atome QR, PayNow, PromptPay… One charge per sale,
 * created with the method's `source[type]` and our reference in `metadata`, which is how an ambiguous
 * create is found again: Opn documents no idempotency key, so a lost answer is never simply retried.
 * Refunds are offered only where Opn refunds the method at all (not PromptPay).
 */
export function createOpnClient(options: OpnClientOptions): OpnClient {
  const method = OPN_METHODS[options.method ?? 'atome'];
  const ctx: OpnContext = {
    http: createOpnHttp(options),
    method,
    baseUrl: options.baseUrl,
    now: options.now,
    decodeQrImage: options.decodeQrImage,
    askedByReference: new Map(),
    askedByCharge: new Map(),
  };
  const info = opnMethodInfo(options.simulated, method.id);
  const currencies = options.currencies ?? method.currencies;
  return {
    method: { ...info, currencies },
    checkAmount: (amount) => checkAmount(ctx, currencies, { amount }),
    listCharges: (q) => listCharges(ctx, q),
    capability: () => ctx.http.call(opnCapabilitySchema, 'GET', '/capability'),
    create: (req) => createCharge(ctx, req, currencies),
    async status(providerRef) {
      const result = await getCharge(ctx, providerRef);
      return result.ok ? ok(mapOpnStatus(result.value, method)) : result;
    },
    cancel: (providerRef) => cancelCharge(ctx, providerRef),
    findByReference: (reference) => findChargeByReference(ctx, reference),
    ...(method.refunds.kind === 'api' ? { refund: (providerRef: string, amount: Money, paidAt: number) => refundCharge(ctx, providerRef, amount, paidAt) } : {}),
  };
}
