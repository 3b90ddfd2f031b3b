/**
 * Waits for `work` to settle, or for `ms` to pass, whichever is first; true when the work settled.
 * Wall-clock on purpose, not the injected Clock: it bounds a shutdown, which must end even where a
 * test drives the devices with a manual clock.
 */
export function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    // Even at 0 ms, work that has already settled counts: its callbacks run before any timer.
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(done, done);
  });
}
