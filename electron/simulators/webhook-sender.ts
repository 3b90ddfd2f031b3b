/** One webhook or callback a simulator POSTed (or refused to), as a test or the bench inspects it. */
export interface WebhookRecord {
  readonly url: string;
  /** The JSON text sent. */
  readonly body: string;
  /** The receiver's HTTP status; null when none came (blocked, refused, timed out). */
  readonly status: number | null;
  readonly error: string | null;
}

export interface WebhookSender {
  /** POSTs `body` (JSON text) to `url`, fire-and-forget; recorded once answered or failed. */
  send(url: string, body: string): void;
  records(): readonly WebhookRecord[];
  /** Aborts deliveries still in flight and waits for them to settle. */
  close(): Promise<void>;
}

const DELIVERY_TIMEOUT_MS = 2000;

/** The host a webhook to `url` would reach, as the sender reads it; '' when it could reach none (not http(s), not a URL). */
export function webhookHost(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}
/** How many deliveries the record keeps, the latest; a demo terminal left running sends them for days. */
const RECORDS_KEPT = 1000;

/**
 * Delivers a simulated provider's webhooks and callbacks, fire-and-forget as the platforms do, with no
 * retries. Only to the allowed hosts (loopback by default): a simulator must never become a way to
 * make this machine POST anywhere.
 */
export function createWebhookSender(allowedHosts: readonly string[]): WebhookSender {
  const kept: WebhookRecord[] = [];
  const records = {
    push(record: WebhookRecord): void {
      kept.push(record);
      if (kept.length > 2 * RECORDS_KEPT) kept.splice(0, kept.length - RECORDS_KEPT);
    },
  };
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();

  const post = async (url: string, body: string): Promise<void> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      records.push({ url, body, status: response.status, error: null });
    } catch (error) {
      records.push({ url, body, status: null, error: error instanceof Error ? error.message : 'callback failed' });
    }
  };

  return {
    send(url, body) {
      const host = webhookHost(url);
      if (!allowedHosts.includes(host)) {
        records.push({ url, body, status: null, error: `callback host "${host}" is not allowed` });
        return;
      }
      const sending = post(url, body).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    records: () => [...kept],
    async close() {
      closing.abort();
      await Promise.all([...inFlight]);
    },
  };
}
