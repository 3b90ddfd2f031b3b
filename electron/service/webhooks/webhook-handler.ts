import type { IncomingMessage, ServerResponse } from 'node:http';
import { declaredTooLarge, isJsonContentType, readBoundedBody, sendJson, type BodyResult } from '../../shared/http/http-body';
import { requestTarget } from '../../shared/http/http-guard';
import type { RateLimiter } from '../../shared/http/rate-limit';
import { sourceKey } from '../../shared/http/source-address';
import type { Logger } from '../logging/logger';
import type { WebhookLimits } from './webhook-limits';
import type { WebhookRefusalLog } from './webhook-refusal-log';

export interface WebhookRoute {
  readonly path: string;
  /** Reads the provider's payment id from the body, or null; the body is never trusted beyond that. */
  readonly parse: (body: unknown) => string | null;
}

/** What one request is checked against and handed to; built once per listener. */
export interface WebhookContext {
  readonly routes: readonly WebhookRoute[];
  readonly limits: WebhookLimits;
  readonly limiter: RateLimiter;
  readonly refusals: WebhookRefusalLog;
  readonly onPaymentHint: (providerRef: string) => boolean;
  readonly log: Logger;
}

function refuse(ctx: WebhookContext, res: ServerResponse, source: string, status: number, reason: string, headers: Record<string, string> = {}): void {
  ctx.refusals.refused.note(source, reason);
  // The body was not read: close instead of draining it, so an endless body costs nothing.
  sendJson(res, status, { error: reason }, { headers, close: true });
}

/**
 * Checks one request before its body is read: rate, target, method, type, declared size.
 * `expectsContinue`: the sender waits for 100 Continue, given only once every check has passed.
 */
export function handleWebhook(ctx: WebhookContext, req: IncomingMessage, res: ServerResponse, expectsContinue = false): void {
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  const { limits } = ctx;
  const source = sourceKey(req.socket.remoteAddress);
  const decision = ctx.limiter.take(source);
  if (!decision.allowed) {
    ctx.refusals.rateLimited.note(source, 'rate limit');
    const retry = String(decision.retryAfterSeconds);
    return sendJson(res, 429, { error: `Too many requests from this address: retry in ${retry} s.` }, { headers: { 'retry-after': retry }, close: true });
  }
  const path = requestTarget(req.url)?.pathname ?? null;
  if (path === null) return refuse(ctx, res, source, 400, 'The request target is not a valid URL.');
  const route = ctx.routes.find((r) => r.path === path);
  if (route === undefined) return refuse(ctx, res, source, 404, `Nothing is served at ${path.slice(0, 100)}.`);
  if (req.method !== 'POST') return refuse(ctx, res, source, 405, 'Only POST is accepted here.', { allow: 'POST' });
  if (!isJsonContentType(req.headers['content-type'])) return refuse(ctx, res, source, 415, 'The body must be application/json (UTF-8).');
  if (declaredTooLarge(req, limits.maxBodyBytes)) return refuse(ctx, res, source, 413, `The body is over ${String(limits.maxBodyBytes)} bytes.`);
  if (expectsContinue) res.writeContinue();
  void readBoundedBody(req, limits.maxBodyBytes).then((body) => answerBody(ctx, res, source, route, body));
}

/** Reads the payment the body names and passes it on as a hint; the answer only says it was received. */
function answerBody(ctx: WebhookContext, res: ServerResponse, source: string, route: WebhookRoute, body: BodyResult): void {
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') return refuse(ctx, res, source, 413, `The body is over ${String(ctx.limits.maxBodyBytes)} bytes.`);
  if (body.kind === 'not-utf8') return refuse(ctx, res, source, 400, 'The body is not UTF-8 text.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    ctx.refusals.refused.note(source, 'the body is not JSON');
    return sendJson(res, 400, { error: 'The body is not JSON.' });
  }
  const providerRef = route.parse(parsed);
  if (providerRef === null) {
    ctx.refusals.refused.note(source, 'the body names no payment');
    return sendJson(res, 400, { error: 'The body names no payment.' });
  }
  let known: boolean;
  try {
    known = ctx.onPaymentHint(providerRef);
  } catch (error) {
    ctx.log.log('error', 'A webhook hint could not be handled', { path: route.path, providerRef, error: error instanceof Error ? error.message : String(error) });
    return sendJson(res, 500, { error: 'The terminal could not take the message; send it again later.' });
  }
  // Hints for real payments are rare and each is worth a line; forged ones are counted.
  if (known) ctx.log.log('info', 'webhook', { path: route.path, providerRef, known, source });
  else ctx.refusals.unknown.note(source, providerRef);
  // Answer 200 either way: the sender only needs to know it was received.
  sendJson(res, 200, { received: true });
}
