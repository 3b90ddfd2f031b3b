/** A refusal says how long until the next request from that source would be let through. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  take(source: string): RateDecision;
  /** How many sources are remembered now; never more than `maxSources`. */
  readonly size: number;
}

export interface RateLimitOptions {
  readonly ratePerSecond: number;
  readonly burst: number;
  /** Sources remembered at most; the least recently seen is forgotten first. */
  readonly maxSources: number;
  readonly now: () => number;
}

interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

/**
 * A token bucket per source. The map is an LRU bounded by `maxSources`, so a flood of new addresses
 * costs a fixed amount of memory; a forgotten source only gets what a new one gets, a full bucket.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    get size() {
      return buckets.size;
    },
    take: (source) => {
      const now = options.now();
      const previous = buckets.get(source);
      let tokens = options.burst;
      if (previous === undefined) {
        for (const oldest of buckets.keys()) {
          if (buckets.size < options.maxSources) break;
          buckets.delete(oldest);
        }
      } else {
        // Deleted and set again, so the Map's insertion order stays least-recently-seen first.
        buckets.delete(source);
        tokens = Math.min(options.burst, previous.tokens + (Math.max(0, now - previous.at) / 1000) * options.ratePerSecond);
      }
      const allowed = tokens >= 1;
      buckets.set(source, { tokens: allowed ? tokens - 1 : tokens, at: now });
      return allowed ? { allowed } : { allowed, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / options.ratePerSecond)) };
    },
  };
}
