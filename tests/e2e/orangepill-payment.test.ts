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
    payment: { pollIntervalMs: 10_000, currencies: ['USD', 'SGD'] },
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
async function charge(keys: string, shown: string, currency = 'USD') {
  await keySale(screens.cashier, { currency, method: 'orangepill', keys, shown });
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

  it('shows OVERPAID as paid, flagged overpaid, with the amount "not reported" (the doc reports none)', async () => {
    const request = await charge('2000', '20.00');
    settle(request.id, 'overpaid');
    await status(screens.cashier, 'paid').waitFor();
    await expect.poll(() => screens.cashier.locator('#payment-title').innerText()).toBe('Paid — overpaid');
    expect(await screens.cashier.locator('[data-testid="received"]').innerText()).toBe('amount not reported by Orangepill');
    await newSale(screens);
  });

  it('SGD 20, SGD 10 arrives (INCOMPLETE): partly paid, amount not reported; the display does not ask for SGD 20 again; Esc only asks, and Back changes nothing', async () => {
    const request = await charge('2000', '20.00', 'SGD');
    settle(request.id, 'partial');
    await status(screens.cashier, 'partially_paid').waitFor();
    await expect
      .poll(() => screens.cashier.locator('[data-testid="payment-status"] .payment__detail').innerText())
      .toContain('Part of the payment has arrived (amount not reported by Orangepill)');
    expect(await screens.cashier.locator('[data-testid="received"]').innerText()).toBe('amount not reported by Orangepill');
    // The customer display takes the QR down and sends the customer to the cashier: no second SGD 20.00.
    await displayState(screens.display, 'partially_paid').waitFor();
    await expect.poll(() => screens.display.locator('[data-testid="display-headline"]').innerText()).toContain('Part of your payment has arrived');
    expect(await screens.display.locator('[data-testid="display-amount"]').count()).toBe(0);
    expect(await screens.display.locator('[data-testid="display-state"]').innerText()).not.toContain('20.00');
    await saveScreenshot(screens.cashier, 'cashier-partially-paid');
    await saveScreenshot(screens.display, 'display-partially-paid');

    // Esc only asks: the question names what arrived; Back leaves the sale exactly as it was.
    await screens.cashier.keyboard.press('Escape');
    await expect
      .poll(() => screens.cashier.locator('[data-testid="cancel-money-confirm-text"]').innerText())
      .toMatch(/^Part of SGD 20\.00 has arrived \(amount not reported by Orangepill\)\. Cancel the sale\? The money received must be given back to the customer\./);
    await screens.cashier.locator('[data-testid="cancel-money-confirm-back"]').click();
    await screens.cashier.locator('[data-testid="cancel-money-confirm"]').waitFor({ state: 'detached' });
    expect(await status(screens.cashier, 'partially_paid').count()).toBe(1);
    expect(await screens.cashier.getByText('Cancelled — not paid').count()).toBe(0);
    expect(simulator.requests().find((r) => r.id === request.id)?.status).toBe('INCOMPLETE');
    expect(simulator.isDeleted(request.id)).toBe(false);
    await saveScreenshot(screens.cashier, 'cashier-cancel-left-open');

    // The rest arrives: paid, and Orangepill's own log and related transactions reach the payment's detail.
    settle(request.id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    // In words for the cashier; Orangepill's own codes stay under Details.
    await expect.poll(() => screens.cashier.locator('[data-testid="provider-log"]').innerText()).toMatch(/Waiting for payment[\s\S]*Partly paid[\s\S]*Paid/);
    expect(await screens.cashier.locator('[data-testid="provider-codes"]').textContent()).toMatch(/CREATED[\s\S]*INCOMPLETE[\s\S]*DONE/);
    expect(await screens.cashier.locator('[data-testid="provider-related"] li').count()).toBe(2);
    await saveScreenshot(screens.cashier, 'cashier-orangepill-paid');
    await newSale(screens);
  });

  it('DONE just before Esc: Paid, never cancelled, and the request is not deleted', async () => {
    const request = await charge('1500', '15.00', 'SGD');
    // The callback's re-fetch is held up on the way, so the cashier's cancel is what finds the payment.
    simulator.faults.add({ fault: { kind: 'latency', ms: 1500 }, method: 'GET', pathPrefix: `/v1/apps/payment/${request.id}` });
    settle(request.id, 'paid');
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'paid').waitFor();
    expect(simulator.isDeleted(request.id)).toBe(false);
    expect(simulator.requests().find((r) => r.id === request.id)?.status).toBe('DONE');
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
