import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { CustomerWindowNote } from '../service/devices/device-status';
import { CUSTOMER_WINDOW_RESTARTS, restartBudget, type RestartLimit } from './crash-restarts';
import type { CustomerPlacement } from './display-choice';
import { openPage, TITLE, type PageWindow, type PageWindowOptions } from './page-window';

type FullScreen = Extract<CustomerPlacement, { kind: 'fullscreen' }>;

/** The service's side of the customer window: it counts as a customer display while it is up, and the device bar says why not. */
export interface CustomerScreen {
  /** The window is up: the device bar counts it, and QR slips stop printing by themselves. Returns its detach. */
  attach(): () => void;
  note(note: CustomerWindowNote): void;
}

export interface CustomerWindowOptions extends PageWindowOptions {
  readonly screen: CustomerScreen;
  readonly isDisposing: () => boolean;
  /** How often a crashed window is opened again (crash-restarts.ts); the default unless a test says. */
  readonly restarts?: RestartLimit;
  readonly now?: () => number;
}

/** The customer window as the terminal keeps it: on its monitor, none without one, and opened again after a crash. */
export interface CustomerWindow {
  readonly current: () => PageWindow | null;
  /** Opens, moves or closes the window as the placement says (not after it was given up on). */
  place(next: CustomerPlacement): void;
  /** Closes it for good; called on quit. */
  dispose(): void;
}

/** Full screen on its display; on a move, it leaves full screen first. */
function fitDisplayWindow(window: BrowserWindow, placement: FullScreen): void {
  const enter = (): void => {
    window.setBounds(placement.bounds);
    window.setFullScreen(true);
  };
  // macOS animates leaving full screen; the move must wait for it or the window lands on the old display.
  if (process.platform === 'darwin' && window.isFullScreen()) {
    window.once('leave-full-screen', enter);
    window.setFullScreen(false);
  } else {
    window.setFullScreen(false);
    enter();
  }
}

/** `at` is read when the page is ready, so a monitor change while it loads is not undone. */
function openDisplayWindow(options: CustomerWindowOptions, at: () => FullScreen | null, onGone: (w: PageWindow, d: RenderProcessGoneDetails) => void): PageWindow {
  const placement = at();
  if (placement === null) throw new Error('the customer window needs a monitor');
  const display = openPage(
    'display',
    options,
    {
      ...placement.bounds,
      title: `${TITLE} — Customer display`,
      autoHideMenuBar: true,
      // A kiosk on the second monitor: no frame, no taskbar entry, never takes focus from the cashier.
      frame: false,
      skipTaskbar: true,
      focusable: false,
    },
    onGone,
  );
  display.window.once('ready-to-show', () => {
    const now = at();
    if (now === null || display.window.isDestroyed()) return;
    fitDisplayWindow(display.window, now);
    display.window.showInactive();
  });
  // The customer screen is part of the terminal; closing it by accident would leave the customer without a QR.
  display.window.on('close', (event) => {
    if (options.isDisposing()) return;
    event.preventDefault();
    display.window.minimize();
  });
  return display;
}

export function createCustomerWindow(options: CustomerWindowOptions): CustomerWindow {
  const { log, screen } = options;
  const limit = options.restarts ?? CUSTOMER_WINDOW_RESTARTS;
  const budget = restartBudget(limit);
  const now = options.now ?? Date.now;
  let display: PageWindow | null = null;
  let placement: FullScreen | null = null;
  let detach: (() => void) | null = null;
  let stopped = false;
  const where = (): FullScreen | null => placement;

  const close = (): void => {
    const old = display;
    display = null;
    placement = null;
    if (old !== null && !old.window.isDestroyed()) old.window.destroy();
    detach?.();
    detach = null;
  };

  const onGone = (gone: PageWindow, details: RenderProcessGoneDetails): void => {
    if (options.isDisposing() || display !== gone) return;
    const again = budget.crashed(now());
    log.log('error', again ? 'customer display crashed; opening it again' : 'customer display crashed too often; left closed', {
      reason: details.reason,
      exitCode: details.exitCode,
      crashes: budget.recent(),
      withinSeconds: limit.withinMs / 1000,
    });
    // Not from inside the dying web contents' own event: the window is replaced once it has returned.
    setImmediate(() => {
      if (options.isDisposing() || display !== gone || placement === null) return;
      if (!again) {
        stopped = true;
        screen.note({ kind: 'stopped', crashes: budget.recent(), seconds: limit.withinMs / 1000 });
        close();
        return;
      }
      // A new window, same options, same monitor; the old one goes after, so the display count never drops to none.
      display = openDisplayWindow(options, where, onGone);
      if (!gone.window.isDestroyed()) gone.window.destroy();
      screen.note({ kind: 'restarted' });
    });
  };

  return {
    current: () => (display !== null && !display.window.isDestroyed() ? display : null),
    place: (next) => {
      if (stopped || options.isDisposing()) return;
      if (next.kind === 'none') {
        // The note first: while the window is still counted it changes nothing the bar shows.
        screen.note({ kind: 'one_monitor' });
        close();
        return;
      }
      placement = next;
      if (display === null || display.window.isDestroyed()) {
        display = openDisplayWindow(options, where, onGone);
        detach ??= screen.attach();
      } else {
        fitDisplayWindow(display.window, next);
      }
      // A monitor change also ends a "restarted" note: the bar says "Customer display" again.
      screen.note({ kind: 'none' });
    },
    dispose: close,
  };
}
