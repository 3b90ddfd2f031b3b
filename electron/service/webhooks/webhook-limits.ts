/** What the listener allows one sender and all of them; tests pass small timeouts. */
export interface WebhookLimits {
  /** Opn's event embeds the whole charge (about 3 KB, more with refunds and metadata); Orangepill sends `{id}`. */
  readonly maxBodyBytes: number;
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Sources the rate limiter and the log sampler remember at most. */
  readonly maxSources: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerSource: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  readonly idleTimeoutMs: number;
  /** How often Node checks the header and request timeouts. */
  readonly timeoutCheckMs: number;
  /** Refusals are logged once per source per interval, with a count. */
  readonly logIntervalMs: number;
}

export const DEFAULT_WEBHOOK_LIMITS: WebhookLimits = {
  maxBodyBytes: 64 * 1024,
  ratePerSecond: 10,
  burst: 20,
  maxSources: 4096,
  maxConnections: 256,
  maxConnectionsPerSource: 16,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  timeoutCheckMs: 1_000,
  logIntervalMs: 60_000,
};
