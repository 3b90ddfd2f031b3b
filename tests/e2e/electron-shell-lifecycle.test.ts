import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startShell } from '../support/electron-standin/shell-run';
import { decodeQrFromPng } from '../support/qr-decode';

/** The Electron shell's life: one instance per profile, and a screen whose renderer dies comes back. */

const ONE_DISPLAY = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }];

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
      (await first.window('display')).focus();
      expect(cashier.isFocused()).toBe(false);

      const second = await startShell(browser, { displays: ONE_DISPLAY, userData: first.userData });
      // It quits before 'ready': no window, no service, the first terminal's data left alone.
      expect(await second.standin.app.exited).toBe(0);
      expect(second.standin.windows()).toEqual([]);
      expect(second.standin.app.ready).toBe(false);
      await second.stop();

      await expect.poll(() => cashier.isFocused()).toBe(true);
      expect(cashier.isMinimized()).toBe(false);
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it('reloads the customer display when its renderer crashes, and logs it', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY });
    try {
      const display = await run.window('display');
      await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
      display.webContents.forcefullyCrashRenderer();
      await expect
        .poll(() => run.logEntries().find((e) => e.message === 'screen crashed; reloading'))
        .toMatchObject({ level: 'error', role: 'display', reason: 'crashed' });
      // The same window, a new renderer showing the page again.
      expect(display.isDestroyed()).toBe(false);
      await expect.poll(() => display.webContents.isCrashed()).toBe(false);
      await (await run.page('display')).locator('[data-testid=demo-banner]').waitFor();
      expect(await run.window('display')).toBe(display);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('brings a crashed customer display back mid-sale with the same QR, while the cashier’s sale goes on untold', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY });
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

      (await run.window('display')).webContents.forcefullyCrashRenderer();
      await expect.poll(() => run.logEntries().some((e) => e.message === 'screen crashed; reloading' && e.role === 'display')).toBe(true);
      // The reloaded page asks main for the state again and shows the same payment's QR.
      const display = await run.page('display');
      await display.locator('[data-testid=qr]').waitFor();
      expect(decodeQrFromPng(await display.screenshot())).toBe(shown);
      // Main only logs the crash: the cashier's sale is still waiting and the device bar still says the display is there.
      expect(await cashier.locator('[data-testid=payment-status]').getAttribute('data-status')).toBe('awaiting');
      expect(await cashier.locator('[data-testid="device-customer-display"]').getAttribute('data-health')).toBe('ok');
      await cashier.locator('[data-testid=demo-paid]').click();
      await display.locator('[data-testid=display-state][data-status=paid]').waitFor();
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
