import { describe, expect, it } from 'vitest';
import { CUSTOMER_WINDOW_RESTARTS, restartBudget } from '../../electron/main/crash-restarts';

describe('how often a crashed customer window is opened again', () => {
  it('allows three re-creations a minute, and refuses the fourth crash within it', () => {
    expect(CUSTOMER_WINDOW_RESTARTS).toEqual({ max: 3, withinMs: 60_000 });
    const budget = restartBudget(CUSTOMER_WINDOW_RESTARTS);
    expect([0, 1_000, 2_000].map((t) => budget.crashed(t))).toEqual([true, true, true]);
    expect(budget.crashed(59_999)).toBe(false);
    expect(budget.recent()).toBe(4);
  });

  it('forgets crashes older than the window, so one crash a day never runs the budget out', () => {
    const budget = restartBudget({ max: 3, withinMs: 60_000 });
    const day = 24 * 60 * 60 * 1000;
    for (let n = 0; n < 30; n += 1) expect(budget.crashed(n * day)).toBe(true);
    expect(budget.recent()).toBe(1);
    // Crashes exactly a window apart are in different windows.
    const edge = restartBudget({ max: 1, withinMs: 1000 });
    expect([edge.crashed(0), edge.crashed(1000), edge.crashed(1500)]).toEqual([true, true, false]);
  });

  it('refuses a limit that would loop or never allow anything sensible', () => {
    for (const bad of [{ max: -1, withinMs: 1000 }, { max: 1.5, withinMs: 1000 }, { max: 3, withinMs: 0 }, { max: 3, withinMs: Number.NaN }]) {
      expect(() => restartBudget(bad)).toThrow('a restart limit needs max >= 0 and withinMs > 0');
    }
    // max 0: never opened again.
    expect(restartBudget({ max: 0, withinMs: 1000 }).crashed(0)).toBe(false);
  });
});
