import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Checkout } from '../../app/pos-api/checkout-schemas';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, newSale, openScreens, saveScreenshot, scanDisplay, status, type Screens } from '../support/screens';

/*
 * A till sends the amount through the POS API; the counter shows it as any sale: the QR on the
 * customer display (scanned back here), "Requested by Till 2" on the cashier screen, and the cashier
 * may cancel it, which the till then reads.
 */

let browser: Browser;
let terminal: InProcessTerminal;
let screens: Screens;
let api: string;
let key: string;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, posApi: { enabled: true, port: 0 } });
  api = terminal.service.posApi.url ?? '';
  const made = await terminal.service.dispatch('createPosClient', { name: 'Till 2', scopes: ['charge'] }, 'cashier');
  if (!made.ok) throw new Error(made.error.message);
  key = (made.value as { key: string }).key;
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await displayState(screens.display, 'idle').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const post = (path: string, body?: unknown, idem?: string) =>
  fetch(`${api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, ...(idem === undefined ? {} : { 'idempotency-key': idem }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const read = async (id: string): Promise<Checkout> => (await (await fetch(`${api}/v1/checkouts/${id}`, { headers: { authorization: `Bearer ${key}` } })).json()) as Checkout;

describe('a checkout from the POS, in Chromium', () => {
  it('puts its QR on the customer display and "Requested by Till 2" on the cashier screen', async () => {
    const created = await post('/v1/checkouts', { amount: { minor: 1234, currency: 'SGD' }, method: 'demo', reference: 'TABLE-4' }, 'e2e-1');
    expect(created.status).toBe(201);
    const checkout = (await created.json()) as Checkout;
    await status(screens.cashier, 'awaiting').waitFor();
    const requested = screens.cashier.locator('[data-testid="requested-by"]');
    await requested.waitFor();
    expect(await requested.innerText()).toMatch(/^Requested by Till 2 \u2014 .*12\.34$/);

    await screens.display.locator('[data-testid="qr"]').waitFor();
    await expect.poll(() => screens.display.locator('body').innerText()).toContain('12.34');
    const scanned = await scanDisplay(screens.display);
    const record = demoRecords(terminal.service).find((p) => p.id === checkout.provider.providerRef);
    expect(scanned).toBe(checkout.qr?.payload);
    expect(scanned).toBe(record?.qr_payload);
    await saveScreenshot(screens.cashier, 'cashier-pos-requested');

    await screens.cashier.locator('[data-testid="demo-paid"]').click();
    await status(screens.cashier, 'paid').waitFor();
    await expect.poll(async () => (await read(checkout.id)).status).toBe('paid');
    await newSale(screens);
  });

  it('lets the cashier cancel it, and the till reads cancelled', async () => {
    const checkout = (await (await post('/v1/checkouts', { amount: { minor: 500, currency: 'SGD' }, method: 'demo', reference: 'TABLE-5' }, 'e2e-2')).json()) as Checkout;
    await status(screens.cashier, 'awaiting').waitFor();
    await screens.cashier.locator('[data-testid="requested-by"]').waitFor();
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    await displayState(screens.display, 'cancelled').waitFor();
    await expect.poll(async () => (await read(checkout.id)).status).toBe('cancelled');
    await newSale(screens);
  });
});
