/** Time, injected, so the engine runs the same under a real clock, a test clock and the simulator. */
export interface Clock {
  readonly now: () => number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  readonly setTimer: (fn: () => void, ms: number) => () => void;
}
