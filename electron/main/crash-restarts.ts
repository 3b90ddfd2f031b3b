/**
 * How often a crashed customer window is opened again. A page that crashes as it loads (a bad GPU
 * driver, memory exhausted) would otherwise be re-created in a tight loop for as long as the terminal
 * runs; past the limit the window stays closed and the device bar says so.
 */

export interface RestartLimit {
  /** Re-creations allowed within `withinMs`. */
  readonly max: number;
  readonly withinMs: number;
}

export const CUSTOMER_WINDOW_RESTARTS: RestartLimit = { max: 3, withinMs: 60_000 };

export interface RestartBudget {
  /** A crash happened at `now`: true when the window may be opened again, false once the limit is spent. */
  crashed(now: number): boolean;
  /** The crashes counted in the window that ended it, for the report. */
  readonly recent: () => number;
}

/** Counts crashes in a sliding window: at most `max` re-creations in any `withinMs`. */
export function restartBudget(limit: RestartLimit): RestartBudget {
  if (!Number.isInteger(limit.max) || limit.max < 0 || !(limit.withinMs > 0)) throw new Error('a restart limit needs max >= 0 and withinMs > 0');
  const times: number[] = [];
  return {
    crashed: (now) => {
      while (times.length > 0 && now - (times[0] ?? now) >= limit.withinMs) times.shift();
      times.push(now);
      return times.length <= limit.max;
    },
    recent: () => times.length,
  };
}
