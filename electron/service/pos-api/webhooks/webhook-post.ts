import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '../../../../app/engine/clock';
import { guardedLookup } from './guarded-lookup';
import { checkWebhookUrl } from './webhook-url';

/** How one delivery ended: a 2xx, or the reason it must be tried again. */
export type PostOutcome = { readonly ok: true; readonly status: number } | { readonly ok: false; readonly reason: string };

export interface WebhookDelivery {
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  /** The exact bytes signed and sent. */
  readonly body: string;
}

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, Stripe's scheme; the POS checks it with the same secret. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function describeStatus(res: IncomingMessage): string {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) return `the POS answered a redirect (HTTP ${status}); webhooks do not follow redirects: register the final URL`;
  return `the POS answered HTTP ${status}`;
}

/**
 * POSTs one event, signed, and waits at most `timeoutMs` (on the injected clock) for the answer's
 * status: a 2xx delivers it. Redirects are not followed, the answer's body is not read, and a
 * hostname is resolved through the SSRF guard.
 */
export function postWebhook(delivery: WebhookDelivery, options: { readonly clock: Clock; readonly timeoutMs: number }): Promise<PostOutcome> {
  const checked = checkWebhookUrl(delivery.url);
  if (!checked.ok) return Promise.resolve({ ok: false, reason: checked.message });
  const url = checked.url;
  const timestamp = Math.floor(options.clock.now() / 1000);
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(delivery.body)),
    'User-Agent': 'QR-Counter-Terminal-Webhooks/1',
    'Pos-Webhook-Id': delivery.eventId,
    'Pos-Webhook-Timestamp': String(timestamp),
    'Pos-Webhook-Signature': signatureHeader(delivery.secret, timestamp, delivery.body),
  };
  return new Promise((resolve) => {
    let settled = false;
    function finish(outcome: PostOutcome): void {
      if (settled) return;
      settled = true;
      cancelTimer();
      req.destroy();
      resolve(outcome);
    }
    // The status decides; the body is never read, so an answer that never ends or never stops costs nothing.
    const onResponse = (res: IncomingMessage): void => {
      const status = res.statusCode ?? 0;
      finish(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, reason: describeStatus(res) });
    };
    const lookup = guardedLookup(url.protocol === 'http:');
    const common = { method: 'POST', headers, lookup, agent: false } as const;
    const req = url.protocol === 'https:' ? httpsRequest(url, common, onResponse) : httpRequest(url, common, onResponse);
    const cancelTimer = options.clock.setTimer(() => finish({ ok: false, reason: `the POS did not answer within ${options.timeoutMs / 1000} s` }), options.timeoutMs);
    req.on('error', (error) => finish({ ok: false, reason: `the POS could not be reached (${error.message})` }));
    req.end(delivery.body);
  });
}
