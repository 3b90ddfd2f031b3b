import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { decodeQrFromPng } from '../support/qr-decode';
import { displayState, saveScreenshot, status } from '../support/screens';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const byTestId = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`);

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${String(locator)} has no box`);
  return found;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, width: number, height: number): boolean => a.x >= 0 && a.y >= 0 && a.x + a.width <= width && a.y + a.height <= height;

/** Whether the element's text overflows its own box (a clipped or wrapped amount shows here). */
const overflows = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

let browser: Browser;
let terminal: InProcessTerminal;
let cashier: Page;
let cashierContext: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  // Demo mode (the default) so the demo label is up, Chinese first as the counter has it.
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, language: { display: ['zh-Hans', 'en'] } });
  cashierContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cashier = await cashierContext.newPage();
  await cashier.goto(terminal.host.urls.cashier);
});

afterAll(async () => {
  await cashierContext?.close();
  await browser?.close();
  await terminal?.close();
});

/** Leaves the cashier ready for the next sale whatever state a failed test left it in. */
async function endSale(): Promise<void> {
  const cancel = cashier.locator('[data-testid="cancel"]');
  if (await cancel.isVisible()) await cancel.click();
  const next = cashier.locator('[data-testid="new-sale"]');
  await next.waitFor({ timeout: 10_000 }).catch(() => undefined);
  if (await next.isVisible()) await next.click();
}

/**
 * Opens the display at one size with its WebSocket routed through the test, so the test can cut the
 * link as a network would and keep it down while it looks at the screen.
 */
async function openDisplay(width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  let down = false;
  const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/api\?/, (ws) => {
    if (down) {
      void ws.close({ code: 4000, reason: 'still cut by the test' });
      return;
    }
    routes.push({ page: ws, server: ws.connectToServer() });
  });
  await page.goto(terminal.host.urls.display);
  const cut = async (): Promise<void> => {
    down = true;
    for (const route of routes.splice(0)) {
      await route.server.close();
      await route.page.close({ code: 4000, reason: 'cut by the test' });
    }
  };
  const restore = (): void => {
    down = false;
  };
  return { page, context, cut, restore };
}

describe.each([
  [800, 480],
  [1920, 1080],
] as const)('the customer display at %i×%i, Chinese first', (width, height) => {
  it('puts the QR beside the amount, with the lost-link notice in Chinese, uncovered; the paid screen shows the amount', async () => {
    const { page, context, cut, restore } = await openDisplay(width, height);
    try {
      await displayState(page, 'idle').waitFor();
      await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '123456', shown: '1,234.56' });
      const record = demoRecords(terminal.service).at(-1);
      if (record === undefined) throw new Error('the simulated provider holds no payment');
      const qrLocator = byTestId(page, 'qr');
      await qrLocator.waitFor();
      await expect.poll(async () => (await qrLocator.boundingBox())?.width ?? 0).toBeGreaterThan(0);

      const amount = byTestId(page, 'display-amount');
      expect(await amount.innerText()).toBe('SGD 1,234.56');
      const [qr, amountBox, instruction, demo] = await Promise.all([box(qrLocator), box(amount), box(byTestId(page, 'display-instruction')), box(byTestId(page, 'demo-banner'))]);
      // Landscape: the QR stands beside the text, at (nearly) the screen's full height, and the two fill the width.
      expect(amountBox.x + amountBox.width).toBeLessThanOrEqual(qr.x);
      expect(instruction.x + instruction.width).toBeLessThanOrEqual(qr.x);
      // Larger than the stacked layout left it (about 60% of the height at 800×480), quiet zone included.
      expect(qr.height).toBeGreaterThan(height * 0.78);
      const column = await box(page.locator('.qr-view__text'));
      expect(qr.x + qr.width - column.x).toBeGreaterThan(width * 0.9);
      // The amount takes most of its column's width, or the screen's height caps it.
      expect(amountBox.width > column.width * 0.8 || amountBox.height > height * 0.15).toBe(true);
      // The amount is large in its column and on one line: it shrinks to fit rather than wrap or clip.
      expect(await overflows(amount)).toBe(false);
      expect(amountBox.height).toBeLessThan((await amount.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))) * 1.5);
      for (const other of [qr, amountBox, instruction]) expect(overlaps(demo, other)).toBe(false);
      expect(decodeQrFromPng(await page.screenshot())).toBe(record.qr_payload);
      await saveScreenshot(page, `display-qr-${width}x${height}`);

      await cut();
      const notice = byTestId(page, 'connection-status');
      await page.locator('[data-testid="connection-status"][data-status="reconnecting"]').waitFor();
      expect(await byTestId(page, 'connection-words').innerText()).toBe('连接已断开，正在重新连接…\nConnection lost — reconnecting…');
      expect(await page.locator('[data-testid="connection-words"] [lang="zh-Hans"]').count()).toBe(1);
      const [noticeBox, demoBox, qrNow, amountNow] = await Promise.all([box(notice), box(byTestId(page, 'demo-banner')), box(qrLocator), box(amount)]);
      expect(inside(noticeBox, width, height)).toBe(true);
      expect(inside(demoBox, width, height)).toBe(true);
      for (const other of [demoBox, qrNow, amountNow]) expect(overlaps(noticeBox, other)).toBe(false);
      // What is on top at the notice's centre is the notice itself: nothing covers it.
      const centre = { x: noticeBox.x + noticeBox.width / 2, y: noticeBox.y + noticeBox.height / 2 };
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="connection-status"]') !== null, centre)).toBe(true);
      await saveScreenshot(page, `display-connection-lost-${width}x${height}`);
      restore();
      await notice.waitFor({ state: 'detached' });

      await cashier.locator('[data-testid="demo-paid"]').click();
      await status(cashier, 'paid').waitFor();
      await displayState(page, 'paid').waitFor();
      expect(await byTestId(page, 'display-headline').innerText()).toBe('谢谢惠顾\nThank you');
      expect(await amount.innerText()).toBe('SGD 1,234.56');
      const paidAmount = await box(amount);
      expect(inside(paidAmount, width, height)).toBe(true);
      expect(await overflows(amount)).toBe(false);
      await saveScreenshot(page, `display-paid-${width}x${height}`);
    } finally {
      await endSale();
      await context.close();
    }
  });
});
