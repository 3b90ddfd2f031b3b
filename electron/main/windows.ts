import { screen } from 'electron';
import type { MonitorChoice } from '../../app/ipc/settings-schemas';
import { createCustomerWindow, type CustomerScreen } from './customer-window';
import { chooseCustomerDisplay, monitorChoices, samePlacement, type CustomerPlacement, type DisplayInfo } from './display-choice';
import type { IpcWindow } from './ipc';
import { openPage, TITLE, type PageWindow, type PageWindowOptions } from './page-window';

export interface WindowsOptions extends PageWindowOptions {
  /** A display id from `--customer-display`; used while that display is attached. */
  readonly customerDisplayId: number | undefined;
  /** The service's side of the customer window: counted while up, and the device bar's note. */
  readonly customerScreen: CustomerScreen;
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

/** Hot-plugging a monitor fires a burst of display events; act once it settles. */
const DISPLAY_SETTLE_MS = 300;

function attachedDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, primary: d.id === primaryId }));
}

function createCashierWindow(options: WindowsOptions, isDisposing: () => boolean): PageWindow {
  const area = screen.getPrimaryDisplay().workArea;
  const cashier = openPage(
    'cashier',
    options,
    { ...area, minWidth: 640, minHeight: 480, title: `${TITLE} — Cashier`, autoHideMenuBar: true },
    // The cashier's own window is kept: its renderer is replaced by reloading the page in it.
    (opened, details) => {
      options.log.log('error', 'screen crashed; reloading', { role: 'cashier', reason: details.reason, exitCode: details.exitCode });
      if (!opened.window.isDestroyed()) void opened.window.loadURL(opened.pageUrl);
    },
  );
  cashier.window.once('ready-to-show', () => {
    cashier.window.maximize();
    cashier.window.show();
  });
  cashier.window.on('closed', () => {
    if (!isDisposing()) options.onCashierClosed();
  });
  return cashier;
}

/**
 * Creates the cashier window, and the customer window on a second monitor when there is one, and keeps
 * the customer window on the right monitor (or closed, with one) as monitors come and go.
 */
export function createTerminalWindows(options: WindowsOptions): TerminalWindows {
  let disposing = false;
  const isDisposing = () => disposing;
  const cashier = createCashierWindow(options, isDisposing);
  const customer = createCustomerWindow({ ...options, screen: options.customerScreen, isDisposing });
  let wanted = options.customerDisplayId;
  let placement: CustomerPlacement = chooseCustomerDisplay(attachedDisplays(), wanted);
  options.log.log('info', 'customer display placed', { ...placement });
  customer.place(placement);

  let settleTimer: NodeJS.Timeout | undefined;
  const replace = () => {
    settleTimer = undefined;
    if (disposing) return;
    const next = chooseCustomerDisplay(attachedDisplays(), wanted);
    if (samePlacement(next, placement)) return;
    options.log.log('info', 'customer display moved', { ...next, from: placement.displayId });
    placement = next;
    customer.place(next);
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
    trusted: () => [cashier, customer.current()].filter((w): w is PageWindow => w !== null && !w.window.isDestroyed()).map(ipcView),
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
      customer.dispose();
      if (!cashier.window.isDestroyed()) cashier.window.destroy();
    },
  };
}
