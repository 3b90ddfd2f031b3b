import { z } from 'zod';
import { eventsOpenApi, posEventSchema, webhookCreatedSchema, webhookRegistrationSchema, webhookSchema } from './event-schemas';
import { CHECKOUT_STATUSES, checkoutListSchema, checkoutSchema, createCheckoutSchema, createRefundSchema, errorBodySchema, listQuerySchema, posAmountSchema, reportedAmountSchema } from './checkout-schemas';

/*
 * The POS API's OpenAPI 3.1 document, generated from the very schemas that check the requests
 * (checkout-schemas.ts), so the contract cannot drift from the code. Served at GET /v1/openapi.json
 * and committed as docs/pos-api.openapi.json (`npm run openapi` rewrites it; a test compares them).
 */

const COMPONENTS = { Amount: posAmountSchema, ReportedAmount: reportedAmountSchema, CreateCheckout: createCheckoutSchema, CreateRefund: createRefundSchema, Checkout: checkoutSchema, CheckoutList: checkoutListSchema, Error: errorBodySchema, ListQuery: listQuerySchema, Event: posEventSchema, WebhookRegistration: webhookRegistrationSchema, Webhook: webhookSchema, WebhookCreated: webhookCreatedSchema };
/** The API's own version (its paths are /v1/), not the terminal's. */
export const POS_API_VERSION = '1.0.0';
const REF = '#/components/schemas/';

type Json = Readonly<Record<string, unknown>>;
const ref = (name: keyof typeof COMPONENTS): Json => ({ $ref: `${REF}${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json(ref('Error'), description);

function components(): Record<string, unknown> {
  const all = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', io: 'input', uri: (id) => `${REF}${id}` }).schemas;
  const picked: Record<string, unknown> = {};
  for (const name of Object.keys(COMPONENTS)) {
    const { $schema: _schema, $id: _id, ...schema } = (all[name] ?? {}) as Record<string, unknown>;
    picked[name] = schema;
  }
  return picked;
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^co_[0-9a-f]{24}$' } };
const idempotencyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'A fresh random value per new request; the same value when retrying it. The same key with the same body answers the first result; with another body, 409 idempotency_key_reused.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const common = {
  '401': error('No key, or a key that is unknown or revoked (code unauthorized).'),
  '429': error('Too many requests for this key or address (code rate_limited); see Retry-After.'),
};

function listParameters(): Json[] {
  const described: Record<string, string> = {
    status: `One of ${CHECKOUT_STATUSES.join(', ')}.`,
    from: 'Created at or after this ISO 8601 time.',
    to: 'Created before this ISO 8601 time.',
    limit: 'At most this many (1 to 100, default 20).',
    cursor: 'The nextCursor of the page before.',
  };
  return Object.entries(described).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: name === 'limit' ? 'integer' : 'string' } }));
}

/** The whole document; `version` is the terminal's. */
export function posOpenApi(version: string = POS_API_VERSION): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'QR Counter Terminal POS API', version, description: "A shop's till creates QR checkouts on the counter terminal; the counter stays in charge. See docs/pos-api.md." },
    servers: [{ url: 'http://127.0.0.1:5180', description: 'The terminal on this machine (settings posApi.port)' }],
    security: [{ bearer: [] }],
    paths: {
      '/v1/checkouts': {
        post: {
          operationId: 'createCheckout',
          summary: 'Create a checkout: the sale starts on the counter, or waits its turn (whenBusy queue).',
          parameters: [idempotencyParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreateCheckout') } } },
          responses: {
            '201': json(ref('Checkout'), 'Created; the QR is on the customer display (status awaiting_customer), or the provider refused it (failed).'),
            '200': json(ref('Checkout'), 'A retry with the same Idempotency-Key and body: the same checkout (header Idempotent-Replayed: true).'),
            '202': json(ref('Checkout'), 'Queued (status pending, queuePosition): it starts when the counter frees.'),
            '400': error('invalid_json, idempotency_key_missing or idempotency_key_invalid.'),
            '403': error('scope_missing: the key has no charge scope.'),
            '409': error('idempotency_key_reused, terminal_busy (naming the open sale) or queue_full.'),
            '413': error('body_too_large.'),
            '415': error('unsupported_media_type: send application/json.'),
            '422': error('invalid_request (each field named), method_not_available, currency_not_accepted, amount_rejected, or no_method_accepts (cashier_chooses, and no method here takes the amount).'),
            ...common,
          },
        },
        get: {
          operationId: 'listCheckouts',
          summary: "List checkouts, newest first: this client's own, or every client's for a key with the read scope.",
          parameters: listParameters(),
          responses: { '200': json(ref('CheckoutList'), 'One page.'), '400': error('invalid_query or invalid_cursor.'), ...common },
        },
      },
      '/v1/checkouts/{id}': {
        get: {
          operationId: 'getCheckout',
          parameters: [idParam],
          responses: { '200': json(ref('Checkout'), 'The checkout as it is now.'), '404': error('checkout_not_found.'), ...common },
        },
      },
      '/v1/checkouts/{id}/cancel': {
        post: {
          operationId: 'cancelCheckout',
          summary: 'Cancel: a queued one is withdrawn; a started one is cancelled at the provider unless money has arrived.',
          parameters: [idParam],
          responses: {
            '200': json(ref('Checkout'), 'Cancelled (or it already was).'),
            '409': error('money_received (never reported cancelled: the cashier decides), already_final or not_cancellable_yet.'),
            '502': error('cancel_failed: the provider could not be asked; it is still followed.'),
            '404': error('checkout_not_found.'),
            ...common,
          },
        },
      },
      '/v1/checkouts/{id}/refunds': {
        post: {
          operationId: 'refundCheckout',
          summary: 'Refund part or all of a paid checkout (refund scope, and the shop must allow POS refunds).',
          parameters: [idParam, idempotencyParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('CreateRefund') } } },
          responses: {
            '200': json(ref('Checkout'), 'Refunded: see `refunded`.'),
            '403': error('scope_missing, or approval_required: the shop has not allowed refunds from a POS.'),
            '409': error('not_refundable or idempotency_key_reused.'),
            '422': error('invalid_request or amount_rejected.'),
            '502': error('provider_error.'),
            ...common,
          },
        },
      },
      '/v1/openapi.json': { get: { operationId: 'openapi', security: [], responses: { '200': { description: 'This document.' } } } },
      ...eventsOpenApi(error, common).paths,
    },
    webhooks: eventsOpenApi(error, common).webhooks,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A POS key (pos_…) created in Settings → POS API.' } }, schemas: components() },
  };
}

/** The document as committed in docs/: two-space JSON and a final newline. */
export const openApiText = (document: Json): string => `${JSON.stringify(document, null, 2)}\n`;
