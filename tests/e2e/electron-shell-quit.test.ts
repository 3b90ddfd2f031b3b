import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startShell } from '../support/electron-standin/shell-run';
import { HeldPrinter } from '../support/held-printer';

/**
 * Quitting the Electron shell (the real dist/electron/main.cjs through the stand-in) while a slip is
 * on its way to the printer: main's before-quit drain (electron/main/quit-after-service.ts) waits
 * for the service to close, and the printer service waits for the job, so the app ends only after
 * the printer has the slip.
 */

const ONE_DISPLAY = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }];

let browser: Browser;
let userData: string;
let held: HeldPrinter;
let xdgHome: string;
const xdgBefore = process.env.XDG_CONFIG_HOME;

beforeAll(async () => {
  browser = await launchChromium();
  // A packaged app on Linux keeps its autostart entry in sync; keep it out of the real ~/.config.
  xdgHome = mkdtempSync(path.join(tmpdir(), 'qr-standin-xdg-'));
  process.env.XDG_CONFIG_HOME = xdgHome;
  held = new HeldPrinter();
  const port = await held.listen();
  userData = mkdtempSync(path.join(tmpdir(), 'qr-standin-quit-'));
  writeFileSync(
    path.join(userData, 'settings.json'),
    // Nothing prints by itself: the only job is the test page this test asks for.
    JSON.stringify({ printer: { connection: { kind: 'tcp', host: '127.0.0.1', port }, autoPrintQrSlip: 'never', autoPrintReceipt: false } }),
    { mode: 0o600 },
  );
});

afterAll(async () => {
  await held?.close();
  await browser?.close();
  if (xdgBefore === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = xdgBefore;
  rmSync(xdgHome, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('quitting the Electron shell', () => {
  it('waits for the slip being printed: the printer gets it, and only then does the app end', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY, userData });
    try {
      const cashier = await run.page('cashier');
      // The first status poll has been answered: the printer is ready and idle.
      await cashier.locator('[data-testid="device-printer"][data-health="ok"]').waitFor();

      held.hold();
      const heldNow = held.nextHeld();
      // Not awaited in the page: the windows close while the job is still on its way.
      await cashier.evaluate(() => {
        void window.pos!.printTest({ page: 'test_qr' });
      });
      // The job asks the printer how it is before sending its bytes, and waits for the answer.
      await heldNow;

      const order: string[] = [];
      const printed = held.printer.nextReceipt().then((receipt) => {
        order.push('printed');
        return receipt;
      });
      const exited = run.standin.quit().then((code) => {
        order.push('exited');
        return code;
      });
      // Quitting has begun (the windows are gone) but the app waits for the job.
      expect(run.standin.windows().every((w) => w.isDestroyed())).toBe(true);
      expect(run.standin.app.exitCode).toBeNull();
      expect(run.logEntries().some((e) => e.message === 'terminal stopped')).toBe(false);

      held.release();
      const receipt = await printed;
      expect(receipt.qrPayloads).toEqual([expect.stringMatching(/^QR COUNTER TERMINAL TEST /) as string]);
      expect(await exited).toBe(0);
      expect(order).toEqual(['printed', 'exited']);

      const log = run.logEntries();
      expect(log.some((e) => e.message === 'printer closed before its last job finished')).toBe(false);
      expect(log.at(-1)).toMatchObject({ message: 'terminal stopped', exitCode: 0 });
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});
