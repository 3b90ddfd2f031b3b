import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { CrashReporter, CrashReporterStartOptions, Dialog } from 'electron';
import type * as ElectronModule from 'electron';
import { appState, StandinApp, type AppState } from './app';
import { browserWindowClass, type StandinBrowserWindow, windowRecord, type WindowRecord } from './browser-window';
import { handledChannels, invokeMain, StandinIpcMain } from './ipc-main';
import { IPC_BINDING } from './preload-bridge';
import { createSafeStorage, newKeyring, type SafeStorageMode, type StandinKeyring } from './safe-storage';
import { fromChromiumUrl, isMappedUrl } from './scheme-urls';
import { createScreen, type DisplaySpec, type ScreenControl } from './screen';
import { createSession, serveScheme, type SessionState } from './session';
import { allowNavigation, pageOf, windowOpen, type PageHost, type StandinWebContents } from './web-contents';

export interface StandinOptions {
  readonly browser: Browser;
  readonly userData: string;
  readonly displays: readonly DisplaySpec[];
  readonly safeStorage?: SafeStorageMode;
  readonly keyring?: StandinKeyring;
  /** Default true: an installed app, whose native modules were rebuilt for the runtime it runs on (here, Node). */
  readonly packaged?: boolean;
  readonly switches?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly version?: string;
}

/** What the tests see of a run besides what the windows show. */
export interface Standin {
  /** The `electron` module main gets. */
  readonly electron: Record<string, unknown>;
  readonly screen: ScreenControl;
  readonly session: SessionState;
  readonly app: AppState;
  readonly keyring: StandinKeyring;
  readonly errorBoxes: { title: string; content: string }[];
  readonly crashReporterStarts: CrashReporterStartOptions[];
  readonly windowOpens: PageHost['windowOpens'];
  readonly pageErrors: string[];
  readonly ipcLog: string[];
  /** The first live window whose page has loaded `url`, waiting for it (up to `timeoutMs`) if there is none yet. */
  windowAt(url: string, timeoutMs?: number): Promise<StandinBrowserWindow>;
  /** Main's windows, in creation order, as they are now. */
  windows(): StandinBrowserWindow[];
  record(window: StandinBrowserWindow): WindowRecord;
  page(window: StandinBrowserWindow): Promise<Page>;
  /** The channels with an ipcMain.handle handler. */
  handledChannels(): string[];
  /** Loads a built main bundle with `require('electron')` answered by this stand-in, then emits 'ready'. */
  loadMain(file: string): void;
  /** Quits as a user would (app.quit) and resolves with the exit code once the app has ended. */
  quit(): Promise<number>;
  /** Closes the pages and the browser context and takes main's process listeners off; call after the app has ended. */
  dispose(): Promise<void>;
}

/** What of the `electron` module the stand-in provides: exactly what main.cjs imports. */
export const MODULE_SURFACE = ['app', 'BrowserWindow', 'ipcMain', 'screen', 'protocol', 'session', 'safeStorage', 'dialog', 'crashReporter'] as const;
export const DIALOG_SURFACE = ['showErrorBox'] as const;
export const CRASH_REPORTER_SURFACE = ['start'] as const;
/** Checked by the compiler: each name is an export of Electron's main-process module. */
export type ModuleSurface = Pick<typeof ElectronModule, (typeof MODULE_SURFACE)[number]>;

const PROCESS_EVENTS = ['exit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'uncaughtExceptionMonitor', 'unhandledRejection', 'warning'] as const;
type ProcessListener = (...args: unknown[]) => void;

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?\//;

async function routeRequests(context: BrowserContext, pages: Map<Page, StandinWebContents>, session: SessionState): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = request.url();
    let contents: StandinWebContents | undefined;
    let mainFrame = false;
    try {
      const frame = request.frame();
      contents = pages.get(frame.page());
      mainFrame = frame.parentFrame() === null;
    } catch {
      contents = undefined;
    }
    if (contents !== undefined && mainFrame && request.isNavigationRequest() && !allowNavigation(contents, url)) {
      await route.abort('aborted');
      return;
    }
    if (isMappedUrl(url)) {
      const served = await serveScheme(session, fromChromiumUrl(url), request.method(), contents?.id ?? null);
      if (served === null) await route.abort('failed');
      else await route.fulfill({ status: served.status, headers: served.headers, body: served.body });
      return;
    }
    // The stand-in has no network: only loopback (the simulators, a test's own server) is reached.
    if (LOOPBACK.test(url)) await route.continue();
    else await route.abort('internetdisconnected');
  });
}

export async function createStandin(options: StandinOptions): Promise<Standin> {
  const context = await options.browser.newContext();
  const failures: unknown[] = [];
  const track = (work: Promise<unknown>) => void work.catch((error: unknown) => failures.push(error));
  let exitResolve: (code: number) => void = () => undefined;
  let readyResolve: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (readyResolve = resolve));
  const windows: StandinBrowserWindow[] = [];
  const state: AppState = {
    ready: false,
    sandboxEnabled: false,
    quitting: false,
    exitCode: null,
    loginItems: [],
    paths: new Map(),
    whenReady,
    markReady: () => {
      state.ready = true;
      readyResolve();
    },
    exited: new Promise<number>((resolve) => (exitResolve = resolve)),
    closeWindows: () => {
      for (const window of [...windows]) window.close();
      return windows.length === 0;
    },
    finish: (exitCode) => {
      state.exitCode = exitCode;
      for (const window of [...windows]) window.destroy();
      app.releaseSingleInstanceLock();
      exitResolve(exitCode);
    },
  };
  const app = new StandinApp(
    {
      userData: options.userData,
      name: options.name ?? 'QR Counter Terminal',
      version: options.version ?? '0.0.0',
      packaged: options.packaged ?? true,
      switches: options.switches ?? {},
      argv: ['electron-standin', ...Object.entries(options.switches ?? {}).map(([k, v]) => `--${k}=${v}`)],
    },
    state,
  );
  const isReady = () => state.ready;
  const { protocol, session, state: sessionState } = createSession(isReady);
  const { screen, control } = createScreen(options.displays);
  const ipcMain = new StandinIpcMain();
  const pages = new Map<Page, StandinWebContents>();
  const pageHost: PageHost = {
    context,
    session: sessionState,
    deliverName: `__electronStandinDeliver_${randomBytes(6).toString('hex')}`,
    pages,
    readPreload: (file) => readFileSync(file, 'utf8'),
    track,
    windowOpens: [],
    pageErrors: [],
    ipcLog: [],
    changes: new EventEmitter(),
  };
  const BrowserWindow = browserWindowClass({
    pages: pageHost,
    screen,
    windows,
    created: (contents) => app.emit('web-contents-created', { preventDefault: () => undefined }, contents),
    // Electron does not emit it when the windows close because the app is quitting.
    allClosed: () => setImmediate(() => {
      if (!state.quitting && state.exitCode === null) app.emit('window-all-closed');
    }),
  });

  await context.exposeBinding(IPC_BINDING, async (source, op: unknown, channel: unknown, args: unknown) => {
    const contents = pages.get(source.page);
    if (contents === undefined || contents.isDestroyed()) return { ok: false, error: 'Error: the stand-in knows no window for this page' };
    const list = Array.isArray(args) ? (args as unknown[]) : [];
    if (op === 'open') {
      const text = (value: unknown): string => (typeof value === 'string' ? value : '');
      windowOpen(contents, text(channel), text(list[0]), text(list[1]));
      return { ok: true, value: null };
    }
    const frame = source.frame;
    const senderFrame = { url: fromChromiumUrl(frame.url()), parent: frame.parentFrame() === null ? null : {}, name: frame.name() };
    const event = { sender: contents, senderFrame, frameId: 0, processId: contents.id, type: 'frame' as const, preventDefault: () => undefined };
    if (op === 'send') {
      pageHost.ipcLog.push(JSON.stringify({ fromPage: channel, args: list }));
      ipcMain.emit(String(channel), { ...event, returnValue: undefined, reply: () => undefined }, ...list);
      return { ok: true, value: null };
    }
    const answer = await invokeMain(ipcMain, String(channel), event, list);
    pageHost.ipcLog.push(JSON.stringify({ invoke: channel, args: list, answer }));
    return answer;
  });
  await routeRequests(context, pages, sessionState);

  const keyring = options.keyring ?? newKeyring();
  const errorBoxes: { title: string; content: string }[] = [];
  const crashReporterStarts: CrashReporterStartOptions[] = [];
  const electron: Record<string, unknown> = {
    app,
    BrowserWindow,
    ipcMain,
    screen,
    protocol,
    session: { defaultSession: session },
    safeStorage: createSafeStorage(options.safeStorage ?? 'keyring', keyring, isReady),
    dialog: { showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }) } satisfies Pick<Dialog, (typeof DIALOG_SURFACE)[number]>,
    crashReporter: { start: (start: CrashReporterStartOptions) => void crashReporterStarts.push({ ...start }) } satisfies Pick<
      CrashReporter,
      (typeof CRASH_REPORTER_SURFACE)[number]
    >,
  } satisfies Record<(typeof MODULE_SURFACE)[number], unknown>;

  const before = new Map(PROCESS_EVENTS.map((name) => [name, new Set(process.listeners(name as 'exit') as ProcessListener[])]));

  return {
    electron,
    screen: control,
    session: sessionState,
    app: state,
    keyring,
    errorBoxes,
    crashReporterStarts,
    windowOpens: pageHost.windowOpens,
    pageErrors: pageHost.pageErrors,
    ipcLog: pageHost.ipcLog,
    windowAt: (url, timeoutMs = 30_000) => {
      const find = () => windows.find((w) => !w.isDestroyed() && w.webContents.getURL() === url);
      return new Promise<StandinBrowserWindow>((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no window showed ${url} within ${String(timeoutMs)} ms; page errors: ${pageHost.pageErrors.join(' | ') || 'none'}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          pageHost.changes.removeListener('change', check);
        };
        pageHost.changes.on('change', check);
        check();
      });
    },
    windows: () => [...windows],
    record: windowRecord,
    page: (window) => pageOf(window.webContents),
    handledChannels: () => handledChannels(ipcMain),
    loadMain: (file) => {
      const load = createRequire(file);
      const electronPath = load.resolve('electron');
      const fake = new Module(electronPath);
      fake.exports = electron;
      fake.loaded = true;
      const cache = load.cache;
      const real = cache[electronPath];
      cache[electronPath] = fake;
      delete cache[file];
      try {
        load(file);
      } finally {
        // Only main's own require sees the stand-in; the bundle keeps what it was given.
        if (real === undefined) delete cache[electronPath];
        else cache[electronPath] = real;
        delete cache[file];
      }
      // Electron emits 'ready' once the main script has run to its end.
      setImmediate(() => {
        if (state.exitCode !== null) return;
        app.emit('will-finish-launching');
        state.markReady();
        app.emit('ready', { preventDefault: () => undefined }, {});
      });
    },
    quit: () => {
      app.quit();
      return state.exited;
    },
    dispose: async () => {
      if (state.exitCode === null) app.exit(0);
      for (const [name, known] of before) {
        for (const listener of process.listeners(name as 'exit') as ProcessListener[]) {
          if (!known.has(listener)) process.removeListener(name, listener);
        }
      }
      await context.close();
      if (failures.length > 0) throw new AggregateError(failures, 'the electron stand-in had background failures');
    },
  };
}

export { appState };
