import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import type { MonitorChoice } from '../../app/ipc/settings-schemas';
import type { Logger } from '../service/logging/logger';
import type { ClientRole } from '../service/terminal/terminal-api';
import { chooseCustomerDisplay, monitorChoices, samePlacement, type CustomerPlacement, type DisplayInfo, type Rect } from './display-choice';
import type { IpcWindow } from './ipc';
import { pageUrl } from './page-url';
import { createWebPreferences, willNavigate, windowOpenHandler } from './web-preferences';

export interface WindowsOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
  /** A display id from `--customer-display`; used while that display is attached. */
  readonly customerDisplayId: number | undefined;
  readonly log: Logger;
  /** Closing the cashier screen ends the terminal. */
  readonly onCashierClosed: () => void;
}

export interface TerminalWindows {
  /** Our windows as IPC trusts them; read afresh each time, as the display window can be replaced. */
  trusted(): readonly IpcWindow[];
  /** The attached monitors, for the settings screen's picker. */
  monitors(): readonly MonitorChoice[];
  /** Puts the customer display on this monitor from now on (undefined: the first non-primary one). */
  useCustomerDisplay(displayId: number | undefined): void;
  /** Brings the cashier screen forward, e.g. when the terminal is launched a second time. */
  focusCashier(): void;
  /** Stops following the displays and closes both windows; called once, on quit. */
  dispose(): void;
}

interface PageWindow extends IpcWindow {
  readonly window: BrowserWindow;
}

const TITLE = 'QR Counter Terminal';
/** Hot-plugging a monitor fires a burst of display events; act once it settles. */
const DISPLAY_SETTLE_MS = 300;

function attachedDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea, primary: d.id === primaryId }));
}

/** A window with the hardened preferences and navigation guards, showing its page from app://terminal/ (page-protocol.ts). */
function openPage(role: ClientRole, options: WindowsOptions, shape: BrowserWindowConstructorOptions): PageWindow {
  const window = new BrowserWindow({
    ...shape,
    show: false,
    webPreferences: createWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  });
  const url = pageUrl(role);
  const contents = window.webContents;
  contents.setWindowOpenHandler(windowOpenHandler);
  contents.on('will-navigate', (event) => {
    if (willNavigate(event.url, url) === 'deny') {
      event.preventDefault();
      options.log.log('warn', 'navigation blocked', { role, url: event.url });
    }
  });
  contents.on('render-process-gone', (_event, details) => {
    options.log.log('error', 'screen crashed; reloading', { role, reason: details.reason, exitCode: details.exitCode });
    if (!window.isDestroyed()) void window.loadURL(url);
  });
  window.loadURL(url).catch((error: unknown) => {
    options.log.log('error', 'page failed to load', { role, url, error: error instanceof Error ? error.message : String(error) });
  });
  return { role, window, webContents: contents, pageUrl: url };
}

function createCashierWindow(options: WindowsOptions, isDisposing: () => boolean): PageWindow {
  const area = screen.getPrimaryDisplay().workArea;
  const cashier = openPage('cashier', options, {
    ...area,
    minWidth: 640,
    minHeight: 480,
    title: `${TITLE} — Cashier`,
    autoHideMenuBar: true,
  });
  cashier.window.once('ready-to-show', () => {
    cashier.window.maximize();
    cashier.window.show();
  });
  cashier.window.on('closed', () => {
    if (!isDisposing()) options.onCashierClosed();
  });
  return cashier;
}

/** Full screen on its display without stealing the cashier's keyboard; windowed it stays draggable. */
function fitDisplayWindow(window: BrowserWindow, placement: CustomerPlacement): void {
  if (placement.kind === 'window') {
    window.setBounds(placement.bounds);
    return;
  }
  const enter = (bounds: Rect) => {
    window.setBounds(bounds);
    window.setFullScreen(true);
  };
  // macOS animates leaving full screen; the move must wait for it or the window lands on the old display.
  if (process.platform === 'darwin' && window.isFullScreen()) {
    window.once('leave-full-screen', () => {
      enter(placement.bounds);
    });
    window.setFullScreen(false);
  } else {
    window.setFullScreen(false);
    enter(placement.bounds);
  }
}

function createDisplayWindow(options: WindowsOptions, placement: CustomerPlacement, isDisposing: () => boolean): PageWindow {
  const fullscreen = placement.kind === 'fullscreen';
  const display = openPage('display', options, {
    ...placement.bounds,
    title: `${TITLE} — Customer display`,
    autoHideMenuBar: true,
    // On a second screen it is a kiosk: no frame, no taskbar entry, never takes focus from the cashier.
    frame: !fullscreen,
    skipTaskbar: fullscreen,
    focusable: !fullscreen,
  });
  display.window.once('ready-to-show', () => {
    fitDisplayWindow(display.window, placement);
    display.window.showInactive();
  });
  // The customer screen is part of the terminal; closing it by accident would leave the customer without a QR.
  display.window.on('close', (event) => {
    if (isDisposing()) return;
    event.preventDefault();
    display.window.minimize();
  });
  return display;
}

/** Creates the cashier and customer windows and keeps the customer window on the right display as monitors change. */
export function createTerminalWindows(options: WindowsOptions): TerminalWindows {
  let disposing = false;
  const isDisposing = () => disposing;
  const cashier = createCashierWindow(options, isDisposing);
  let wanted = options.customerDisplayId;
  let placement = chooseCustomerDisplay(attachedDisplays(), wanted);
  options.log.log('info', 'customer display placed', { ...placement });
  let display = createDisplayWindow(options, placement, isDisposing);

  let settleTimer: NodeJS.Timeout | undefined;
  const replace = () => {
    settleTimer = undefined;
    if (disposing) return;
    const next = chooseCustomerDisplay(attachedDisplays(), wanted);
    if (samePlacement(next, placement) && !display.window.isDestroyed()) return;
    // A window the cashier has dragged somewhere stays there while it is still the windowed fallback.
    if (next.kind === 'window' && placement.kind === 'window' && !display.window.isDestroyed()) return;
    options.log.log('info', 'customer display moved', { ...next, from: placement.displayId });
    if (next.kind === placement.kind && !display.window.isDestroyed()) {
      fitDisplayWindow(display.window, next);
    } else {
      // A frame cannot be added or removed from a live window, so a change of kind means a new one.
      const old = display;
      display = createDisplayWindow(options, next, isDisposing);
      if (!old.window.isDestroyed()) old.window.destroy();
    }
    placement = next;
  };
  const onDisplaysChanged = () => {
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = setTimeout(replace, DISPLAY_SETTLE_MS);
  };
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  screen.on('display-metrics-changed', onDisplaysChanged);

  const ipcView = (w: PageWindow): IpcWindow => ({ role: w.role, webContents: w.webContents, pageUrl: w.pageUrl });

  return {
    trusted: () => [cashier, display].filter((w) => !w.window.isDestroyed()).map(ipcView),
    monitors: () => monitorChoices(screen.getAllDisplays().map((d) => ({ id: d.id, label: d.label, size: d.size })), screen.getPrimaryDisplay().id),
    useCustomerDisplay: (displayId) => {
      wanted = displayId;
      // At once, not after the settle delay: the cashier has just chosen it.
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      replace();
    },
    focusCashier: () => {
      if (cashier.window.isDestroyed()) return;
      if (cashier.window.isMinimized()) cashier.window.restore();
      cashier.window.show();
      cashier.window.focus();
    },
    dispose: () => {
      if (disposing) return;
      disposing = true;
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      screen.removeListener('display-added', onDisplaysChanged);
      screen.removeListener('display-removed', onDisplaysChanged);
      screen.removeListener('display-metrics-changed', onDisplaysChanged);
      for (const w of [display, cashier]) if (!w.window.isDestroyed()) w.window.destroy();
    },
  };
}
