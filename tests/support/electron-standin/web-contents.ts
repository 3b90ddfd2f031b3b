import { EventEmitter } from 'node:events';
import type { BrowserContext, Page } from 'playwright-core';
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { fromChromiumUrl, toChromiumUrl } from './scheme-urls';
import type { SessionState } from './session';
import { preloadScript, WINDOW_OPEN_SCRIPT } from './preload-bridge';

export const WEB_CONTENTS_SURFACE = [
  'id',
  'getURL',
  'loadURL',
  'reload',
  'send',
  'isDestroyed',
  'isCrashed',
  'setWindowOpenHandler',
  'forcefullyCrashRenderer',
] as const;

type Surface = Pick<WebContents, (typeof WEB_CONTENTS_SURFACE)[number]>;

/** What every web contents shares: the browser context (the default session) and the stand-in's bookkeeping. */
export interface PageHost {
  readonly context: BrowserContext;
  readonly session: SessionState;
  /** The page-side function name main's `send` delivers through (random per runtime). */
  readonly deliverName: string;
  readonly pages: Map<Page, StandinWebContents>;
  readonly readPreload: (file: string) => string;
  /** Background work whose failure a test should see (recorded, and rethrown on dispose). */
  readonly track: (work: Promise<unknown>) => void;
  readonly windowOpens: { url: string; action: WindowOpenHandlerResponse['action'] | 'no handler' }[];
  /** Every IPC message both ways (invoke with its answer, send), as JSON text, for tests that look for what must not cross. */
  readonly ipcLog: string[];
  /** The pages' uncaught errors, for a test to check and a failing one to show. */
  readonly pageErrors: string[];
  /** 'change' whenever a page finishes loading or a web contents goes, for waiting on windows without polling. */
  readonly changes: EventEmitter;
}

interface Internals {
  readonly host: PageHost;
  readonly preload: string | null;
  viewport: { width: number; height: number };
  page: Page | null;
  opening: Promise<Page> | null;
  crashed: boolean;
  destroyed: boolean;
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null;
  /** Chromium URLs main itself is loading: those navigations fire no will-navigate. */
  readonly programmatic: Set<string>;
  sendChain: Promise<void>;
}

const internalsOf = new WeakMap<StandinWebContents, Internals>();
let lastId = 0;

/** Runs in the page: hands main's message to the preload's ipcRenderer listeners. */
const deliver = ([name, channel, args]: [string, string, unknown[]]): void => {
  const to: unknown = Reflect.get(window, name);
  if (typeof to === 'function') Reflect.apply(to, window, [channel, args]);
};

/** A window's web contents: one Chromium page (replaced by a new one after a crash, as a new renderer would be). */
export class StandinWebContents extends EventEmitter implements Surface {
  readonly id: number;

  constructor(host: PageHost, preload: string | null, viewport: { width: number; height: number }) {
    super();
    lastId += 1;
    this.id = lastId;
    internalsOf.set(this, { host, preload, viewport, page: null, opening: null, crashed: false, destroyed: false, openHandler: null, programmatic: new Set(), sendChain: Promise.resolve() });
  }

  getURL(): string {
    const page = internalsOf.get(this)!.page;
    const url = page === null || page.isClosed() ? '' : page.url();
    return url === 'about:blank' ? '' : fromChromiumUrl(url);
  }

  async loadURL(url: string): Promise<void> {
    const inner = internalsOf.get(this)!;
    if (inner.destroyed) throw new Error('Object has been destroyed');
    const target = toChromiumUrl(url, inner.host.session.privileged);
    if (target === null) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const page = await pageOf(this);
    inner.programmatic.add(target);
    try {
      await page.goto(target, { waitUntil: 'load' });
    } catch (error) {
      this.emit('did-fail-load', { preventDefault: () => undefined }, -2, error instanceof Error ? error.message : String(error), url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    } finally {
      inner.programmatic.delete(target);
    }
    this.emit('did-finish-load', { preventDefault: () => undefined });
    inner.host.changes.emit('change');
  }

  reload(): void {
    const inner = internalsOf.get(this)!;
    const page = inner.page;
    if (page === null || inner.destroyed) return;
    inner.programmatic.add(page.url());
    inner.host.track(page.reload().then(() => undefined, () => undefined));
  }

  send(channel: string, ...args: unknown[]): void {
    const inner = internalsOf.get(this)!;
    const page = inner.page;
    if (inner.destroyed || page === null) return;
    inner.host.ipcLog.push(JSON.stringify({ send: channel, args }));
    // In order, as Electron's IPC is; a page caught mid-navigation loses the message, as in Electron.
    inner.sendChain = inner.sendChain.then(() => page.evaluate(deliver, [inner.host.deliverName, channel, args] as [string, string, unknown[]])).then(
      () => undefined,
      () => undefined,
    );
  }

  isDestroyed(): boolean {
    return internalsOf.get(this)!.destroyed;
  }

  isCrashed(): boolean {
    return internalsOf.get(this)!.crashed;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    internalsOf.get(this)!.openHandler = handler;
  }

  /** Kills the page's renderer (Chromium's Page.crash), as Electron's does; 'render-process-gone' follows. */
  forcefullyCrashRenderer(): void {
    const inner = internalsOf.get(this)!;
    const page = inner.page;
    if (page === null || inner.destroyed) return;
    inner.host.track(
      inner.host.context
        .newCDPSession(page)
        .then((cdp) => cdp.send('Page.crash'))
        .then(() => undefined, () => undefined),
    );
  }
}

/** The live page, opened on first use and again after a crash, with the preload (if any) before the page's scripts. */
export function pageOf(contents: StandinWebContents): Promise<Page> {
  const inner = internalsOf.get(contents)!;
  if (inner.page !== null && !inner.crashed && !inner.page.isClosed()) return Promise.resolve(inner.page);
  if (inner.opening !== null) return inner.opening;
  const old = inner.page;
  inner.opening = (async () => {
    if (old !== null) {
      inner.host.pages.delete(old);
      await old.close().catch(() => undefined);
    }
    const page = await inner.host.context.newPage();
    await page.setViewportSize(inner.viewport);
    if (inner.preload !== null) await page.addInitScript({ content: preloadScript(inner.host.readPreload(inner.preload), inner.host.deliverName) });
    await page.addInitScript({ content: WINDOW_OPEN_SCRIPT });
    page.on('pageerror', (error) => inner.host.pageErrors.push(`${contents.getURL()}: ${error.message}`));
    page.on('crash', () => {
      inner.crashed = true;
      contents.emit('render-process-gone', { preventDefault: () => undefined }, { reason: 'crashed', exitCode: 139 });
    });
    inner.host.pages.set(page, contents);
    inner.page = page;
    inner.crashed = false;
    inner.opening = null;
    return page;
  })();
  return inner.opening;
}

/** The window was resized: the page's viewport follows (the window's frame is not emulated). */
export function resizeContents(contents: StandinWebContents, size: { width: number; height: number }): void {
  const inner = internalsOf.get(contents)!;
  inner.viewport = size;
  if (inner.page !== null && !inner.page.isClosed()) inner.host.track(inner.page.setViewportSize(size).catch(() => undefined));
}

/** A renderer-initiated navigation of the main frame: main's will-navigate listeners decide; true when it may go on. */
export function allowNavigation(contents: StandinWebContents, chromiumUrl: string): boolean {
  const inner = internalsOf.get(contents)!;
  if (inner.programmatic.has(chromiumUrl)) return true;
  let prevented = false;
  const url = fromChromiumUrl(chromiumUrl);
  const event = { url, isSameDocument: false, isMainFrame: true, preventDefault: () => void (prevented = true), get defaultPrevented() { return prevented; } };
  contents.emit('will-navigate', event, url);
  return !prevented;
}

/** window.open in the page: main's handler decides; an allowed window is recorded but not opened by the stand-in. */
export function windowOpen(contents: StandinWebContents, url: string, frameName: string, features: string): void {
  const inner = internalsOf.get(contents)!;
  const handler = inner.openHandler;
  if (handler === null) {
    inner.host.windowOpens.push({ url, action: 'no handler' });
    return;
  }
  const answer = handler({ url, frameName, features, disposition: 'new-window', referrer: { url: contents.getURL(), policy: 'strict-origin-when-cross-origin' } });
  inner.host.windowOpens.push({ url, action: answer.action });
}

export function destroyContents(contents: StandinWebContents): void {
  const inner = internalsOf.get(contents)!;
  if (inner.destroyed) return;
  inner.destroyed = true;
  contents.emit('destroyed', { preventDefault: () => undefined });
  inner.host.changes.emit('change');
  const page = inner.page;
  if (page !== null) {
    inner.host.pages.delete(page);
    inner.host.track(page.close().catch(() => undefined));
  }
}
