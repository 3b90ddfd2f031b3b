import type { IncomingMessage, ServerResponse } from 'node:http';
import { webhookRegistrationSchema as RegisterBody, type WebhookView } from '../../../../app/pos-api/event-schemas';
import { declaredTooLarge, isJsonContentType, readBoundedBody, sendJson } from '../../../shared/http/http-body';
import { sendJsonError } from '../events/json-reply';
import type { WebhookDispatcher } from './webhook-dispatcher';
import type { WebhookEndpoint } from './webhook-store';

const MAX_BODY_BYTES = 4096;

/** The events file refused a read or write (disk full, read-only): said, never thrown into the server. */
function unavailable(res: ServerResponse): void {
  sendJsonError(res, 503, 'webhook_unavailable', 'The terminal cannot save or read webhooks right now (its events file cannot be written); try again shortly.', { 'Retry-After': '30' });
}

/** The endpoint as the POS reads it back: never the secret. */
function view(endpoint: WebhookEndpoint): WebhookView {
  return {
    url: endpoint.url,
    created: new Date(endpoint.created).toISOString(),
    lastDeliveredEventId: String(endpoint.cursor),
    failedAttempts: endpoint.attempts,
    nextAttemptAt: endpoint.attempts === 0 ? null : new Date(endpoint.nextAt).toISOString(),
    lastError: endpoint.lastError,
  };
}

async function register(dispatcher: WebhookDispatcher, req: IncomingMessage, res: ServerResponse, clientId: string): Promise<void> {
  if (!isJsonContentType(req.headers['content-type'])) return sendJsonError(res, 415, 'unsupported_media_type', 'Send the webhook as JSON (Content-Type: application/json).');
  if (declaredTooLarge(req, MAX_BODY_BYTES)) return sendJsonError(res, 413, 'body_too_large', `A webhook registration is at most ${MAX_BODY_BYTES} bytes.`);
  const body = await readBoundedBody(req, MAX_BODY_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') return sendJsonError(res, 413, 'body_too_large', `A webhook registration is at most ${MAX_BODY_BYTES} bytes.`);
  if (body.kind === 'not-utf8') return sendJsonError(res, 400, 'invalid_json', 'The body is not UTF-8 text.');
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return sendJsonError(res, 400, 'invalid_json', 'The body is not JSON.');
  }
  const parsed = RegisterBody.safeParse(json);
  if (!parsed.success) return sendJsonError(res, 400, 'invalid_request', 'Send {"url": "https://…"} and nothing else; the URL at most 2048 characters.');
  const result = dispatcher.register(clientId, parsed.data.url);
  if (!result.ok) return sendJsonError(res, 422, result.code, result.message);
  sendJson(res, 200, {
    ...view(result.endpoint),
    secret: result.secret,
    signature: 'Pos-Webhook-Signature: v1=<hex HMAC-SHA256(secret, "<Pos-Webhook-Timestamp>.<raw body>")>',
    note: 'The secret is shown only now: store it in the POS. Registering again makes a new one.',
  });
}

/**
 * PUT, GET and DELETE /v1/webhook for a POS client the core has already authenticated: one URL per
 * client. Same signature as the SSE handler, so the core mounts both the same way.
 */
export function createWebhookRouteHandler(dispatcher: WebhookDispatcher): (req: IncomingMessage, res: ServerResponse, client: { readonly id: string }) => void {
  const route = (req: IncomingMessage, res: ServerResponse, clientId: string): void => {
    switch (req.method) {
      case 'PUT':
        void register(dispatcher, req, res, clientId).catch(() => unavailable(res));
        return;
      case 'GET': {
        const endpoint = dispatcher.endpoint(clientId);
        if (endpoint === null) return sendJsonError(res, 404, 'no_webhook', 'This POS client has no webhook; register one with PUT /v1/webhook.');
        return sendJson(res, 200, view(endpoint));
      }
      case 'DELETE':
        if (!dispatcher.unregister(clientId)) return sendJsonError(res, 404, 'no_webhook', 'This POS client has no webhook.');
        res.writeHead(204).end();
        return;
      default:
        sendJsonError(res, 405, 'method_not_allowed', 'Use PUT to register a webhook, GET to read it, DELETE to remove it.', { Allow: 'PUT, GET, DELETE' });
    }
  };
  return (req, res, client) => {
    try {
      route(req, res, client.id);
    } catch {
      unavailable(res);
    }
  };
}
