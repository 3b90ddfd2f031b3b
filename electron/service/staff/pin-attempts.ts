import type { Clock } from '../../../app/engine/clock';

/** Wrong PINs allowed before a wait; then the wait doubles with each wrong PIN, up to the ceiling. */
export const FREE_WRONG_PINS = 2;
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 5 * 60 * 1000;

export type AttemptCheck = { readonly allowed: true } | { readonly allowed: false; readonly waitMs: number };

export interface PinAttempts {
  /** Whether a PIN may be tried for `key` now (a staff member, or a screen's connection). */
  check(key: string): AttemptCheck;
  /** A wrong PIN: returns the wait before the next try (0 while still within the free ones). */
  failed(key: string): number;
  /** A right PIN clears the count. */
  succeeded(key: string): void;
}

/**
 * A growing delay after wrong PINs, counted per staff member and per screen, so guessing a 4-digit
 * PIN takes days instead of minutes, while a cashier who mistypes twice never waits. Callers count
 * only staff who exist and screens that are connected, so nobody can push a real count out with
 * made-up ids; `maxKeys` is only a last bound on memory.
 */
export function createPinAttempts(clock: Pick<Clock, 'now'>, maxKeys = 1024): PinAttempts {
  const state = new Map<string, { wrong: number; until: number }>();
  return {
    check(key) {
      const entry = state.get(key);
      if (entry === undefined || clock.now() >= entry.until) return { allowed: true };
      return { allowed: false, waitMs: entry.until - clock.now() };
    },
    failed(key) {
      const entry = state.get(key) ?? { wrong: 0, until: 0 };
      entry.wrong += 1;
      const extra = entry.wrong - FREE_WRONG_PINS;
      const wait = extra <= 0 ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(extra - 1, 20));
      entry.until = clock.now() + wait;
      state.delete(key);
      state.set(key, entry);
      if (state.size > maxKeys) state.delete(state.keys().next().value ?? '');
      return wait;
    },
    succeeded(key) {
      state.delete(key);
    },
  };
}

/** "Try again in 8 s" / "in 2 min", for the sentence after a wrong PIN. */
export function waitWords(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return seconds < 90 ? `${String(seconds)} s` : `${String(Math.ceil(seconds / 60))} min`;
}
