import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cameraView, FRAME_WIDTH } from '../support/camera-view';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { REPO_ROOT } from '../support/paths';
import { decodeQrFromRgba } from '../support/qr-decode';
import { displayState, newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).innerText();
const soundCues = (page: Page) => page.evaluate(() => document.documentElement.dataset.soundCues ?? '');

/** Charges a demo sale and returns what the simulated provider holds for it. */
async function demoSale(terminal: InProcessTerminal, screens: Screens, keys: string, shown: string) {
  await keySale(screens.cashier, { currency: 'SGD', method: 'demo', keys, shown });
  const record = demoRecords(terminal.service).at(-1);
  if (record === undefined) throw new Error('the simulated provider holds no payment');
  await screens.display.locator('[data-testid="qr"]').waitFor();
  return record;
}

describe('the customer display in Malay and English, sounds on', () => {
  let terminal: InProcessTerminal;
  let screens: Screens;

  beforeAll(async () => {
    // 130 s: the countdown (last two minutes) is hidden at first and shows some ten seconds in.
    terminal = await startInProcessTerminal({ merchant: { name: 'Kedai Kopi Pak Ali' }, language: { display: ['ms', 'en'] }, payment: { qrExpirySeconds: 130 } });
    // The display's own clock is Playwright's: its countdown and paid hold are moved on, not waited for.
    screens = await openScreens(browser, terminal.host.urls, { displayClock: true });
    await displayState(screens.display, 'idle').waitFor();
  });

  afterAll(async () => {
    await screens?.close();
    await terminal?.close();
  });

  it('is idle with the merchant, a welcome in both languages and the time, and nothing to focus', async () => {
    const { display } = screens;
    expect(await display.locator('body').innerText()).toContain('Kedai Kopi Pak Ali');
    expect(await text(display, 'display-welcome')).toBe('Selamat datang\nWelcome');
    expect(await display.locator('[data-testid="display-welcome"] [lang="ms"]').count()).toBe(1);
    expect(await text(display, 'display-clock')).toMatch(/\d{1,2}:\d{2}/);
    expect(await display.evaluate(() => document.documentElement.lang)).toBe('ms');
    const focusable = 'button, input, select, textarea, a[href], [tabindex], [contenteditable="true"]';
    expect(await display.locator(focusable).count()).toBe(0);
  });

  it('shows the amount and the Atome instruction in Malay, English beneath', async () => {
    await keySale(screens.cashier, { currency: 'SGD', method: 'atome', keys: '1250', shown: '12.50' });
    const { display } = screens;
    await display.locator('[data-testid="qr"]').waitFor();
    expect(await text(display, 'display-amount')).toBe('SGD 12.50');
    expect(await text(display, 'display-instruction')).toBe('Imbas dengan aplikasi Atome\nScan with the Atome app');
    // The second language is smaller than the first.
    const sizes = await display.evaluate(() =>
      ['.words__primary', '.words__secondary'].map((s) => parseFloat(getComputedStyle(document.querySelector(`[data-testid="display-instruction"] ${s}`) as Element).fontSize)),
    );
    expect(sizes[1]).toBeLessThan(sizes[0] ?? 0);
    await screens.cashier.locator('[data-testid="cancel"]').click();
    await displayState(display, 'cancelled').waitFor();
    expect(await text(display, 'display-headline')).toBe('Bayaran dibatalkan\nPayment cancelled');
    await newSale(screens);
  });

  it('shows the countdown only in the last two minutes', async () => {
    await demoSale(terminal, screens, '880', '8.80');
    const { display } = screens;
    expect(await display.locator('[data-testid="display-countdown"]').count()).toBe(0);
    // Eleven seconds on, on the display's clock only: the host's QR still lives 130 s of real time.
    await display.clock.fastForward(11_000);
    await display.locator('[data-testid="display-countdown"]').waitFor({ timeout: 30_000 });
    expect(await text(display, 'display-countdown')).toMatch(/^Kod QR tamat tempoh dalam (1:59|2:00|1:5\d)\nQR code expires in \d:\d\d$/);
    await saveScreenshot(display, 'display-countdown');
    await screens.cashier.locator('[data-testid="cancel"]').click();
    await newSale(screens);
  });

  it('shows the tick and thanks when paid, then goes idle while the cashier still shows paid; a paid tone plays', async () => {
    await demoSale(terminal, screens, '1500', '15.00');
    const before = await soundCues(screens.cashier);
    const { display } = screens;
    // The display's clock stands still from before the payment lands, so the hold is measured on it alone.
    await display.clock.pauseAt((await display.evaluate(() => Date.now())) + 1_000);
    await screens.cashier.locator('[data-testid="demo-paid"]').click();
    await status(screens.cashier, 'paid').waitFor();
    await displayState(display, 'paid').waitFor();
    await display.locator('[data-testid="display-tick"]').waitFor();
    expect(await text(display, 'display-headline')).toBe('Terima kasih\nThank you');
    await display.clock.runFor(3_000);
    expect(await displayState(display, 'paid').count()).toBe(1);
    await display.clock.runFor(12_000);
    await displayState(display, 'idle').waitFor();
    await display.clock.resume();
    expect(await status(screens.cashier, 'paid').count()).toBe(1);
    await expect.poll(() => soundCues(screens.cashier)).toBe(`${before} paid`.trim());
    await newSale(screens);
  });

  it('plays the failed tone, once, when a payment fails', async () => {
    await demoSale(terminal, screens, '300', '3.00');
    const before = await soundCues(screens.cashier);
    await screens.cashier.locator('[data-testid="demo-failed"]').click();
    await status(screens.cashier, 'failed').waitFor();
    await displayState(screens.display, 'failed').waitFor();
    expect(await text(screens.display, 'display-headline')).toBe('Bayaran tidak berjaya\nPayment not completed');
    await expect.poll(() => soundCues(screens.cashier)).toBe(`${before} failed`.trim());
    await newSale(screens);
    expect(await soundCues(screens.cashier)).toBe(`${before} failed`.trim());
  });

  it.each([
    [1280, 720],
    [800, 480],
  ] as const)("scans from a phone camera's view of a %i×%i screen at 1 m", async (width, height) => {
    const record = await demoSale(terminal, screens, '4321', '43.21');
    const context = await browser.newContext({ viewport: { width, height } });
    try {
      const page = await context.newPage();
      await page.goto(terminal.host.urls.display);
      const qr = page.locator('[data-testid="qr"]');
      await qr.waitFor();
      await expect.poll(async () => (await qr.boundingBox())?.width ?? 0).toBeGreaterThan(0);
      const box = await qr.boundingBox();
      if (box === null) throw new Error('the QR has no box');
      // The QR takes as much of the screen as the text leaves: most of the height.
      expect(box.height).toBeGreaterThan(height * 0.4);
      const frame = cameraView(await page.screenshot(), box.width);
      expect(frame.qrSidePx).toBeCloseTo(FRAME_WIDTH * 0.25, 0);
      // Kept out of the tree, for a person to look at what the "camera" saw.
      const dir = join(REPO_ROOT, 'dist', 'camera');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `display-camera-${width}x${height}.png`), frame.encodePng());
      expect(decodeQrFromRgba(frame.rgba, frame.width, frame.height)).toBe(record.qr_payload);
    } finally {
      await context.close();
    }
    await screens.cashier.locator('[data-testid="cancel"]').click();
    await newSale(screens);
  });
});

describe('the customer display in Simplified Chinese and English, sounds off', () => {
  let terminal: InProcessTerminal;
  let screens: Screens;

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, language: { display: ['zh-Hans', 'en'] }, sounds: { enabled: false } });
    screens = await openScreens(browser, terminal.host.urls);
    await displayState(screens.display, 'idle').waitFor();
  });

  afterAll(async () => {
    await screens?.close();
    await terminal?.close();
  });

  it('shows the amount and the Orangepill instruction in Chinese, English beneath', async () => {
    expect(await text(screens.display, 'display-welcome')).toBe('欢迎光临\nWelcome');
    await keySale(screens.cashier, { currency: 'SGD', method: 'orangepill', keys: '2080', shown: '20.80' });
    const { display } = screens;
    await display.locator('[data-testid="qr"]').waitFor();
    expect(await text(display, 'display-amount')).toBe('SGD 20.80');
    expect(await text(display, 'display-instruction')).toBe('请使用 Orangepill 扫码付款\nScan to pay with Orangepill');
    expect(await display.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await saveScreenshot(display, 'display-two-languages');
    await screens.cashier.locator('[data-testid="demo-paid"]').click();
    await status(screens.cashier, 'paid').waitFor();
    await displayState(display, 'paid').waitFor();
    expect(await text(display, 'display-headline')).toBe('谢谢惠顾\nThank you');
  });

  it('plays no tone when sounds are switched off', async () => {
    // The paid sale above ended with sounds off: nothing was played.
    expect(await soundCues(screens.cashier)).toBe('');
    await newSale(screens);
  });
});
