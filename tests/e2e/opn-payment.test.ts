import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { OpnFailureCode } from '../../app/providers/opn/opn-api';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, newSale, openScreens, saveScreenshot, scanDisplay, status, type Screens } from '../support/screens';

/**
 * The terminal live on Opn Payments (Atome QR), against the simulator on loopback: only the base URL
 * differs from production. The test plays the customer's Atome app through the simulator.
 */
const SECRET_KEY = 'skey_test_5ug0fxc8vlqb5zg9g4pSECRET';
let simulator: OpnSimulator;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  simulator = await startOpnSimulator({ secretKey: SECRET_KEY });
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    currency: 'SGD',
    payment: { currencies: ['SGD', 'MYR'] },
    providers: { opn: { secretKey: SECRET_KEY, baseUrl: simulator.baseUrl } },
  });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await simulator?.close();
});

/** Charges, checks the display's QR scans to what Opn's QR image holds, and returns the charge id. */
async function charge(currency: 'SGD' | 'MYR', keys: string, shown: string): Promise<string> {
  await keySale(screens.cashier, { currency, method: 'atome', keys, shown });
  const chargeId = simulator.charges().at(-1)?.id;
  if (chargeId === undefined) throw new Error('no charge reached the simulator');
  const payload = simulator.qrPayload(chargeId);
  expect(payload).not.toBeNull();
  expect(await scanDisplay(screens.display)).toBe(payload);
  return chargeId;
}

function settle(chargeId: string, outcome: 'paid' | 'failed' | 'expired', code?: OpnFailureCode) {
  const done = simulator.settle(chargeId, outcome, code);
  if (!done.ok) throw new Error(done.error);
}

describe('Opn Payments Atome QR, live against the simulator, in Chromium', () => {
  it('offers Atome for SGD and MYR only, and catches an amount below the minimum before any request', async () => {
    await screens.cashier.locator('[data-testid="amount"]').waitFor();
    await screens.cashier.locator('[data-testid="currency"]').selectOption('SGD');
    for (const key of '120') await screens.cashier.keyboard.press(key);
    await screens.cashier.locator('[data-testid="charge"]').click();
    await expect.poll(() => screens.cashier.locator('[data-testid="cashier-error"]').innerText()).toBe('Atome needs at least SGD 1.50');
    expect(simulator.charges()).toHaveLength(0);
    for (let i = 0; i < 3; i++) await screens.cashier.keyboard.press('Backspace');
  });

  it('takes an SGD payment through to paid', async () => {
    const id = await charge('SGD', '1234', 'SGD 12.34');
    await saveScreenshot(screens.display, 'display-atome');
    settle(id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    await newSale(screens);
  });

  it('takes an MYR payment through to paid', async () => {
    const id = await charge('MYR', '4590', 'MYR 45.90');
    expect(simulator.charges().at(-1)).toMatchObject({ amount: 4590, currency: 'MYR', metadata: { terminal_reference: expect.any(String) } });
    settle(id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    await newSale(screens);
  });

  it.each([
    ['payment_expired', 'expired before the customer paid'],
    ['payment_rejected', 'Atome rejected the payment'],
    ['failed_processing', 'could not process the payment'],
  ] as const)('explains failure %s in plain words', async (code, sentence) => {
    const id = await charge('SGD', '500', 'SGD 5.00');
    settle(id, 'failed', code);
    await status(screens.cashier, 'failed').waitFor();
    await displayState(screens.display, 'failed').waitFor();
    expect(await screens.cashier.locator('[data-testid="payment-detail"]').innerText()).toContain(sentence);
    await newSale(screens);
  });

  it('shows an expired charge as expired', async () => {
    const id = await charge('SGD', '700', 'SGD 7.00');
    settle(id, 'expired');
    await status(screens.cashier, 'expired').waitFor();
    await newSale(screens);
  });

  it('cancels with the Expire API when the cashier presses Esc', async () => {
    const id = await charge('SGD', '800', 'SGD 8.00');
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    expect(simulator.charges().find((c) => c.id === id)?.status).toBe('expired');
    expect(simulator.requests().some((r) => r.method === 'POST' && r.path === `/charges/${id}/expire`)).toBe(true);
    await newSale(screens);
  });

  it('refunds in part, then in full', async () => {
    const id = await charge('SGD', '1234', 'SGD 12.34');
    settle(id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    const amount = screens.cashier.locator('[data-testid="refund-amount"]');
    // Each refund is typed and then confirmed in its question (tests/e2e/refund-and-close-day.test.ts).
    const refund = async (text: string): Promise<void> => {
      await amount.fill(text);
      await screens.cashier.locator('[data-testid="refund-submit"]').click();
      await screens.cashier.locator('[data-testid="refund-confirm-accept"]').click();
    };
    await refund('5.00');
    await expect.poll(() => screens.cashier.locator('[data-testid="refunded"]').innerText()).toBe('Partly refunded: SGD 5.00 of SGD 12.34');
    expect(simulator.charges().find((c) => c.id === id)).toMatchObject({ refunded_amount: 500 });
    await saveScreenshot(screens.cashier, 'cashier-refund');
    expect(await amount.inputValue()).toBe('');
    await refund('7.34');
    await status(screens.cashier, 'refunded').waitFor();
    await displayState(screens.display, 'refunded').waitFor();
    expect(simulator.charges().find((c) => c.id === id)).toMatchObject({ refunded_amount: 1234 });
    await newSale(screens);
  });

  it('shows Opn\u2019s own image, unsmoothed, when its QR cannot be decoded', async () => {
    simulator.setQrImage('blank');
    try {
      await keySale(screens.cashier, { currency: 'SGD', method: 'atome', keys: '990', shown: 'SGD 9.90' });
      const qr = screens.display.locator('[data-testid="qr"][data-fallback="image"]');
      await qr.waitFor();
      const img = qr.locator('img');
      expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await img.evaluate((el) => getComputedStyle(el).imageRendering)).toBe('pixelated');
      // The image is served to the screen as data, never as Opn's URL, which needs the secret key.
      expect(await screens.display.content()).not.toContain(simulator.baseUrl);
      await screens.cashier.keyboard.press('Escape');
      await status(screens.cashier, 'cancelled').waitFor();
      await newSale(screens);
    } finally {
      simulator.setQrImage('qr');
    }
  });

  it('tells the cashier when Opn cannot be reached, keeps the payment pending, and recovers by itself', async () => {
    const id = await charge('SGD', '650', 'SGD 6.50');
    // The network drops: the next status requests are reset before any answer.
    for (let i = 0; i < 3; i++) simulator.faults.add({ fault: { kind: 'reset' }, method: 'GET', pathPrefix: `/charges/${id}` });
    const notice = screens.cashier.locator('[data-testid="payment-notice"]');
    await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toBe('No connection to Opn \u2014 retrying');
    expect(await status(screens.cashier, 'awaiting').count()).toBe(1);
    settle(id, 'paid');
    // Once the faults are used up, polling (with backoff) reaches Opn again and learns the truth.
    await status(screens.cashier, 'paid').waitFor({ timeout: 30_000 });
    expect(simulator.faults.injected.reset).toBeGreaterThanOrEqual(3);
    await newSale(screens);
  });

  it('never lets the secret key reach a screen, an event or a log', async () => {
    expect(screens.frames.length).toBeGreaterThan(10);
    for (const frame of screens.frames) expect(frame).not.toContain(SECRET_KEY);
    for (const line of terminal.logLines) expect(line).not.toContain(SECRET_KEY);
    for (const page of [screens.cashier, screens.display]) expect(await page.content()).not.toContain(SECRET_KEY);
  });
});
