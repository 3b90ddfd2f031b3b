import { BrowserWindow, type BrowserWindowConstructorOptions, type RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../service/logging/logger';
import type { ClientRole } from '../service/terminal/terminal-api';
import type { IpcWindow } from './ipc';
import { pageUrl } from './page-url';
import { createWebPreferences, willNavigate, windowOpenHandler } from './web-preferences';

export const TITLE = 'QR Counter Terminal';

/** What every terminal window is opened with. */
export interface PageWindowOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly log: Logger;
}

export interface PageWindow extends IpcWindow {
  readonly window: BrowserWindow;
}

/**
 * A window with the hardened preferences and navigation guards, showing its page from app://terminal/
 * (page-protocol.ts). `onGone` is told when its renderer crashes or is killed.
 */
export function openPage(
  role: ClientRole,
  options: PageWindowOptions,
  shape: BrowserWindowConstructorOptions,
  onGone: (opened: PageWindow, details: RenderProcessGoneDetails) => void,
): PageWindow {
  const window = new BrowserWindow({
    ...shape,
    show: false,
    webPreferences: createWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  });
  const url = pageUrl(role);
  const contents = window.webContents;
  const opened: PageWindow = { role, window, webContents: contents, pageUrl: url };
  contents.setWindowOpenHandler(windowOpenHandler);
  contents.on('will-navigate', (event) => {
    if (willNavigate(event.url, url) === 'deny') {
      event.preventDefault();
      options.log.log('warn', 'navigation blocked', { role, url: event.url });
    }
  });
  contents.on('render-process-gone', (_event, details) => {
    onGone(opened, details);
  });
  window.loadURL(url).catch((error: unknown) => {
    options.log.log('error', 'page failed to load', { role, url, error: error instanceof Error ? error.message : String(error) });
  });
  return opened;
}
