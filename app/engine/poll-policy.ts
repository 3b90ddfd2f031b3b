import type { ProviderError } from '../providers/provider';

export interface PollPolicy {
  /** Between status requests while a QR is showing. */
  readonly intervalMs: number;
  /** After expiry, how long to keep asking before one final check. */
  readonly expiryGraceMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  intervalMs: 1000,
  expiryGraceMs: 10_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
};

/**
 * The wait before the next status request after `failures` failures in a row: the normal interval
 * when all is well, else exponential backoff with full jitter, and never sooner than Retry-After.
 */
export function nextPollDelay(policy: PollPolicy, failures: number, lastError: ProviderError | null, random: () => number): number {
  if (failures === 0 || lastError === null) return policy.intervalMs;
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.min(failures - 1, 16));
  const jittered = Math.max(policy.intervalMs, Math.round(ceiling * (0.5 + random() / 2)));
  return Math.max(jittered, lastError.retryAfterMs ?? 0);
}
