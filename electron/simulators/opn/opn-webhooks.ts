import { createWebhookSender, webhookHost, type WebhookRecord } from '../webhook-sender';
import { opnId, opnTime, type OpnCharge } from './opn-charge';

export interface OpnWebhooks {
  /** The dashboard's webhook endpoint (Opn: Dashboard → Webhooks); null for none, the default. */
  readonly setEndpoint: (url: string | null) => void;
  endpoint(): string | null;
  /** Whether a webhook to this URL would be sent at all (its host is an allowed one). */
  readonly allows: (url: string) => boolean;
  /** Tells the endpoint a charge has completed (successful or failed), as Opn's `charge.complete` event. */
  chargeComplete(charge: OpnCharge): void;
  records(): readonly WebhookRecord[];
  close(): Promise<void>;
}

/**
 * Opn's webhooks: an event object POSTed to the one endpoint the merchant set, fire-and-forget, when
 * a charge completes. The event embeds the charge as it stands; receivers must not trust it (the
 * terminal re-fetches the charge). Only to the allowed hosts, loopback by default.
 */
export function createOpnWebhooks(options: { readonly now: () => number; readonly endpoint?: string | null; readonly allowedHosts?: readonly string[] }): OpnWebhooks {
  const allowedHosts = options.allowedHosts ?? ['127.0.0.1', 'localhost'];
  const sender = createWebhookSender(allowedHosts);
  let endpoint = options.endpoint ?? null;
  return {
    setEndpoint: (url) => {
      endpoint = url;
    },
    endpoint: () => endpoint,
    allows: (url) => allowedHosts.includes(webhookHost(url)),
    chargeComplete(charge) {
      if (endpoint === null) return;
      const id = opnId('evnt');
      const event = { object: 'event', id, livemode: false, location: `/events/${id}`, key: 'charge.complete', created_at: opnTime(options.now()), data: charge };
      sender.send(endpoint, JSON.stringify(event));
    },
    records: () => sender.records(),
    close: () => sender.close(),
  };
}
