import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, TEST_DEMO_KEY, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, newSale, openScreens, saveScreenshot, scanDisplay, status, type Screens } from '../support/screens';

let browser: Browser;
let terminal: InProcessTerminal;
let screens: Screens;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' } });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="demo-banner"]').waitFor();
  await screens.display.locator('[data-testid="demo-banner"]').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

/** Keys an amount on the keyboard and charges; returns the payment the simulated provider holds. */
async function charge(keys: string, shownAmount: string) {
  const { cashier, display } = screens;
  await cashier.bringToFront();
  for (const key of keys) await cashier.keyboard.press(key);
  await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain(shownAmount);
  await cashier.keyboard.press('Enter');
  await status(cashier, 'awaiting').waitFor();
  const records = demoRecords(terminal.service);
  const record = records[records.length - 1];
  if (record === undefined) throw new Error('the simulated provider holds no payment');
  await display.locator('[data-testid="qr"]').waitFor();
  await expect.poll(() => display.locator('body').innerText()).toContain(shownAmount);
  return record;
}

describe('a demo payment, end to end in Chromium (web mode)', () => {
  it('shows the idle screens', async () => {
    await displayState(screens.display, 'idle').waitFor();
    expect(await screens.display.locator('body').innerText()).toContain('Kopi Corner');
    await saveScreenshot(screens.cashier, 'cashier-idle');
    await saveScreenshot(screens.display, 'display-idle');
  });

  it('takes a payment through to paid, and the displayed QR scans to the provider payload', async () => {
    const record = await charge('1234', '12.34');
    expect(record).toMatchObject({ amount_minor: 1234, currency: 'SGD', status: 'pending' });
    const scanned = await scanDisplay(screens.display);
    expect(scanned).toBe(record.qr_payload);
    expect(record.qr_payload).toBe(record.id);
    await saveScreenshot(screens.cashier, 'cashier-awaiting');
    await saveScreenshot(screens.display, 'display-awaiting');

    await screens.cashier.locator('[data-testid="demo-paid"]').click();
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    await saveScreenshot(screens.cashier, 'cashier-paid');
    await saveScreenshot(screens.display, 'display-paid');
    await newSale(screens);
  });

  it('shows the reason when the payment fails', async () => {
    const record = await charge('500', '5.00');
    expect(await scanDisplay(screens.display)).toBe(record.qr_payload);
    await screens.cashier.locator('[data-testid="demo-failed"]').click();
    await status(screens.cashier, 'failed').waitFor();
    await displayState(screens.display, 'failed').waitFor();
    expect(await screens.cashier.locator('[data-testid="payment-status"]').innerText()).toContain('declined');
    await saveScreenshot(screens.cashier, 'cashier-failed');
    await newSale(screens);
  });

  it('shows an expired QR as expired', async () => {
    const record = await charge('99', '0.99');
    expect(await scanDisplay(screens.display)).toBe(record.qr_payload);
    await screens.cashier.locator('[data-testid="demo-expired"]').click();
    await status(screens.cashier, 'expired').waitFor();
    await displayState(screens.display, 'expired').waitFor();
    await newSale(screens);
  });

  it('cancels at the provider when the cashier presses Esc', async () => {
    const record = await charge('2500', '25.00');
    expect(await scanDisplay(screens.display)).toBe(record.qr_payload);
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    await displayState(screens.display, 'cancelled').waitFor();
    const atProvider = demoRecords(terminal.service).find((p) => p.id === record.id);
    expect(atProvider?.status).toBe('cancelled');
    await newSale(screens);
  });

  it('never lets the provider key reach a screen, an event or a log', async () => {
    expect(screens.frames.length).toBeGreaterThan(10);
    expect(screens.frames.some((f) => f.includes('"event":"payment"'))).toBe(true);
    for (const frame of screens.frames) expect(frame).not.toContain(TEST_DEMO_KEY);
    expect(terminal.logLines.length).toBeGreaterThan(0);
    for (const line of terminal.logLines) expect(line).not.toContain(TEST_DEMO_KEY);
    for (const page of [screens.cashier, screens.display]) expect(await page.content()).not.toContain(TEST_DEMO_KEY);
  });
});
