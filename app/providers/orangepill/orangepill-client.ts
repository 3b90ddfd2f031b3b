import {
  orangepillCodeSchema,
  orangepillListSchema,
  orangepillRequestSchema,
  type OrangepillLogEntry,
  type OrangepillRelated,
  type OrangepillRequest,
} from './orangepill-api';
import {
  createBodyJson,
  idempotencyKey,
  staticRequestBody,
  wireAmountToMinor,
  type OrangepillShop,
  type OrangepillStaticRequest,
} from './orangepill-body';
import { createOrangepillCanceller, type ReadRequest } from './orangepill-cancel';
import { createOrangepillHttp, ORANGEPILL_LABEL, type OrangepillCall, type OrangepillHttp } from './orangepill-http';
import { orangepillMethodInfo } from './orangepill-method';
import { errorText, mapOrangepillStatus } from './orangepill-status';
import { parseJson, type FetchLike, type HttpResponse } from '../http';
import type { CreatedPayment, CreatePaymentRequest, PaymentProvider, ProviderError, ProviderStatus } from '../provider';
import { otherAmount } from '../provider-errors';
import { base64ToBytes, bytesToBase64 } from '../../util/base64';
import { err, ok, type Result } from '../../util/result';

export interface OrangepillClientOptions extends OrangepillShop {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** True when the base URL is the built-in simulator: no real money moves. */
  readonly simulated: boolean;
}

/** A QR image from Orangepill, in the forms its callers want. */
export interface OrangepillQrImage {
  readonly bytes: Uint8Array;
  readonly base64: string;
  readonly dataUrl: string;
}

/** A request's status with its history, for the journal. */
export interface OrangepillDetails {
  readonly status: ProviderStatus;
  readonly rawStatus: string;
  readonly error: string | null;
  readonly log: readonly OrangepillLogEntry[];
  readonly related: readonly OrangepillRelated[];
  readonly request: OrangepillRequest;
}

export interface OrangepillClient extends PaymentProvider {
  list(query: Readonly<Record<string, unknown>>): Promise<Result<readonly OrangepillRequest[], ProviderError>>;
  qrImage(id: string, format: 'png' | 'base64', width: number): Promise<Result<OrangepillQrImage, ProviderError>>;
  reveal(base64Png: string): Promise<Result<string, ProviderError>>;
  details(id: string): Promise<Result<OrangepillDetails, ProviderError>>;
  staticRequest(): OrangepillStaticRequest;
  /**
   * The shop's static request (no amount) at Orangepill, for the counter card; its id is what the card's
   * QR encodes. One per alias: the idempotency key is the alias, so asking again gives the same request.
   */
  createStaticRequest(): Promise<Result<string, ProviderError>>;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((b, i) => bytes[i] === b);
const MIN_QR_WIDTH = 32;
const MAX_QR_WIDTH = 2000;

/** What each Orangepill call needs: the HTTP seam, the shop's options, and what this terminal cancelled. */
interface OrangepillContext {
  readonly http: OrangepillHttp;
  readonly options: OrangepillClientOptions;
  /** Requests this terminal cancelled: their CANCELLED is our own doing, not a failure to report. */
  readonly cancelledByUs: Set<string>;
}

const path = (id: string) => `/v1/apps/payment/${encodeURIComponent(id)}`;

async function fetchRequest(ctx: OrangepillContext, id: string): Promise<Result<OrangepillRequest, ProviderError>> {
  const call: OrangepillCall = { method: 'GET', path: path(id), mayHaveTakenEffect: false };
  const result = await ctx.http.json(orangepillRequestSchema, call);
  if (result.ok && result.value.id !== id) return err(ctx.http.invalid(call, 'another_request'));
  return result;
}

async function details(ctx: OrangepillContext, id: string): Promise<Result<OrangepillDetails, ProviderError>> {
  const result = await fetchRequest(ctx, id);
  if (!result.ok) return result;
  const request = result.value;
  const requested = {
    minor: request.amount === undefined || request.asset === undefined ? null : wireAmountToMinor(request.amount, request.asset),
    currency: request.asset ?? '',
  };
  return ok({
    status: { ...mapOrangepillStatus(request, { now: ctx.options.now(), cancelledByUs: ctx.cancelledByUs.has(id) }), requested },
    rawStatus: request.status,
    error: errorText(request.error),
    log: request.log ?? [],
    related: request.related ?? [],
    request,
  });
}

/** The status with Orangepill's trail, and the request as it wrote it. */
async function read(ctx: OrangepillContext, id: string): Promise<Result<ReadRequest, ProviderError>> {
  const result = await details(ctx, id);
  if (!result.ok) return result;
  const { status: mapped, log, related, request } = result.value;
  const trail = {
    log: log.map((entry) => ({ status: entry.status, at: entry.created_at ?? null })),
    related: related.map((entry) => ({ type: entry.type, value: entry.value, at: entry.created_at ?? null })),
  };
  return ok({ status: { ...mapped, trail }, request });
}

// async so that a query JSON cannot serialise rejects the promise rather than throwing.
async function list(ctx: OrangepillContext, query: Readonly<Record<string, unknown>>): Promise<Result<readonly OrangepillRequest[], ProviderError>> {
  return ctx.http.json(orangepillListSchema, {
    method: 'GET',
    path: `/v1/apps/payment?query=${encodeURIComponent(JSON.stringify(query))}`,
    mayHaveTakenEffect: false,
  });
}

async function create(ctx: OrangepillContext, req: CreatePaymentRequest): Promise<Result<CreatedPayment, ProviderError>> {
  const call: OrangepillCall = {
    method: 'POST',
    path: '/v1/apps/payment',
    body: createBodyJson(ctx.options, req),
    idempotencyKey: idempotencyKey(req.reference),
    mayHaveTakenEffect: true,
    payerAlias: req.payerAlias,
  };
  const result = await ctx.http.json(orangepillRequestSchema, call);
  if (!result.ok) return result;
  const p = result.value;
  const minor = p.amount === undefined || p.asset === undefined ? null : wireAmountToMinor(p.amount, p.asset);
  // A request for another amount, asset or order is never trusted with the sale.
  if (minor !== req.amount.minor || p.asset !== req.amount.currency) {
    return err({ kind: 'invalid_response', ...otherAmount(ORANGEPILL_LABEL, req.amount, { minor, currency: p.asset ?? '' }), ambiguous: true });
  }
  if (p.data?.order !== req.reference) {
    return err({
      kind: 'invalid_response',
      message: `${ORANGEPILL_LABEL} answered for another order, not sale ${req.reference}`,
      said: { area: 'payment', kind: 'orangepill_other_order', reference: req.reference },
      ambiguous: true,
    });
  }
  return ok({ providerRef: p.id, qr: { payload: p.id }, expiresAt: req.expiresAt });
}

/**
 * A shortcut only: the doc's list query shows top-level fields (`{"status":"DONE"}`), never a dotted
 * `data.order`, so a server may well find nothing here. The engine then repeats the create under
 * the same idempotency key (`idempotentCreate`), which the doc's key makes safe.
 */
async function findByReference(ctx: OrangepillContext, reference: string): Promise<Result<CreatedPayment | null, ProviderError>> {
  const result = await list(ctx, { 'data.order': reference });
  if (!result.ok) return result;
  // Filtered again here: a query the server ignored must not hand us someone else's sale.
  const matches = result.value.filter((p) => p.data?.order === reference && p.destination.alias === ctx.options.merchantAlias);
  const latest = matches.reduce<OrangepillRequest | null>(
    (best, p) => (best === null || (p.created_at ?? 0) > (best.created_at ?? 0) ? p : best),
    null,
  );
  if (latest === null) return ok(null);
  return ok({ providerRef: latest.id, qr: { payload: latest.id }, expiresAt: latest.data?.expires_at ?? ctx.options.now() });
}

async function qrImage(http: OrangepillHttp, id: string, format: 'png' | 'base64', width: number): Promise<Result<OrangepillQrImage, ProviderError>> {
  if (!Number.isInteger(width) || width < MIN_QR_WIDTH || width > MAX_QR_WIDTH) {
    return err({
      kind: 'rejected',
      message: `QR width must be a whole number of pixels from ${MIN_QR_WIDTH} to ${MAX_QR_WIDTH}`,
      said: { area: 'payment', kind: 'qr_width', min: MIN_QR_WIDTH, max: MAX_QR_WIDTH },
      ambiguous: false,
    });
  }
  const call: OrangepillCall = {
    method: 'GET',
    path: `${path(id)}/qr/${format}/${width}`,
    mayHaveTakenEffect: false,
    ...(format === 'png' ? { accept: 'image/png' } : {}),
  };
  const sent = await http.send(call);
  if (!sent.ok) return sent;
  const bytes = format === 'png' ? await sent.value.bytes().catch(() => null) : await base64Body(sent.value);
  if (bytes === null || !isPng(bytes)) return err(http.invalid(call, 'qr_image'));
  const base64 = bytesToBase64(bytes);
  return ok({ bytes, base64, dataUrl: `data:image/png;base64,${base64}` });
}

async function reveal(http: OrangepillHttp, base64Png: string): Promise<Result<string, ProviderError>> {
  return http.json(orangepillCodeSchema, {
    method: 'POST',
    path: '/v1/apps/payment/qr/reveal',
    body: JSON.stringify({ base64: base64Png }),
    mayHaveTakenEffect: false,
  });
}

async function createStaticRequest(ctx: OrangepillContext): Promise<Result<string, ProviderError>> {
  const { options } = ctx;
  const created = await ctx.http.json(orangepillRequestSchema, {
    method: 'POST',
    path: '/v1/apps/payment',
    body: JSON.stringify(staticRequestBody(options)),
    idempotencyKey: `qrct-static-${options.merchantAlias.replace(/^@/, '')}`,
    mayHaveTakenEffect: true,
  });
  if (!created.ok) return created;
  if (created.value.amount !== undefined || created.value.destination.alias !== options.merchantAlias) {
    return err({
      kind: 'invalid_response',
      message: `${ORANGEPILL_LABEL} answered with a request that is not the shop's static one`,
      said: { area: 'payment', kind: 'orangepill_not_static' },
      ambiguous: false,
    });
  }
  return ok(created.value.id);
}

/**
 * The Orangepill Apps.Payment client (version-1.0 payment requests). The QR is the request's id,
 * rendered locally; the result comes from polling, a callback only makes us look sooner.
 */
export function createOrangepillClient(options: OrangepillClientOptions): OrangepillClient {
  const ctx: OrangepillContext = { http: createOrangepillHttp(options), options, cancelledByUs: new Set<string>() };
  const canceller = createOrangepillCanceller({
    read: (id) => read(ctx, id),
    remove: (id) => ctx.http.json(orangepillCodeSchema, { method: 'DELETE', path: path(id), mayHaveTakenEffect: true }),
    cancelledByUs: ctx.cancelledByUs,
  });

  return {
    method: orangepillMethodInfo(options.simulated),
    checkAmount: (amount) =>
      amount.minor > 0 ? ok(undefined) : err({ message: 'Orangepill needs an amount above zero', said: { area: 'sale', kind: 'amount_not_positive', method: 'orangepill' } }),
    create: (req) => create(ctx, req),
    async status(id) {
      const result = await read(ctx, id);
      return result.ok ? ok(result.value.status) : canceller.explainMissing(id, result.error);
    },
    cancel: (id) => canceller.cancel(id),
    findByReference: (reference) => findByReference(ctx, reference),
    idempotentCreate: true,
    list: (query) => list(ctx, query),
    qrImage: (id, format, width) => qrImage(ctx.http, id, format, width),
    reveal: (base64Png) => reveal(ctx.http, base64Png),
    details: (id) => details(ctx, id),
    staticRequest: () => staticRequestBody(options),
    createStaticRequest: () => createStaticRequest(ctx),
  };
}

/** The base64 endpoint's body: a JSON string, or the bare base64 text; either may be a data: URL. */
async function base64Body(response: HttpResponse): Promise<Uint8Array | null> {
  const text = (await response.text().catch(() => '')).trim();
  const json = parseJson(text);
  // Not JSON: the body is the base64 text itself.
  const value = json.ok ? json.value : text;
  if (typeof value !== 'string') return null;
  return base64ToBytes(value.replace(/^data:image\/png;base64,/, ''));
}
