import type { Browser, Page } from 'playwright-core';
import type { StandinBrowserWindow } from '../support/electron-standin/browser-window';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { pageUrlOf, startShell } from '../support/electron-standin/shell-run';
import { decodeQrFromPng } from '../support/qr-decode';

/** The Electron shell's life: one instance per profile, and a customer window whose renderer dies is opened again, within bounds. */

const ONE_DISPLAY = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }];
const SECOND = { id: 2, bounds: { x: 1280, y: 0, width: 1024, height: 768 } };
const TWO_DISPLAYS = [...ONE_DISPLAY, SECOND];

const chipOf = (cashier: Page) => cashier.locator('[data-testid="device-customer-display"]');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Electron shell’s lifecycle', () => {
  it('refuses a second instance on the same profile and brings the first one’s cashier screen forward', async () => {
    const first = await startShell(browser, { displays: ONE_DISPLAY });
    try {
      const cashier = await first.window('cashier');
      await (await first.page('cashier')).locator('[data-testid=demo-banner]').waitFor();
      cashier.minimize();
      // Another window takes the focus (with one monitor the terminal has no other window).
      const BrowserWindow = first.standin.electron.BrowserWindow as new (options: object) => StandinBrowserWindow;
      const other = new BrowserWindow({ show: false });
      other.focus();
      expect(cashier.isFocused()).toBe(false);

      const second = await startShell(browser, { displays: ONE_DISPLAY, userData: first.userData });
      // It quits before 'ready': no window, no service, the first terminal's data left alone.
      expect(await second.standin.app.exited).toBe(0);
      expect(second.standin.windows()).toEqual([]);
      expect(second.standin.app.ready).toBe(false);
      await second.stop();

      await expect.poll(() => cashier.isFocused()).toBe(true);
      expect(cashier.isMinimized()).toBe(false);
      other.destroy();
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it('opens a new customer window on the same monitor when its renderer crashes, and reports it', async () => {
    const run = await startShell(browser, { displays: TWO_DISPLAYS });
    try {
      const cashier = await run.page('cashier');
      const display = await run.window('display');
      await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
      await expect.poll(() => chipOf(cashier).getAttribute('data-health')).toBe('ok');
      display.webContents.forcefullyCrashRenderer();
      await expect
        .poll(() => run.logEntries().find((e) => e.message === 'customer display crashed; opening it again'))
        .toMatchObject({ level: 'error', reason: 'crashed', crashes: 1, withinSeconds: 60 });
      // Not reloaded in place: the window is destroyed and a new one, with a new web contents, takes its place.
      await expect.poll(() => display.isDestroyed()).toBe(true);
      const again = await run.window('display');
      expect(again.webContents.id).not.toBe(display.webContents.id);
      expect(run.standin.record(again).options).toEqual(run.standin.record(display).options);
      await expect.poll(() => again.isFullScreen()).toBe(true);
      expect(again.getBounds()).toEqual(SECOND.bounds);
      await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
      expect(run.standin.windows()).toHaveLength(2);
      // The device bar says so, in words and in its tooltip.
      await expect.poll(() => chipOf(cashier).innerText()).toContain('Customer display restarted');
      expect(await chipOf(cashier).getAttribute('data-health')).toBe('attention');
      expect(await chipOf(cashier).getAttribute('title')).toContain('stopped working and was opened again');
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('brings a crashed customer display back mid-sale with the same QR, while the cashier’s sale goes on', async () => {
    const run = await startShell(browser, { displays: TWO_DISPLAYS });
    try {
      const cashier = await run.page('cashier');
      await cashier.locator('[data-testid=demo-banner]').waitFor();
      for (const key of ['1', '2', '3', '4']) await cashier.keyboard.press(key);
      await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain('12.34');
      await cashier.keyboard.press('Enter');
      await cashier.locator('[data-testid=payment-status][data-status=awaiting]').waitFor();
      await (await run.page('display')).locator('[data-testid=qr]').waitFor();
      const shown = decodeQrFromPng(await (await run.page('display')).screenshot());
      expect(shown).toMatch(/^DEMO-/);

      const crashed = await run.window('display');
      crashed.webContents.forcefullyCrashRenderer();
      await expect.poll(() => crashed.isDestroyed()).toBe(true);
      // The new window asks main for the state and shows the same payment's QR.
      const display = await run.page('display');
      await display.locator('[data-testid=qr]').waitFor();
      expect(decodeQrFromPng(await display.screenshot())).toBe(shown);
      expect(await cashier.locator('[data-testid=payment-status]').getAttribute('data-status')).toBe('awaiting');
      await expect.poll(() => chipOf(cashier).innerText()).toContain('Customer display restarted');
      await cashier.locator('[data-testid=demo-paid]').click();
      await display.locator('[data-testid=display-state][data-status=paid]').waitFor();
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('stops re-creating a customer window that keeps crashing, and says so on the device bar', async () => {
    const run = await startShell(browser, { displays: TWO_DISPLAYS });
    try {
      const cashier = await run.page('cashier');
      // Three re-creations a minute (electron/main/crash-restarts.ts); the fourth crash leaves it closed.
      for (let crash = 1; crash <= 4; crash += 1) {
        const window = await run.window('display');
        await (await run.standin.page(window)).locator('[data-testid=demo-banner]').waitFor();
        window.webContents.forcefullyCrashRenderer();
        await expect.poll(() => window.isDestroyed()).toBe(true);
      }
      await expect
        .poll(() => run.logEntries().find((e) => e.message === 'customer display crashed too often; left closed'))
        .toMatchObject({ level: 'error', crashes: 4, withinSeconds: 60 });
      expect(run.logEntries().filter((e) => e.message === 'customer display crashed; opening it again')).toHaveLength(3);
      expect(run.standin.windows().map((w) => w.webContents.getURL())).toEqual([pageUrlOf('cashier')]);
      await expect.poll(() => chipOf(cashier).getAttribute('data-health')).toBe('fault');
      expect(await chipOf(cashier).innerText()).toContain('Customer display stopped');
      expect(await chipOf(cashier).getAttribute('title')).toContain('4 times within 60 seconds');

      // With no customer display left the QR slip prints by itself, on the cashier screen.
      for (const key of ['5', '0', '0']) await cashier.keyboard.press(key);
      await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain('5.00');
      await cashier.keyboard.press('Enter');
      await cashier.locator('[data-testid=print-outcome][data-outcome=printed]').waitFor();
      // A monitor plugged in later does not bring it back: it stays given up on until a restart.
      const moves = () => run.logEntries().filter((e) => e.message === 'customer display moved').length;
      run.standin.screen.remove(SECOND.id);
      await expect.poll(moves).toBe(1);
      run.standin.screen.add(SECOND);
      await expect.poll(moves).toBe(2);
      expect(run.standin.windows()).toHaveLength(1);
      expect(await chipOf(cashier).innerText()).toContain('Customer display stopped');
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('closes the re-created customer window when its monitor goes while it loads, and shows the one-monitor note', async () => {
    const run = await startShell(browser, { displays: TWO_DISPLAYS });
    try {
      const cashier = await run.page('cashier');
      const display = await run.window('display');
      await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
      display.webContents.forcefullyCrashRenderer();
      await expect.poll(() => run.logEntries().some((e) => e.message === 'customer display crashed; opening it again')).toBe(true);
      // The new window is on its way; the monitor goes at once.
      run.standin.screen.remove(SECOND.id);
      await expect.poll(() => run.logEntries().some((e) => e.message === 'customer display moved' && e.kind === 'none')).toBe(true);
      expect(display.isDestroyed()).toBe(true);
      expect(run.standin.windows().map((w) => w.webContents.getURL())).toEqual([pageUrlOf('cashier')]);
      await expect.poll(() => chipOf(cashier).innerText()).toContain('No customer display (one monitor)');
      // Back with the monitor: a window again, the crash forgiven as one of three a minute.
      run.standin.screen.add(SECOND);
      const back = await run.window('display');
      await expect.poll(() => back.isFullScreen()).toBe(true);
      await expect.poll(() => chipOf(cashier).getAttribute('data-health')).toBe('ok');
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('from a checkout without Electron’s build of SQLite, says why it cannot start and exits 1', async () => {
    // Unpackaged, main looks for dist/native/electron-<version>-…/better_sqlite3.node, which only `npm start` builds.
    const run = await startShell(browser, { displays: ONE_DISPLAY, packaged: false });
    try {
      expect(await run.standin.app.exited).toBe(1);
      expect(run.standin.errorBoxes).toEqual([{ title: 'QR Counter Terminal cannot start', content: expect.stringContaining('The terminal service did not start') as string }]);
      expect(run.standin.windows()).toEqual([]);
    } finally {
      expect(await run.stop()).toBe(1);
    }
  });
});
