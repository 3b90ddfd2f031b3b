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

/** One display's loop: what the glass should show, what it shows, and the link it is shown over. */
interface PoleLoop {
  readonly options: PoleDisplayDeviceOptions;
  readonly open: PoleLinkOpener;
  readonly backoff: PoleBackoff;
  readonly path: string;
  status: PoleDisplayStatus;
  desired: PoleScreen | null;
  test: PoleScreen | null;
  shown: PoleScreen | null;
  link: PoleLink | null;
  needsInit: boolean;
  failures: number;
  cancelRetry: (() => void) | null;
  stopped: boolean;
  pumping: Promise<void> | null;
}

function report(loop: PoleLoop, next: PoleDisplayStatus): void {
  loop.status = next;
  try {
    loop.options.onStatus?.(next);
  } catch {
    // A listener's fault is not the display's; it must not stop the loop.
  }
}

function lose(loop: PoleLoop, which: PoleLink, reason: string): void {
  if (which !== loop.link || loop.stopped) return;
  loop.link = null;
  loop.shown = null;
  void which.close().catch(() => undefined);
  scheduleRetry(loop, reason);
}

function scheduleRetry(loop: PoleLoop, reason: string): void {
  const { backoff, path } = loop;
  const retryInMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(loop.failures, 30));
  loop.failures += 1;
  report(loop, { state: 'disconnected', path, message: `Pole display disconnected: ${path}`, reason, retryInMs });
  loop.cancelRetry = loop.options.clock.setTimer(() => {
    loop.cancelRetry = null;
    void connect(loop);
  }, retryInMs);
}

const target = (loop: PoleLoop): PoleScreen | null => loop.test ?? loop.desired;

/** Sends until the glass shows the target; false when a write failed. */
async function drain(loop: PoleLoop, current: PoleLink): Promise<boolean> {
  const { driver } = loop.options;
  try {
    if (loop.needsInit) {
      await current.write(driver.init());
      loop.needsInit = false;
      loop.failures = 0;
    }
    for (let next = target(loop); next !== null && !sameScreen(next, loop.shown) && current === loop.link; next = target(loop)) {
      const bytes = driver.render(next, loop.shown);
      if (bytes.length > 0) await current.write(bytes);
      if (current === loop.link) loop.shown = next;
    }
    return true;
  } catch (error) {
    lose(loop, current, error instanceof Error ? error.message : String(error));
    return false;
  }
}

function pump(loop: PoleLoop): Promise<void> {
  if (loop.pumping !== null || loop.link === null) return loop.pumping ?? Promise.resolve();
  const current = loop.link;
  loop.pumping = drain(loop, current).then((fine) => {
    loop.pumping = null;
    // A show() that came in during the last write is picked up here. After a failed write the link
    // is lost and reconnects by itself; while stopping it is not, so nothing is retried.
    const next = target(loop);
    if (fine && loop.link !== null && next !== null && !sameScreen(next, loop.shown)) void pump(loop);
  });
  return loop.pumping;
}

async function connect(loop: PoleLoop): Promise<void> {
  const { path, open } = loop;
  if (loop.stopped) return;
  report(loop, { state: 'connecting', path, message: `Pole display connecting: ${path}` });
  let opened: PoleLink;
  try {
    opened = await open(loop.options.port);
  } catch (error) {
    if (!loop.stopped) scheduleRetry(loop, error instanceof Error ? error.message : String(error));
    return;
  }
  if (loop.stopped) return void opened.close().catch(() => undefined);
  loop.link = opened;
  loop.shown = null;
  loop.needsInit = true;
  report(loop, { state: 'connected', path, message: `Pole display connected: ${path}` });
  opened.onLost((reason) => lose(loop, opened, reason));
  await pump(loop);
}

async function settled(loop: PoleLoop): Promise<void> {
  while (loop.pumping !== null) await loop.pumping;
}

async function showTest(loop: PoleLoop, holdMs: number): Promise<Result<void, string>> {
  if (loop.link === null) return err(loop.status.message);
  const screen = poleTestScreen();
  loop.test = screen;
  await pump(loop);
  await settled(loop);
  const shownTest = sameScreen(loop.shown, screen);
  loop.options.clock.setTimer(() => {
    if (loop.test !== screen) return;
    loop.test = null;
    // Nothing was shown before the test: leave the glass blank rather than the pattern.
    loop.desired ??= BLANK_SCREEN;
    void pump(loop);
  }, holdMs);
  return shownTest ? ok(undefined) : err(loop.status.message);
}

async function stop(loop: PoleLoop, withinMs: number): Promise<void> {
  loop.stopped = true;
  loop.cancelRetry?.();
  loop.cancelRetry = null;
  // Bytes half sent leave a garbled line; the screen being drawn (the sale's result) is let through.
  if (loop.link !== null) await settlesWithin(settled(loop), withinMs);
  const current = loop.link;
  loop.link = null;
  await current?.close().catch(() => undefined);
  report(loop, { state: 'stopped', path: loop.path, message: `Pole display stopped: ${loop.path}` });
}

/**
 * Keeps one pole display showing the latest screen. Faults are reported through `onStatus`, never
 * thrown: a payment must not notice the display. After a loss it reconnects with doubling delays and
 * redraws the current screen in full, since the display may have been power-cycled meanwhile.
 */
export function startPoleDisplay(options: PoleDisplayDeviceOptions): PoleDisplayDevice {
  const path = options.port.path;
  const loop: PoleLoop = {
    options,
    open: options.open ?? openSerialLink,
    backoff: options.backoff ?? DEFAULT_POLE_BACKOFF,
    path,
    status: { state: 'connecting', path, message: `Pole display connecting: ${path}` },
    desired: null,
    test: null,
    shown: null,
    link: null,
    needsInit: true,
    failures: 0,
    cancelRetry: null,
    stopped: false,
    pumping: null,
  };
  void connect(loop);
  return {
    show: (screen) => {
      loop.desired = screen;
      void pump(loop);
    },
    status: () => loop.status,
    settled: () => settled(loop),
    showTest: (holdMs = 3000) => showTest(loop, holdMs),
    stop: (withinMs = STOP_DRAIN_MS) => stop(loop, withinMs),
  };
}
