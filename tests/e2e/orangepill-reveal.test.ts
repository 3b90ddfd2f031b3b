import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/**
 * Reveal QR at the counter, live against the Orangepill simulator: the cashier gives the terminal a
 * picture of a customer's request QR (chosen or pasted) and reads what that request stands at.
 */
const API_KEY = 'op_test_REVEAL_E2E_77aa88bb';
const ALIAS = '@kopi_corner';
let simulator: OrangepillSimulator;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;
let paidId = '';
let paidOrder = '';

const panel = () => cashier.locator('[data-testid="lookup-panel"]');
const result = () => cashier.locator('[data-testid="lookup-result"]');
const error = () => cashier.locator('[data-testid="lookup-error"]');
const text = (testId: string) => cashier.locator(`[data-testid="${testId}"]`).innerText();

async function providerQrPng(id: string): Promise<Buffer> {
  const response = await fetch(`${simulator.baseUrl}/v1/apps/payment/${id}/qr/png/300`, { headers: { 'x-api-key': API_KEY } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function blankPng(): Buffer {
  const png = new PNG({ width: 240, height: 240 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

/** Like a phone screenshot: 1080×1920, a grainy photo band at the top, the QR below; far too big to send as it is. */
async function screenshotWithQr(id: string): Promise<Buffer> {
  const shot = new PNG({ width: 1080, height: 1920 });
  shot.data.fill(255);
  let seed = 7;
  const grain = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 24;
  for (let y = 0; y < 500; y++) {
    for (let x = 0; x < 1080; x++) {
      const i = (y * 1080 + x) * 4;
      shot.data[i] = 90 + grain();
      shot.data[i + 1] = 140 + grain();
      shot.data[i + 2] = 200 + grain();
    }
  }
  const qr = PNG.sync.read(await QRCode.toBuffer(id, { type: 'png', width: 720, margin: 4 }));
  PNG.bitblt(qr, shot, 0, 0, qr.width, qr.height, 180, 700);
  return PNG.sync.write(shot);
}

async function choose(name: string, buffer: Buffer): Promise<void> {
  await cashier.locator('[data-testid="lookup-file"]').setInputFiles({ name, mimeType: 'image/png', buffer });
}

beforeAll(async () => {
  simulator = await startOrangepillSimulator({ apiKey: API_KEY, merchantAlias: ALIAS });
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    currency: 'USD',
    payment: { pollIntervalMs: 250 },
    providers: { orangepill: { apiKey: API_KEY, baseUrl: simulator.baseUrl, merchantAlias: ALIAS } },
  });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await simulator?.close();
});

describe('Reveal QR on the cashier screen, in Chromium', () => {
  it('has a paid Orangepill request to look up', async () => {
    await keySale(cashier, { currency: 'USD', method: 'orangepill', keys: '1234', shown: '12.34' });
    const request = simulator.requests().at(-1);
    if (request === undefined) throw new Error('no request reached the simulator');
    paidId = request.id;
    paidOrder = request.data?.order ?? '';
    const done = simulator.simulate(paidId, 'paid');
    if (!done.ok) throw new Error(done.error);
    await status(cashier, 'paid').waitFor();
    await cashier.locator('[data-testid="new-sale"]').click();
    await displayState(screens.display, 'idle').waitFor();
  });

  it('reads a chosen QR image back to the request: code, Paid, amount and order', async () => {
    await cashier.locator('[data-testid="lookup-open"]').click();
    await panel().waitFor();
    await choose('customer-qr.png', await providerQrPng(paidId));
    await result().waitFor();
    expect(await text('lookup-code')).toBe(paidId);
    expect(await text('lookup-status')).toBe('Paid');
    expect(await text('lookup-amount')).toBe('USD 12.34');
    expect(await text('lookup-order')).toBe(paidOrder);
    await saveScreenshot(cashier, 'cashier-lookup');
  });

  it('says so, word for word, when the image holds no QR', async () => {
    await choose('blank.png', blankPng());
    await error().waitFor();
    expect(await error().innerText()).toBe('No QR code could be read from that image');
    expect(await result().count()).toBe(0);
  });

  it('takes a pasted picture, shrinking a big screenshot to fit', async () => {
    const shot = await screenshotWithQr(paidId);
    expect(shot.length).toBeGreaterThan(64 * 1024);
    await cashier.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const clipboard = new DataTransfer();
      clipboard.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, shot.toString('base64'));
    await result().waitFor();
    expect(await text('lookup-code')).toBe(paidId);
    expect(await text('lookup-status')).toBe('Paid');
  });

  it('works from the keyboard: the panel opens on Choose image, and Enter opens the file chooser', async () => {
    // Waiting for the chooser turns on Playwright's interception, which takes effect asynchronously: start
    // it well before Enter, or under load the native chooser can open un-intercepted.
    const chosen = cashier.waitForEvent('filechooser', { timeout: 30_000 });
    await cashier.locator('[data-testid="lookup-close"]').click();
    await panel().waitFor({ state: 'detached' });
    await cashier.locator('[data-testid="lookup-open"]').focus();
    await cashier.keyboard.press('Enter');
    await panel().waitFor();
    // Focus moves once the panel has mounted: wait for it, as a keyboard user would.
    await expect.poll(() => cashier.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lookup-choose');
    await cashier.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({ name: 'customer-qr.png', mimeType: 'image/png', buffer: await providerQrPng(paidId) });
    await result().waitFor();
    expect(await text('lookup-status')).toBe('Paid');
    expect(await status(cashier, 'awaiting').count()).toBe(0);
  });

  it('keeps the sale\'s keys to itself while open; Esc closes it and leaves the amount alone', async () => {
    await cashier.locator('[data-testid="lookup-close"]').click();
    await panel().waitFor({ state: 'detached' });
    await cashier.keyboard.press('5');
    await expect.poll(() => text('amount')).toContain('0.05');
    await cashier.locator('[data-testid="lookup-open"]').click();
    await panel().waitFor();
    await cashier.keyboard.press('7');
    await cashier.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    expect(await text('amount')).toContain('0.05');
    expect(await status(cashier, 'awaiting').count()).toBe(0);
  });

  it('let the key reach neither screen', () => {
    for (const frame of screens.frames) expect(frame).not.toContain(API_KEY);
  });
});
