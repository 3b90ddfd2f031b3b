import type { Clock } from '../../../app/engine/clock';
import type { PoleDriver } from '../../../app/pole-display/driver';
import { poleTestScreen } from '../../../app/pole-display/layout';
import { BLANK_SCREEN, sameScreen, type PoleScreen } from '../../../app/pole-display/screen';
import { err, ok, type Result } from '../../../app/util/result';
import { settlesWithin } from '../within';
import { openSerialLink, type PoleLink, type PoleLinkOpener, type PoleSerialOptions } from './serial-link';

/** What the device bar shows. `message` is the sentence for people; the rest is for logic and logs. */
export type PoleDisplayStatus =
  | { readonly state: 'connecting'; readonly path: string; readonly message: string }
  | { readonly state: 'connected'; readonly path: string; readonly message: string }
  | {
      readonly state: 'disconnected';
      readonly path: string;
      readonly message: string;
      /** What the port said, e.g. "bad file descriptor" or "No such file or directory". */
      readonly reason: string;
      readonly retryInMs: number;
    }
  | { readonly state: 'stopped'; readonly path: string; readonly message: string };

export interface PoleBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_POLE_BACKOFF: PoleBackoff = { initialMs: 500, maxMs: 30_000 };

export interface PoleDisplayDeviceOptions {
  readonly driver: PoleDriver;
  readonly port: PoleSerialOptions;
  readonly clock: Clock;
  readonly open?: PoleLinkOpener;
  readonly onStatus?: (status: PoleDisplayStatus) => void;
  readonly backoff?: PoleBackoff;
}

export interface PoleDisplayDevice {
  /** The screen to show now. Cheap to call often: only what differs from the glass is sent. */
  readonly show: (screen: PoleScreen) => void;
  readonly status: () => PoleDisplayStatus;
  /** Shows the test pattern for `holdMs`, then the current screen again. */
  readonly showTest: (holdMs?: number) => Promise<Result<void, string>>;
  /** Resolves once everything asked for so far is on the glass, or the link is down. */
  readonly settled: () => Promise<void>;
  /**
   * Lets the writes under way finish, so the glass keeps the last screen whole (for at most
   * `withinMs`, default STOP_DRAIN_MS), then closes the port. No reconnect or retry is made meanwhile.
   */
  readonly stop: (withinMs?: number) => Promise<void>;
}

/** How long stopping waits for the display's writes: a whole 2×20 redraw takes about 50 ms at 9600 baud. */
export const STOP_DRAIN_MS = 2_000;

/**
 * Keeps one pole display showing the latest screen. Faults are reported through `onStatus`, never
 * thrown: a payment must not notice the display. After a loss it reconnects with doubling delays and
 * redraws the current screen in full, since the display may have been power-cycled meanwhile.
 */
export function startPoleDisplay(options: PoleDisplayDeviceOptions): PoleDisplayDevice {
  const { driver, clock, port } = options;
  const open = options.open ?? openSerialLink;
  const backoff = options.backoff ?? DEFAULT_POLE_BACKOFF;
  const path = port.path;
  let status: PoleDisplayStatus = { state: 'connecting', path, message: `Pole display connecting: ${path}` };
  let desired: PoleScreen | null = null;
  let test: PoleScreen | null = null;
  let shown: PoleScreen | null = null;
  let link: PoleLink | null = null;
  let needsInit = true;
  let failures = 0;
  let cancelRetry: (() => void) | null = null;
  let stopped = false;
  let pumping: Promise<void> | null = null;

  const report = (next: PoleDisplayStatus): void => {
    status = next;
    try {
      options.onStatus?.(next);
    } catch {
      // A listener's fault is not the display's; it must not stop the loop.
    }
  };

  const lose = (which: PoleLink, reason: string): void => {
    if (which !== link || stopped) return;
    link = null;
    shown = null;
    void which.close().catch(() => undefined);
    scheduleRetry(reason);
  };

  const scheduleRetry = (reason: string): void => {
    const retryInMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures, 30));
    failures += 1;
    report({ state: 'disconnected', path, message: `Pole display disconnected: ${path}`, reason, retryInMs });
    cancelRetry = clock.setTimer(() => {
      cancelRetry = null;
      void connect();
    }, retryInMs);
  };

  const target = (): PoleScreen | null => test ?? desired;

  /** Sends until the glass shows the target; false when a write failed. */
  const drain = async (current: PoleLink): Promise<boolean> => {
    try {
      if (needsInit) {
        await current.write(driver.init());
        needsInit = false;
        failures = 0;
      }
      for (let next = target(); next !== null && !sameScreen(next, shown) && current === link; next = target()) {
        const bytes = driver.render(next, shown);
        if (bytes.length > 0) await current.write(bytes);
        if (current === link) shown = next;
      }
      return true;
    } catch (error) {
      lose(current, error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  const pump = (): Promise<void> => {
    if (pumping !== null || link === null) return pumping ?? Promise.resolve();
    const current = link;
    pumping = drain(current).then((fine) => {
      pumping = null;
      // A show() that came in during the last write is picked up here. After a failed write the link
      // is lost and reconnects by itself; while stopping it is not, so nothing is retried.
      const next = target();
      if (fine && link !== null && next !== null && !sameScreen(next, shown)) void pump();
    });
    return pumping;
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    report({ state: 'connecting', path, message: `Pole display connecting: ${path}` });
    let opened: PoleLink;
    try {
      opened = await open(port);
    } catch (error) {
      if (!stopped) scheduleRetry(error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopped) return void opened.close().catch(() => undefined);
    link = opened;
    shown = null;
    needsInit = true;
    report({ state: 'connected', path, message: `Pole display connected: ${path}` });
    opened.onLost((reason) => lose(opened, reason));
    await pump();
  };

  void connect();

  const settled = async (): Promise<void> => {
    while (pumping !== null) await pumping;
  };

  return {
    show: (screen) => {
      desired = screen;
      void pump();
    },
    status: () => status,
    settled,
    showTest: async (holdMs = 3000) => {
      if (link === null) return err(status.message);
      const screen = poleTestScreen();
      test = screen;
      await pump();
      await settled();
      const shownTest = sameScreen(shown, screen);
      clock.setTimer(() => {
        if (test !== screen) return;
        test = null;
        // Nothing was shown before the test: leave the glass blank rather than the pattern.
        desired ??= BLANK_SCREEN;
        void pump();
      }, holdMs);
      return shownTest ? ok(undefined) : err(status.message);
    },
    stop: async (withinMs = STOP_DRAIN_MS) => {
      stopped = true;
      cancelRetry?.();
      cancelRetry = null;
      // Bytes half sent leave a garbled line; the screen being drawn (the sale's result) is let through.
      if (link !== null) await settlesWithin(settled(), withinMs);
      const current = link;
      link = null;
      await current?.close().catch(() => undefined);
      report({ state: 'stopped', path, message: `Pole display stopped: ${path}` });
    },
  };
}
