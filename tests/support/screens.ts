import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './paths';
import { decodeQrFromPng } from './qr-decode';

export interface Screens {
  readonly cashier: Page;
  readonly display: Page;
  /** Every WebSocket frame either screen received. */
  readonly frames: string[];
  close(): Promise<void>;
}

export interface ScreenOptions {
  /** Lets a test inject a script of its own (axe-core): the pages' policy forbids inline scripts. */
  readonly bypassCSP?: boolean;
  /**
   * Installs Playwright's clock in the display before it loads, so a test can move the display's own
   * timers (countdown, paid hold) with `display.clock` instead of waiting. Time still flows until paused.
   */
  readonly displayClock?: boolean;
  /** The cashier screen's size; 1280×800 unless a test sizes it. */
  readonly cashierViewport?: { readonly width: number; readonly height: number };
}

/** Opens the cashier screen and the customer display side by side, as at a counter with two monitors. */
export async function openScreens(browser: Browser, urls: { cashier: string; display: string }, options: ScreenOptions = {}): Promise<Screens> {
  const bypassCSP = options.bypassCSP ?? false;
  const cashierContext = await browser.newContext({ viewport: options.cashierViewport ?? { width: 1280, height: 800 }, bypassCSP });
  const displayContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP });
  const cashier = await cashierContext.newPage();
  const display = await displayContext.newPage();
  if (options.displayClock === true) await display.clock.install();
  const frames: string[] = [];
  for (const page of [cashier, display]) {
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  }
  await Promise.all([cashier.goto(urls.cashier), display.goto(urls.display)]);
  return {
    cashier,
    display,
    frames,
    close: async () => {
      await cashierContext.close();
      await displayContext.close();
    },
  };
}

export const status = (page: Page, value: string) => page.locator(`[data-testid="payment-status"][data-status="${value}"]`);
export const displayState = (page: Page, value: string) => page.locator(`[data-testid="display-state"][data-status="${value}"]`);

/** Reads the QR the way a customer's phone does: from a screenshot of the whole display page. */
export async function scanDisplay(display: Page): Promise<string | null> {
  await display.locator('[data-testid="qr"]').waitFor();
  return decodeQrFromPng(await display.screenshot());
}

/** Saves a screenshot to tests/artifacts/screenshots; `npm run screenshots` copies the README's into tests/screenshots. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Ends a finished sale from the cashier screen and waits for the customer display to go idle. */
export async function newSale(screens: Screens): Promise<void> {
  await screens.cashier.locator('[data-testid="new-sale"]').click();
  await displayState(screens.display, 'idle').waitFor();
}
