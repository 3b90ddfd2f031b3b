import { retryAfterMs } from './http';
import type { ProviderError } from './provider';

/** No answer at all: the cashier reads the same words for every provider, only its name differs. */
export function transportFailure(label: string, timeout: boolean, ambiguous: boolean): ProviderError {
  return {
    kind: timeout ? 'timeout' : 'network',
    message: timeout ? `No answer from ${label} in time \u2014 retrying` : `No connection to ${label} \u2014 retrying`,
    said: { area: 'payment', kind: timeout ? 'no_answer' : 'no_connection', provider: label },
    ambiguous,
  };
}

/** HTTP 429: the provider's Retry-After (capped) sets the next try, when it sent a readable one. */
export function rateLimited(label: string, retryAfter: string | null, now: number): ProviderError {
  const after = retryAfterMs(retryAfter, now);
  return {
    kind: 'rate_limited',
    message: `${label} asked the terminal to slow down \u2014 retrying`,
    said: { area: 'payment', kind: 'slow_down', provider: label },
    ambiguous: false,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
}
