import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { StandinScreen } from './screen';
import { destroyContents, StandinWebContents, resizeContents, type PageHost } from './web-contents';

export const BROWSER_WINDOW_SURFACE = [
  'id',
  'webContents',
  'loadURL',
  'getBounds',
  'setBounds',
  'setFullScreen',
  'isFullScreen',
  'maximize',
  'isMaximized',
  'minimize',
  'isMinimized',
  'restore',
  'show',
  'showInactive',
  'hide',
  'isVisible',
  'focus',
  'isFocused',
  'isFocusable',
  'getTitle',
  'close',
  'destroy',
  'isDestroyed',
] as const;

export type BrowserWindowSurface = Pick<BrowserWindow, Exclude<(typeof BROWSER_WINDOW_SURFACE)[number], 'webContents'>>;

export interface WindowHost {
  readonly pages: PageHost;
  readonly screen: StandinScreen;
  readonly windows: StandinBrowserWindow[];
  /** app's 'web-contents-created'. */
  readonly created: (contents: StandinWebContents) => void;
  /** The last window went: app's 'window-all-closed'. */
  readonly allClosed: () => void;
}

/** What a window was asked for and what it is now, for tests. */
export interface WindowRecord {
  readonly options: BrowserWindowConstructorOptions;
  fullScreen: boolean;
  maximized: boolean;
  minimized: boolean;
  visible: boolean;
  bounds: Rectangle;
  /** The bounds to go back to when leaving full screen or un-maximising. */
  restoreBounds: Rectangle;
}

const records = new WeakMap<StandinBrowserWindow, WindowRecord>();
const hosts = new WeakMap<StandinBrowserWindow, WindowHost>();
/** The focused window's id (window ids are unique in the test process). */
let focusedId: number | null = null;
let lastId = 0;

export const windowRecord = (window: StandinBrowserWindow): WindowRecord => records.get(window)!;

const DEFAULT_SIZE = { width: 800, height: 600 };

const event = (): { preventDefault(): void; readonly defaultPrevented: boolean } => {
  let prevented = false;
  return {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
};

/**
 * Electron's BrowserWindow with its web contents a Chromium page. Position, full screen and
 * visibility are bookkeeping (a headless page has no screen position); the page's viewport follows
 * the window's size, so a screenshot has the window's pixels. The frame and menus are not drawn.
 */
export class StandinBrowserWindow extends EventEmitter implements BrowserWindowSurface {
  readonly id: number;
  readonly webContents: StandinWebContents;

  constructor(host: WindowHost, options: BrowserWindowConstructorOptions = {}) {
    super();
    lastId += 1;
    this.id = lastId;
    const primary = host.screen.getPrimaryDisplay().workArea;
    const width = options.width ?? DEFAULT_SIZE.width;
    const height = options.height ?? DEFAULT_SIZE.height;
    // Electron centres a window given no position.
    const bounds = { x: options.x ?? primary.x + Math.round((primary.width - width) / 2), y: options.y ?? primary.y + Math.round((primary.height - height) / 2), width, height };
    records.set(this, {
      options: structuredClone(options),
      fullScreen: false,
      maximized: false,
      minimized: false,
      visible: options.show !== false,
      bounds,
      restoreBounds: bounds,
    });
    hosts.set(this, host);
    const preload = options.webPreferences?.preload ?? null;
    this.webContents = new StandinWebContents(host.pages, preload, { width, height });
    host.windows.push(this);
    host.created(this.webContents);
    // Electron shows a window once its first page has painted; here, once the first load finishes.
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', event()));
    if (options.fullscreen === true) this.setFullScreen(true);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  getBounds(): Rectangle {
    return { ...windowRecord(this).bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    const record = windowRecord(this);
    record.bounds = { ...record.bounds, ...bounds };
    if (!record.fullScreen && !record.maximized) record.restoreBounds = record.bounds;
    resizeContents(this.webContents, { width: record.bounds.width, height: record.bounds.height });
    this.emit('resize', event());
    this.emit('move', event());
  }

  setFullScreen(flag: boolean): void {
    const record = windowRecord(this);
    if (record.fullScreen === flag) return;
    const host = hosts.get(this)!;
    if (flag) {
      // Full screen fills the display the window is on.
      const display = host.screen.getDisplayMatching(record.bounds);
      record.restoreBounds = record.bounds;
      record.fullScreen = true;
      record.bounds = { ...display.bounds };
      this.emit('enter-full-screen', event());
    } else {
      record.fullScreen = false;
      record.bounds = record.restoreBounds;
      this.emit('leave-full-screen', event());
    }
    resizeContents(this.webContents, { width: record.bounds.width, height: record.bounds.height });
  }

  isFullScreen(): boolean {
    return windowRecord(this).fullScreen;
  }

  maximize(): void {
    const record = windowRecord(this);
    const area = hosts.get(this)!.screen.getDisplayMatching(record.bounds).workArea;
    record.maximized = true;
    record.visible = true;
    record.bounds = { ...area };
    resizeContents(this.webContents, { width: area.width, height: area.height });
    this.emit('maximize', event());
  }

  isMaximized(): boolean {
    return windowRecord(this).maximized;
  }

  minimize(): void {
    windowRecord(this).minimized = true;
    this.emit('minimize', event());
  }

  isMinimized(): boolean {
    return windowRecord(this).minimized;
  }

  restore(): void {
    const record = windowRecord(this);
    record.minimized = false;
    this.emit('restore', event());
  }

  show(): void {
    windowRecord(this).visible = true;
    this.focus();
    this.emit('show', event());
  }

  showInactive(): void {
    windowRecord(this).visible = true;
    this.emit('show', event());
  }

  hide(): void {
    windowRecord(this).visible = false;
    this.emit('hide', event());
  }

  isVisible(): boolean {
    return windowRecord(this).visible;
  }

  focus(): void {
    if (!this.isFocusable() || this.isDestroyed()) return;
    focusedId = this.id;
    this.emit('focus', event());
  }

  isFocused(): boolean {
    return focusedId === this.id;
  }

  isFocusable(): boolean {
    return windowRecord(this).options.focusable !== false;
  }

  getTitle(): string {
    return windowRecord(this).options.title ?? '';
  }

  /** As a user closing it: 'close' may prevent it; otherwise it is destroyed. */
  close(): void {
    if (this.isDestroyed()) return;
    const closing = event();
    this.emit('close', closing);
    if (!closing.defaultPrevented) this.destroy();
  }

  /** No 'close' event, but 'closed' always follows. */
  destroy(): void {
    if (this.isDestroyed()) return;
    const host = hosts.get(this)!;
    destroyContents(this.webContents);
    const at = host.windows.indexOf(this);
    if (at >= 0) host.windows.splice(at, 1);
    if (focusedId === this.id) focusedId = null;
    this.emit('closed');
    if (host.windows.length === 0) host.allClosed();
  }

  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }
}

/** The class main constructs, bound to one stand-in runtime. */
export function browserWindowClass(host: WindowHost): new (options?: BrowserWindowConstructorOptions) => StandinBrowserWindow {
  return class BrowserWindow extends StandinBrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions) {
      super(host, options);
    }
  };
}
