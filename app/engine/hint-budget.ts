/**
 * Webhooks and callbacks are hints: anyone who saw the QR can send one, as often as they like. However
 * many name a payment, they add at most one status request per payment per this long.
 */
const HINT_MIN_GAP_MS = 1000;

/** What a hint needs to know of a payment's polling. */
export interface HintView {
  readonly inFlight: boolean;
  /** Failed requests in a row: the provider is backing off. */
  readonly failures: number;
  /** When the last request a hint added was sent, or null before the first: scheduled polls do not count. */
  readonly lastHintRequestAt: number | null;
  /** When the next scheduled request is due, or null when none is scheduled. */
  readonly dueAt: number | null;
}

export type HintAction =
  /** Nothing to do: a backoff stands, or the scheduled request comes soon enough. */
  | { readonly kind: 'fold' }
  /** A request is in flight and its answer may predate the hint: one more request after it. */
  | { readonly kind: 'after_flight' }
  | { readonly kind: 'now' }
  /** Bring the next request forward to this time, the earliest the budget allows. */
  | { readonly kind: 'at'; readonly at: number };

/**
 * What a hint does: never shortens a backoff, and adds at most one request per HINT_MIN_GAP_MS to the
 * normal schedule. A genuine webhook is answered at once (that is what it is for); a flood of forged
 * ones costs one extra request a second at most.
 */
export function hintAction(view: HintView, now: number): HintAction {
  if (view.inFlight) return { kind: 'after_flight' };
  if (view.failures > 0) return { kind: 'fold' };
  const earliest = view.lastHintRequestAt === null ? now : Math.max(now, view.lastHintRequestAt + HINT_MIN_GAP_MS);
  if (view.dueAt !== null && view.dueAt <= earliest) return { kind: 'fold' };
  return earliest <= now ? { kind: 'now' } : { kind: 'at', at: earliest };
}
