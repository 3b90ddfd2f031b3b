import { z } from 'zod';

/*
 * The POS API's events and webhook: the schemas the webhook route checks with, and their part of the
 * OpenAPI document (openapi.ts), so both come from the same place. The behaviour is in
 * docs/pos-api-events.md.
 */

export const webhookRegistrationSchema = z
  .strictObject({
    url: z.string().min(1).max(2048).meta({ description: 'https:// anywhere the terminal can reach; http:// only on this machine (127.0.0.1, [::1], localhost).' }),
  })
  .meta({ id: 'WebhookRegistration' });

export const webhookSchema = z
  .object({
    url: z.string(),
    created: z.string().meta({ description: 'ISO 8601, UTC.' }),
    lastDeliveredEventId: z.string().meta({ description: 'Delivery carries on after this event id.' }),
    failedAttempts: z.number().int().min(0).meta({ description: 'Failed tries of the next event (0 when up to date).' }),
    nextAttemptAt: z.string().nullable().meta({ description: 'When the next try is due, or null.' }),
    lastError: z.string().nullable().meta({ description: 'The last failed try or given-up event, in a sentence.' }),
  })
  .meta({ id: 'Webhook', description: 'A POS client’s webhook as it reads it back: never the secret.' });

export const webhookCreatedSchema = webhookSchema
  .extend({
    secret: z.string().meta({ description: 'whsec_…: shown only in this answer. Registering again makes a new one.' }),
    signature: z.string().meta({ description: 'How each delivery is signed.' }),
    note: z.string(),
  })
  .meta({ id: 'WebhookCreated' });

export const posEventSchema = z
  .object({
    id: z.string().regex(/^\d{1,15}$/).meta({ description: 'Rising, never reused, even across restarts: the resume point (compare as numbers).' }),
    type: z.enum(['checkout.updated', 'sync.required']),
    created: z.string().meta({ description: 'ISO 8601, UTC.' }),
    data: z.unknown().meta({ description: 'checkout.updated: the Checkout as GET answers it. sync.required: { reason, oldestId, latestId, message }.' }),
  })
  .meta({ id: 'Event', description: 'One change, as an SSE data line and as a webhook body alike.' });

export type WebhookView = z.infer<typeof webhookSchema>;

type Json = Readonly<Record<string, unknown>>;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });

/** The events' and webhook's paths, and the webhook deliveries, for the OpenAPI document. */
export function eventsOpenApi(error: (description: string) => Json, common: Json): { readonly paths: Json; readonly webhooks: Json } {
  const scope = error('scope_missing: the key has neither charge nor read scope.');
  const lastEventId = { description: 'Resume after this event id (1 to 15 digits); the header wins.', schema: { type: 'string', pattern: '^\\d{1,15}$' } };
  const events = {
    get: {
      operationId: 'streamEvents',
      summary: "Server-Sent Events of checkout changes: this client's own checkouts, every client's for a key with the read scope.",
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, ...lastEventId },
        { name: 'lastEventId', in: 'query', required: false, ...lastEventId },
      ],
      responses: {
        '200': { description: 'text/event-stream: `id`, `event` (the type) and `data` (an Event as JSON) per event; `: heartbeat` every 15 s.', content: { 'text/event-stream': { schema: ref('Event') } } },
        '400': error('invalid_last_event_id.'),
        '403': scope,
        ...common,
        '429': error('rate_limited, or too_many_event_streams (4 per key); see Retry-After.'),
        '503': error('event_streams_full (64 in all) or events_unavailable; see Retry-After.'),
      },
    },
  };
  const unavailable = error('webhook_unavailable: the events file cannot be written or read now; see Retry-After.');
  const webhook = {
    put: {
      operationId: 'registerWebhook',
      summary: 'Register (or replace) this client’s one webhook URL; events from now on are POSTed to it, signed.',
      requestBody: { required: true, content: { 'application/json': { schema: ref('WebhookRegistration') } } },
      responses: {
        '200': json(ref('WebhookCreated'), 'Registered; the secret is in this answer only.'),
        '400': error('invalid_json or invalid_request.'),
        '403': scope,
        '413': error('body_too_large.'),
        '415': error('unsupported_media_type: send application/json.'),
        '422': error('invalid_webhook_url, with the reason.'),
        '503': unavailable,
        ...common,
      },
    },
    get: { operationId: 'getWebhook', responses: { '200': json(ref('Webhook'), 'The webhook and how delivery goes.'), '403': scope, '404': error('no_webhook.'), '503': unavailable, ...common } },
    delete: { operationId: 'deleteWebhook', responses: { '204': { description: 'Removed.' }, '403': scope, '404': error('no_webhook.'), '503': unavailable, ...common } },
  };
  const header = (name: string, description: string): Json => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  const delivery = {
    post: {
      summary: 'Each event, POSTed to the registered URL in order; a 2xx within 10 s delivers it, anything else is retried with backoff (8 tries).',
      security: [],
      parameters: [
        header('Pos-Webhook-Id', 'The event id; the same on every retry of it.'),
        header('Pos-Webhook-Timestamp', 'When this try was sent, Unix seconds.'),
        header('Pos-Webhook-Signature', 'v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>.'),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: ref('Event') } } },
      responses: { '2XX': { description: 'Delivered.' } },
    },
  };
  return { paths: { '/v1/events': events, '/v1/webhook': webhook }, webhooks: { event: delivery } };
}
