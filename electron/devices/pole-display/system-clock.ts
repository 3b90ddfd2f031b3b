import type { Clock } from '../../../app/engine/clock';

/** The wall clock and real timers, for hosts that have no clock of their own to pass in. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
