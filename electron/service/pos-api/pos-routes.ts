import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCheckoutSchema, createRefundSchema, listQuerySchema } from '../../../app/pos-api/checkout-schemas';
import { sendJson } from '../../shared/http/http-body';
import { requestTarget } from '../../shared/http/http-guard';
import type { RateLimiter } from '../../shared/http/rate-limit';
import { sourceKey } from '../../shared/http/source-address';
import type { Logger } from '../logging/logger';
import type { checkoutActions } from './checkout-actions';
import type { CheckoutDesk } from './checkout-desk';
import type { PosError, PosOutcome } from './pos-errors';
import type { PosClient, PosKeyStore } from './pos-keys';
import { authenticate, bodyRefusal, describeIssues, idempotencyKey, readJson } from './pos-request';

/** A route another module mounts (GET /v1/events): called once the key is checked and the client rate-limited. */
export type PosRouteHandler = (req: IncomingMessage, res: ServerResponse, context: { readonly client: PosClient; readonly url: URL }) => void;

export interface PosRouteContext {
  readonly keys: PosKeyStore;
  readonly desk: CheckoutDesk;
  readonly actions: ReturnType<typeof checkoutActions>;
  /** Per source, before the key is checked: bounds guessing keys. */
  readonly sourceLimiter: RateLimiter;
  /** Per POS client, once its key is checked. */
  readonly clientLimiter: RateLimiter;
  readonly maxBodyBytes: number;
  readonly openapi: () => unknown;
  readonly extraRoutes: ReadonlyMap<string, PosRouteHandler>;
  readonly log: Logger;
}

const sendError = (res: ServerResponse, error: PosError, close = false): void =>
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, { ...(error.headers === undefined ? {} : { headers: error.headers }), close });

function sendOutcome(res: ServerResponse, outcome: PosOutcome<unknown>): void {
  if (!outcome.ok) return sendError(res, outcome.error);
  sendJson(res, outcome.value.status, outcome.value.body, outcome.value.headers === undefined ? {} : { headers: outcome.value.headers });
}

const CHECKOUT_PATH = /^\/v1\/checkouts\/(co_[0-9a-f]{24})(\/cancel|\/refunds)?$/;

/**
 * One request: every refusal is JSON with a code and a sentence, and nothing a client sends can
 * throw out of here. `expectsContinue`: 100 Continue is sent only once the key and headers pass.
 */
export function handlePosRequest(ctx: PosRouteContext, req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  const url = requestTarget(req.url);
  if (url === null) return sendError(res, { status: 400, code: 'invalid_target', message: 'The request target is not a valid URL' }, true);
  const source = ctx.sourceLimiter.take(sourceKey(req.socket.remoteAddress));
  if (!source.allowed) return sendError(res, tooMany(source.retryAfterSeconds, 'from this address'), true);
  if (url.pathname === '/v1/openapi.json') {
    if (req.method !== 'GET') return sendError(res, notAllowed('GET'), true);
    return sendJson(res, 200, ctx.openapi());
  }
  const auth = authenticate(req, ctx.keys);
  if (!auth.ok) return sendError(res, auth.error, true);
  const client = auth.value;
  const rate = ctx.clientLimiter.take(client.id);
  if (!rate.allowed) return sendError(res, tooMany(rate.retryAfterSeconds, `for the key of ${client.name}`), true);
  const extra = ctx.extraRoutes.get(url.pathname);
  if (extra !== undefined) return extra(req, res, { client, url });
  void route(ctx, req, res, { client, url, expectsContinue }).catch((error: unknown) => {
    ctx.log.log('error', 'POS API request failed', { path: url.pathname.slice(0, 100), error: error instanceof Error ? error.message : String(error) });
    sendError(res, { status: 500, code: 'internal', message: 'The terminal could not complete this request; it has been logged' });
  });
}

async function route(ctx: PosRouteContext, req: IncomingMessage, res: ServerResponse, call: { readonly client: PosClient; readonly url: URL; readonly expectsContinue: boolean }): Promise<void> {
  const { client, url } = call;
  if (url.pathname === '/v1/checkouts') {
    if (req.method === 'POST') return create(ctx, req, res, call);
    if (req.method !== 'GET') return sendError(res, notAllowed('GET, POST'), true);
    if (!client.scopes.has('charge') && !client.scopes.has('read')) return sendError(res, missingScope('charge or read', 'list checkouts'));
    const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return sendError(res, { status: 400, code: 'invalid_query', message: describeIssues(query.error, Object.fromEntries(url.searchParams)).replace('The request', 'The query') });
    return sendOutcome(res, ctx.actions.list(client, query.data));
  }
  const match = CHECKOUT_PATH.exec(url.pathname);
  if (match === null) return sendError(res, { status: 404, code: 'not_found', message: `Nothing is served at ${url.pathname.slice(0, 100)}: see /v1/openapi.json` }, true);
  const id = match[1] ?? '';
  switch (match[2]) {
    case undefined:
      if (req.method !== 'GET') return sendError(res, notAllowed('GET'), true);
      if (!client.scopes.has('charge') && !client.scopes.has('read')) return sendError(res, missingScope('charge or read', 'read checkouts'));
      return sendOutcome(res, ctx.actions.get(client, id));
    case '/cancel':
      if (req.method !== 'POST') return sendError(res, notAllowed('POST'), true);
      // The body, if any, is not read: a cancel takes no arguments.
      return sendOutcome(res, await ctx.actions.cancel(client, id));
    default:
      return refund(ctx, req, res, call, id);
  }
}

async function create(ctx: PosRouteContext, req: IncomingMessage, res: ServerResponse, call: { readonly client: PosClient; readonly expectsContinue: boolean }): Promise<void> {
  if (!call.client.scopes.has('charge')) return sendError(res, missingScope('charge', 'create checkouts'), true);
  const key = idempotencyKey(req);
  if (!key.ok) return sendError(res, key.error, true);
  const refused = bodyRefusal(req, ctx.maxBodyBytes);
  if (refused !== null) return sendError(res, refused, true);
  if (call.expectsContinue) res.writeContinue();
  const body = await readJson(req, ctx.maxBodyBytes, createCheckoutSchema);
  if (body === null) return;
  if (!body.ok) return sendError(res, body.error, body.error.status === 413);
  sendOutcome(res, await ctx.desk.create(call.client, key.value, body.value.hash, body.value.data));
}

async function refund(ctx: PosRouteContext, req: IncomingMessage, res: ServerResponse, call: { readonly client: PosClient; readonly expectsContinue: boolean }, id: string): Promise<void> {
  if (req.method !== 'POST') return sendError(res, notAllowed('POST'), true);
  const key = idempotencyKey(req);
  if (!key.ok) return sendError(res, key.error, true);
  const refused = bodyRefusal(req, ctx.maxBodyBytes);
  if (refused !== null) return sendError(res, refused, true);
  if (call.expectsContinue) res.writeContinue();
  const body = await readJson(req, ctx.maxBodyBytes, createRefundSchema);
  if (body === null) return;
  if (!body.ok) return sendError(res, body.error, body.error.status === 413);
  sendOutcome(res, await ctx.actions.refund(call.client, id, key.value, body.value.hash, body.value.data));
}

const notAllowed = (allow: string): PosError => ({ status: 405, code: 'method_not_allowed', message: `Only ${allow} is accepted here`, headers: { allow } });
const missingScope = (scope: string, what: string): PosError => ({ status: 403, code: 'scope_missing', message: `This key has no ${scope} scope, which is needed to ${what}` });
const tooMany = (seconds: number, whose: string): PosError => ({
  status: 429,
  code: 'rate_limited',
  message: `Too many requests ${whose}: retry in ${String(seconds)} s`,
  headers: { 'retry-after': String(seconds) },
});
