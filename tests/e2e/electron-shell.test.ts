import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../app/ipc/contract';
import { launchChromium } from '../support/chromium';
import type { StandinBrowserWindow } from '../support/electron-standin/browser-window';
import { decodeQrFromPng } from '../support/qr-decode';
import { PRELOAD_BUNDLE, pageUrlOf, startShell, type ShellRun } from '../support/electron-standin/shell-run';

/**
 * The Electron shell end to end without Electron's binary: the real dist/electron/main.cjs, with
 * `electron` answered by the stand-in runtime (tests/support/electron-standin/), each window a
 * Chromium page running the real dist/electron/preload.cjs. What this cannot prove is in that
 * folder's README; the `_electron` smoke test covers it where the binary exists.
 */

const PRIMARY = { id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 }, label: 'Cashier monitor' };
const SECOND = { id: 2, bounds: { x: 1280, y: 0, width: 1024, height: 768 }, label: 'Customer monitor' };
const THIRD = { id: 3, bounds: { x: 2304, y: 0, width: 800, height: 480 }, label: 'Small customer monitor' };

let browser: Browser;
let xdgHome: string;
const xdgBefore = process.env.XDG_CONFIG_HOME;

beforeAll(async () => {
  browser = await launchChromium();
  // A packaged app on Linux keeps its autostart entry in sync; keep it out of the real ~/.config.
  xdgHome = mkdtempSync(path.join(tmpdir(), 'qr-standin-xdg-'));
  process.env.XDG_CONFIG_HOME = xdgHome;
});

afterAll(async () => {
  await browser?.close();
  if (xdgBefore === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = xdgBefore;
  rmSync(xdgHome, { recursive: true, force: true });
});

const placedEntries = (run: ShellRun) => run.logEntries().filter((e) => e.message === 'customer display placed' || e.message === 'customer display moved');

const scanSlip = async (cashier: Page): Promise<string> => {
  const src = (await cashier.locator('[data-testid=receipt-image]').getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/png;base64,/);
  return decodeQrFromPng(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')) ?? 'no QR on the slip';
};

describe('main.cjs with one display', () => {
  it('opens the cashier screen alone, says there is no customer display, prints the QR there, and follows a second monitor in and out', async () => {
    const run = await startShell(browser, { displays: [PRIMARY] });
    try {
      const cashierWindow = await run.window('cashier');
      const cashier = await run.page('cashier');
      await cashier.locator('[data-testid=demo-banner]').waitFor();
      expect(run.standin.pageErrors).toEqual([]);
      expect(run.standin.record(cashierWindow).maximized).toBe(true);
      expect(cashierWindow.getBounds()).toEqual(PRIMARY_WORK_AREA);
      // No second monitor: no customer window at all, and the device bar says why.
      expect(run.standin.windows()).toEqual([cashierWindow]);
      expect(placedEntries(run)[0]).toMatchObject({ kind: 'none', displayId: null, reason: 'only one display; no customer window' });
      const chip = cashier.locator('[data-testid="device-customer-display"]');
      await expect.poll(() => chip.getAttribute('data-health')).toBe('attention');
      expect(await chip.innerText()).toContain('No customer display (one monitor)');
      expect(await chip.getAttribute('title')).toContain('Only one monitor is connected');

      // Without a customer display the QR slip prints by itself (autoPrintQrSlip "without_display"), shown on the cashier screen.
      for (const key of ['1', '2', '3', '4']) await cashier.keyboard.press(key);
      await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain('12.34');
      await cashier.keyboard.press('Enter');
      await cashier.locator('[data-testid=payment-status][data-status=awaiting]').waitFor();
      await cashier.locator('[data-testid=print-outcome][data-outcome=printed]').waitFor();
      const printed = await scanSlip(cashier);
      expect(printed).toMatch(/^DEMO-/);
      expect(JSON.stringify(await cashier.evaluate(() => window.pos!.getSnapshot()))).toContain(printed);

      // A second monitor: the customer window opens full screen on it, showing the sale in progress.
      run.standin.screen.add(SECOND);
      const display = await run.window('display');
      await expect.poll(() => display.isFullScreen()).toBe(true);
      expect(display.getBounds()).toEqual(SECOND.bounds);
      expect(run.standin.record(display).options).toMatchObject({ frame: false, focusable: false, skipTaskbar: true });
      const displayPage = await run.page('display');
      await displayPage.locator('[data-testid=qr]').waitFor();
      expect(decodeQrFromPng(await displayPage.screenshot())).toBe(printed);
      await expect.poll(() => chip.getAttribute('data-health')).toBe('ok');
      expect(await chip.innerText()).toContain('Customer display');

      // Unplugged: the window closes, and the note is back.
      run.standin.screen.remove(SECOND.id);
      await expect.poll(() => display.isDestroyed()).toBe(true);
      expect(run.standin.windows()).toEqual([cashierWindow]);
      await expect.poll(() => chip.innerText()).toContain('No customer display (one monitor)');
      expect(await chip.getAttribute('data-health')).toBe('attention');
      expect(placedEntries(run).map((e) => [e.kind, e.displayId])).toEqual([
        ['none', null],
        ['fullscreen', 2],
        ['none', null],
      ]);
      await cashier.locator('[data-testid=demo-paid]').click();
      await cashier.locator('[data-testid=payment-status][data-status=paid]').waitFor();
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});

const PRIMARY_WORK_AREA = { x: 0, y: 0, width: 1280, height: 760 };

describe('main.cjs with two displays', () => {
  it('puts the customer display full screen on the second one, closes it when that goes, and opens it again when it returns', async () => {
    const run = await startShell(browser, { displays: [PRIMARY, SECOND] });
    try {
      const display = await run.window('display');
      await expect.poll(() => display.isFullScreen()).toBe(true);
      expect(display.getBounds()).toEqual(SECOND.bounds);
      expect(run.standin.record(display).options).toMatchObject({ frame: false, focusable: false, skipTaskbar: true });
      expect(await (await run.page('display')).evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([1024, 768]);

      run.standin.screen.remove(SECOND.id);
      // One monitor left: the customer window closes rather than cover the cashier screen.
      await expect.poll(() => display.isDestroyed()).toBe(true);
      expect(run.standin.windows().map((w) => w.webContents.getURL())).toEqual([pageUrlOf('cashier')]);

      run.standin.screen.add(SECOND);
      const back = await run.window('display');
      await expect.poll(() => back.isFullScreen()).toBe(true);
      expect(back.getBounds()).toEqual(SECOND.bounds);
      expect(placedEntries(run).map((e) => [e.kind, e.displayId])).toEqual([
        ['fullscreen', 2],
        ['none', null],
        ['fullscreen', 2],
      ]);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('uses the display --customer-display names', async () => {
    const run = await startShell(browser, { displays: [PRIMARY, SECOND, THIRD], switches: { 'customer-display': '3' } });
    try {
      const display = await run.window('display');
      await expect.poll(() => display.isFullScreen()).toBe(true);
      expect(display.getBounds()).toEqual(THIRD.bounds);
      expect(placedEntries(run)[0]).toMatchObject({ kind: 'fullscreen', displayId: 3, reason: 'configured display 3' });
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});

describe('a running shell, over IPC', () => {
  let run: ShellRun;

  beforeAll(async () => {
    run = await startShell(browser, { displays: [PRIMARY, SECOND] });
    await (await run.page('cashier')).locator('[data-testid=demo-banner]').waitFor();
    await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
  });

  afterAll(async () => {
    expect(await run?.stop()).toBe(0);
  });

  it('registers a handler for every command in the contract, and nothing else', () => {
    expect(run.standin.handledChannels().sort()).toEqual(COMMAND_NAMES.map((c) => `pos:command:${c}`).sort());
  });

  it('takes a demo sale from the cashier window to paid, with the QR scanned from the customer window', async () => {
    const cashier = await run.page('cashier');
    const display = await run.page('display');
    const sockets: string[] = [];
    cashier.on('websocket', (ws) => sockets.push(ws.url()));
    display.on('websocket', (ws) => sockets.push(ws.url()));
    expect(await cashier.evaluate(() => typeof window.pos)).toBe('object');

    for (const key of ['1', '2', '3', '4']) await cashier.keyboard.press(key);
    await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain('12.34');
    await cashier.keyboard.press('Enter');
    await cashier.locator('[data-testid=payment-status][data-status=awaiting]').waitFor();
    await display.locator('[data-testid=qr]').waitFor();

    const scanned = decodeQrFromPng(await display.screenshot());
    expect(scanned).toMatch(/^DEMO-/);
    const snapshot = await cashier.evaluate(() => window.pos!.getSnapshot());
    expect(JSON.stringify(snapshot)).toContain(scanned);

    await cashier.locator('[data-testid=demo-paid]').click();
    await cashier.locator('[data-testid=payment-status][data-status=paid]').waitFor();
    await display.locator('[data-testid=display-state][data-status=paid]').waitFor();
    // The other transport: no page opened a WebSocket.
    expect(sockets).toEqual([]);
  });

  it('refuses the customer display a charge, and any window that is not one of the terminal’s', async () => {
    const display = await run.page('display');
    const fromDisplay = await display.evaluate(() => window.pos!.charge({ amount: { minor: 100, currency: 'SGD' }, method: 'demo' } as never));
    expect(fromDisplay).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const BrowserWindow = run.standin.electron.BrowserWindow as new (options: object) => StandinBrowserWindow;
    const stray = new BrowserWindow({ show: false, webPreferences: { preload: PRELOAD_BUNDLE, contextIsolation: true, sandbox: true } });
    try {
      await stray.loadURL(pageUrlOf('cashier'));
      const page = await run.standin.page(stray);
      expect(await page.evaluate(() => window.pos!.getSnapshot())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(run.logEntries().some((e) => e.message === 'ipc sender rejected' && e.reason === 'the sender is not one of the terminal windows')).toBe(true);
    } finally {
      stray.destroy();
    }
  });

  it('refuses a terminal window once it shows another page', async () => {
    const display = await run.window('display');
    // Loaded by main's own API (no will-navigate), as only main could: the window is ours, the page is not its page.
    await display.webContents.loadURL(pageUrlOf('cashier'));
    const page = await run.standin.page(display);
    expect(await page.evaluate(() => window.pos!.getSnapshot())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(run.logEntries().some((e) => e.message === 'ipc sender rejected' && e.reason === 'the sending frame is not showing the terminal page')).toBe(true);
    await display.webContents.loadURL(pageUrlOf('display'));
    expect(await page.evaluate(() => window.pos!.getSnapshot())).toMatchObject({ ok: true });
  });

  it('opens both windows hardened as the security checklist asks', async () => {
    for (const role of ['cashier', 'display'] as const) {
      const window = await run.window(role);
      expect(run.standin.record(window).options.webPreferences).toEqual({
        preload: PRELOAD_BUNDLE,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        // An installed app: no developer tools at the counter.
        devTools: false,
      });
    }
    expect(run.standin.app.sandboxEnabled).toBe(true);
    // app:// is a standard, secure scheme and nothing more; file: is answered by a handler that serves nothing.
    expect(run.standin.session.privileged.get('app')).toEqual({ standard: true, secure: true });
    const fileHandler = run.standin.session.handlers.get('file');
    expect(fileHandler).toBeDefined();
    const fileAnswer = await fileHandler!(new Request('file:///etc/passwd'));
    expect(fileAnswer.status).toBe(404);
    const appHandler = run.standin.session.handlers.get('app')!;
    const pageAnswer = await appHandler(new Request(pageUrlOf('cashier')));
    expect(pageAnswer.headers.get('content-security-policy')).toContain("default-src 'none'");
    // Every permission a page may ask for is refused, in the session.
    const granted = await new Promise<boolean>((resolve) => run.standin.session.permissionRequest!(null as never, 'media', resolve, {} as never));
    expect(granted).toBe(false);
    expect(run.standin.session.permissionCheck!(null, 'serial', 'app://terminal', {} as never)).toBe(false);
    expect(run.standin.crashReporterStarts).toEqual([{ productName: 'QR Counter Terminal', uploadToServer: false, compress: true }]);
  });

  it('denies navigation away from the page and window.open', async () => {
    const cashier = await run.page('cashier');
    await cashier.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await expect.poll(() => run.logEntries().some((e) => e.message === 'navigation blocked' && e.url === 'https://example.com/')).toBe(true);
    expect((await run.window('cashier')).webContents.getURL()).toBe(pageUrlOf('cashier'));

    const opened = await cashier.evaluate(() => window.open('https://example.com/popup') === null);
    expect(opened).toBe(true);
    await expect.poll(() => run.standin.windowOpens).toEqual([{ url: 'https://example.com/popup', action: 'deny' }]);
    expect(run.standin.windows()).toHaveLength(2);
  });
});
