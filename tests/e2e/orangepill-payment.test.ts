import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { freePort } from '../support/free-port';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, newSale, openScreens, saveScreenshot, scanDisplay, status, type Screens } from '../support/screens';

/**
 * The terminal live on Orangepill, against the simulator on loopback: only the base URL differs from
 * production. Polling is slowed to 10 s, so each change reaching the screens here came through the
 * callback (Orangepill POSTs `{id}`; the terminal re-fetches at once).
 */
const API_KEY = 'op_test_KEY_9f8e7d6c5b4a';
const ALIAS = '@kopi_corner';
let simulator: OrangepillSimulator;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  simulator = await startOrangepillSimulator({ apiKey: API_KEY, merchantAlias: ALIAS });
  const callbackPort = await freePort();
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    currency: 'USD',
    payment: { pollIntervalMs: 10_000 },
    webhooks: { host: '127.0.0.1', port: callbackPort },
    providers: {
      orangepill: {
        apiKey: API_KEY,
        baseUrl: simulator.baseUrl,
        merchantAlias: ALIAS,
        callbackUrl: `http://127.0.0.1:${callbackPort}/callbacks/orangepill`,
      },
    },
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

/** Charges, scans the display's QR, and returns the request as Orangepill holds it. */
async function charge(keys: string, shown: string) {
  await keySale(screens.cashier, { currency: 'USD', method: 'orangepill', keys, shown });
  const request = simulator.requests().at(-1);
  if (request === undefined) throw new Error('no request reached the simulator');
  expect(await scanDisplay(screens.display)).toBe(request.id);
  return request;
}

const settle = (id: string, outcome: Parameters<OrangepillSimulator['simulate']>[1]) => {
  const done = simulator.simulate(id, outcome);
  if (!done.ok) throw new Error(done.error);
};

describe('Orangepill, live against the simulator, in Chromium', () => {
  it('is live, not demo: no demo label and no demo controls', async () => {
    await screens.cashier.locator('[data-testid="amount"]').waitFor();
    expect(await screens.cashier.locator('[data-testid="demo-banner"]').count()).toBe(0);
    expect(terminal.service.info.demo).toBe(false);
  });

  it('sends USD 100.23 as exactly 100.23, and DONE shows paid on both screens', async () => {
    const request = await charge('10023', '100.23');
    expect(request).toMatchObject({ amount: 100.23, asset: 'USD', destination: { alias: ALIAS }, data: { order: expect.any(String) } });
    expect(String(request.amount)).toBe('100.23');
    expect(await screens.cashier.locator('[data-testid="demo-paid"]').count()).toBe(0);
    settle(request.id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    await newSale(screens);
  });

  it('shows OVERPAID as paid, flagged with what arrived', async () => {
    const request = await charge('2000', '20.00');
    settle(request.id, 'overpaid');
    await status(screens.cashier, 'paid').waitFor();
    await expect.poll(() => screens.cashier.locator('[data-testid="paid-flag"]').getAttribute('data-flag')).toContain('overpaid');
    await newSale(screens);
  });

  it('shows INCOMPLETE with received and outstanding, keeps the QR up, then DONE', async () => {
    const request = await charge('1000', '10.00');
    settle(request.id, 'partial');
    await status(screens.cashier, 'partially_paid').waitFor();
    await displayState(screens.display, 'partially_paid').waitFor();
    const received = await screens.cashier.locator('[data-testid="received"]').innerText();
    const outstanding = await screens.cashier.locator('[data-testid="outstanding"]').innerText();
    expect(received).toContain('USD 5.00');
    expect(outstanding).toContain('USD 5.00');
    expect(await scanDisplay(screens.display)).toBe(request.id);
    await saveScreenshot(screens.cashier, 'cashier-partially-paid');
    settle(request.id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    // Orangepill's own log and related transactions reach the payment's detail.
    await expect.poll(() => screens.cashier.locator('[data-testid="provider-log"]').innerText()).toMatch(/CREATED[\s\S]*INCOMPLETE[\s\S]*DONE/);
    expect(await screens.cashier.locator('[data-testid="provider-related"] li').count()).toBe(2);
    await saveScreenshot(screens.cashier, 'cashier-orangepill-paid');
    await newSale(screens);
  });

  it.each([
    ['failed', 'failed'],
    ['error', 'failed'],
  ] as const)('shows %s as %s, with the reason', async (outcome, shown) => {
    const request = await charge('350', '3.50');
    settle(request.id, outcome);
    await status(screens.cashier, shown).waitFor();
    await displayState(screens.display, shown).waitFor();
    expect((await screens.cashier.locator('[data-testid="payment-detail"]').innerText()).length).toBeGreaterThan(10);
    await newSale(screens);
  });

  it('cancels at Orangepill when the cashier presses Esc', async () => {
    const request = await charge('799', '7.99');
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    await displayState(screens.display, 'cancelled').waitFor();
    expect(simulator.requests().find((r) => r.id === request.id)?.status).toBe('CANCELLED');
    await newSale(screens);
  });

  it('learned each result through the callback: delivered, matched, and re-fetched', () => {
    const delivered = simulator.callbacks().filter((c) => c.status === 200);
    expect(delivered.length).toBeGreaterThanOrEqual(6);
    const hints = terminal.logLines.filter((line) => line.includes('"message":"webhook"') && line.includes('"known":true'));
    expect(hints.length).toBeGreaterThanOrEqual(6);
    for (const line of terminal.logLines) expect(line).not.toContain(API_KEY);
    for (const frame of screens.frames) expect(frame).not.toContain(API_KEY);
  });
});
