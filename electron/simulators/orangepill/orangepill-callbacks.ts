/** One callback the simulator POSTed (or refused to), as a test inspects it. */
export interface OrangepillCallbackRecord {
  readonly url: string;
  /** The JSON text sent: `{"id":"…"}`. */
  readonly body: string;
  /** The receiver's HTTP status; null when none came (blocked, refused, timed out). */
  readonly status: number | null;
  readonly error: string | null;
}

export interface CallbackSender {
  send(url: string, id: string): void;
  records(): readonly OrangepillCallbackRecord[];
  /** Aborts callbacks still in flight and waits for them to settle. */
  close(): Promise<void>;
}

const CALLBACK_TIMEOUT_MS = 2000;

/**
 * Sends Orangepill's status-change callback, fire-and-forget as the platform does. Only to loopback
 * hosts by default: a simulator must never become a way to make this machine POST anywhere.
 */
export function createCallbackSender(allowedHosts: readonly string[]): CallbackSender {
  const records: OrangepillCallbackRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();

  const post = async (url: string, body: string): Promise<void> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      records.push({ url, body, status: response.status, error: null });
    } catch (error) {
      records.push({ url, body, status: null, error: error instanceof Error ? error.message : 'callback failed' });
    }
  };

  return {
    send(url, id) {
      const body = JSON.stringify({ id });
      let host: string;
      try {
        const parsed = new URL(url);
        host = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
      } catch {
        host = '';
      }
      if (!allowedHosts.includes(host)) {
        records.push({ url, body, status: null, error: `callback host "${host}" is not allowed` });
        return;
      }
      const sending = post(url, body).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    records: () => [...records],
    async close() {
      closing.abort();
      await Promise.all([...inFlight]);
    },
  };
}
