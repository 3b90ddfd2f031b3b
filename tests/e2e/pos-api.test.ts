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

  it('offers a request with the method left to the cashier, and starts it with the method the cashier picks', async () => {
    const created = await post('/v1/checkouts', { amount: { minor: 2500, currency: 'SGD' }, method: 'cashier_chooses', reference: 'TABLE-6' }, 'e2e-3');
    expect(created.status).toBe(202);
    const checkout = (await created.json()) as Checkout;
    const panel = screens.cashier.locator('[data-testid="pos-offer"]');
    await panel.waitFor();
    expect(await panel.locator('[data-testid="pos-offer-title"]').innerText()).toMatch(/^Requested by Till 2 \u2014 .*25\.00$/);
    expect(await panel.innerText()).toContain('Order TABLE-6');
    await saveScreenshot(screens.cashier, 'cashier-pos-offer');
    await panel.locator('[data-testid="pos-offer-method-demo"]').click();
    await status(screens.cashier, 'awaiting').waitFor();
    await panel.waitFor({ state: 'detached' });
    await screens.display.locator('[data-testid="qr"]').waitFor();
    const started = await read(checkout.id);
    expect(started).toMatchObject({ status: 'awaiting_customer', method: 'demo' });
    expect(await scanDisplay(screens.display)).toBe(started.qr?.payload);
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    await newSale(screens);
  });

  it('makes a key on the Settings panel, shown once, that works at once and stops working when revoked', async () => {
    const { cashier } = screens;
    await cashier.locator('[data-testid="settings-open"]').click();
    const section = cashier.locator('[data-testid="pos-keys"]');
    await section.waitFor();
    expect(await section.locator('[data-testid="pos-key"]').count()).toBe(1);
    await section.locator('[data-testid="pos-key-name"]').fill('Till 7');
    await section.locator('[data-testid="pos-key-scope-read"]').check();
    await section.locator('[data-testid="pos-key-create"]').click();
    const shown = await section.locator('[data-testid="pos-key-value"]').innerText();
    expect(shown).toMatch(/^pos_/);
    expect(await section.locator('[data-testid="pos-key-shown"]').innerText()).toContain('not shown again');
    await expect.poll(() => section.locator('[data-testid="pos-key"]').count()).toBe(2);
    // The list names the key by its first characters only.
    expect(await section.innerText()).toContain(`${shown.slice(0, 8)}…`);
    await saveScreenshot(cashier, 'cashier-settings-pos-keys');

    const list = () => fetch(`${api}/v1/checkouts`, { headers: { authorization: `Bearer ${shown}` } });
    const mine = (await (await list()).json()) as { checkouts: Checkout[] };
    expect(mine.checkouts.length).toBe(3);
    await section.getByRole('button', { name: 'Revoke the key of Till 7' }).click();
    await expect.poll(() => section.locator('[data-testid="pos-key-answer"]').innerText()).toContain('Till 7');
    expect((await list()).status).toBe(401);
    await cashier.locator('[data-testid="settings-close"]').click();
  });
});
