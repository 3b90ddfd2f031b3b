import { opnEventSchema } from './opn-api';

/**
 * The charge id of an Opn `charge.complete` webhook event, or null for anything else. The caller
 * re-fetches the charge: the body is unauthenticated, so it is a hint to look now, never a status.
 */
export function parseOpnWebhook(body: unknown): string | null {
  const event = opnEventSchema.safeParse(body);
  return event.success && event.data.key === 'charge.complete' ? event.data.data.id : null;
}
