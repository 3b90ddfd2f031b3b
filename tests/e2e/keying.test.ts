import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Payment } from '../../app/payment/payment';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

let browser: Browser;
let terminal: InProcessTerminal;
let screens: Screens;

beforeAll(async () => {
  // Two methods with different currencies, so a currency change can leave the chosen method behind.
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, demo: { methods: ['demo', 'atome'] }, payment: { currencies: ['SGD', 'JPY'] } });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="demo-banner"]').waitFor();
  await screens.cashier.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(terminal.host.urls.cashier).origin });
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const amountShown = (cashier: Page): Promise<string> => cashier.locator('[data-testid="amount"]').innerText();

async function snapshotPayment(): Promise<Payment | null> {
  const snapshot = await terminal.service.dispatch('getSnapshot', {}, 'cashier');
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  return (snapshot.value as { payment: Payment | null }).payment;
}

async function typeKeys(cashier: Page, keys: string): Promise<void> {
  for (const key of keys) await cashier.keyboard.press(key);
}

/** Ends whatever sale is on screen with Enter and waits for the empty entry. */
async function backToEntry(): Promise<void> {
  const { cashier } = screens;
  if ((await cashier.locator('[data-testid="payment-status"]').count()) > 0) await cashier.keyboard.press('Enter');
  await cashier.locator('[data-testid="amount"]').waitFor();
  await cashier.keyboard.press('Delete');
  await expect.poll(() => snapshotPayment()).toBeNull();
}

async function paste(cashier: Page, text: string): Promise<void> {
  await cashier.evaluate((t) => navigator.clipboard.writeText(t), text);
  await cashier.keyboard.press('ControlOrMeta+V');
}

describe('keying as a cashier expects (web mode, Chromium)', () => {
  it('"5.5" then Enter charges SGD 5.50, not 0.55', async () => {
    const { cashier, display } = screens;
    await cashier.bringToFront();
    await typeKeys(cashier, '5.5');
    await expect.poll(() => amountShown(cashier)).toContain('5.50');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    expect(demoRecords(terminal.service).at(-1)).toMatchObject({ amount_minor: 550, currency: 'SGD' });
    await expect.poll(() => display.locator('body').innerText()).toContain('5.50');
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
    await backToEntry();
  });

  it('refuses a third SGD decimal with a sentence and keeps 12.34', async () => {
    const { cashier } = screens;
    await typeKeys(cashier, '12.345');
    await expect.poll(() => cashier.locator('[data-testid="cashier-error"]').innerText()).toBe('SGD takes 2 decimal places');
    expect(await amountShown(cashier)).toContain('12.34');
    await saveScreenshot(cashier, 'keying-decimals-refused');
    await backToEntry();
  });

  it('takes a pasted amount, and refuses pasted garbage with a sentence, keeping the amount', async () => {
    const { cashier } = screens;
    await paste(cashier, 'SGD 1,234.50');
    await expect.poll(() => amountShown(cashier)).toContain('1,234.50');
    await paste(cashier, '1e9');
    await expect
      .poll(() => cashier.locator('[data-testid="cashier-error"]').innerText())
      .toBe('The pasted text is not an amount: paste digits with an optional decimal point, e.g. 12.34');
    expect(await amountShown(cashier)).toContain('1,234.50');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    expect(demoRecords(terminal.service).at(-1)).toMatchObject({ amount_minor: 123_450, currency: 'SGD' });
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
    await backToEntry();
  });

  it('starts the next sale with the first digit typed on a result screen', async () => {
    const { cashier } = screens;
    await typeKeys(cashier, '1234');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    await cashier.locator('[data-testid="demo-paid"]').click();
    await status(cashier, 'paid').waitFor();
    // Straight into the next amount: no New sale, nothing dropped.
    await typeKeys(cashier, '700');
    await expect.poll(() => amountShown(cashier)).toContain('7.00');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    expect(demoRecords(terminal.service).at(-1)).toMatchObject({ amount_minor: 700, currency: 'SGD' });
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
    await backToEntry();
  });

  it('after a failure, Charge again keeps the amount, method and order number; Enter alone never re-charges', async () => {
    const { cashier } = screens;
    await cashier.locator('[data-testid="method"]').selectOption('atome');
    await cashier.locator('[data-testid="order-ref"]').fill('T-42');
    await cashier.locator('[data-testid="amount"]').click();
    await typeKeys(cashier, '25.8');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    const first = await snapshotPayment();
    await cashier.locator('[data-testid="demo-failed"]').click();
    await status(cashier, 'failed').waitFor();
    await saveScreenshot(cashier, 'keying-charge-again');

    await cashier.locator('[data-testid="charge-again"]').click();
    await status(cashier, 'awaiting').waitFor();
    const again = await snapshotPayment();
    expect(again?.id).not.toBe(first?.id);
    expect(again).toMatchObject({ amount: { minor: 2580, currency: 'SGD' }, method: 'atome', orderRef: 'T-42' });

    await cashier.locator('[data-testid="demo-expired"]').click();
    await status(cashier, 'expired').waitFor();
    // Enter on the focused Charge again button still means New sale: an empty entry, nothing charged.
    await cashier.locator('[data-testid="charge-again"]').focus();
    await cashier.keyboard.press('Enter');
    await cashier.locator('[data-testid="amount"]').waitFor();
    await expect.poll(() => snapshotPayment()).toBeNull();
    expect(await amountShown(cashier)).toContain('0.00');
    await backToEntry();
  });

  it('clears keyed digits visibly on a currency change, and never swaps the method silently', async () => {
    const { cashier } = screens;
    const notice = cashier.locator('[data-testid="entry-notice"]');
    await cashier.locator('[data-testid="method"]').selectOption('demo');
    await cashier.locator('[data-testid="amount"]').click();
    await typeKeys(cashier, '1234');
    await cashier.locator('[data-testid="currency"]').selectOption('JPY');
    await expect.poll(() => notice.innerText()).toBe('Amount cleared: the currency is now JPY. Key the amount again.');
    expect(await amountShown(cashier)).not.toContain('1,234');
    expect(await cashier.locator('[data-testid="method"]').inputValue()).toBe('demo');

    await cashier.locator('[data-testid="currency"]').selectOption('SGD');
    await cashier.locator('[data-testid="method"]').selectOption('atome');
    await cashier.locator('[data-testid="currency"]').selectOption('JPY');
    await expect.poll(() => notice.innerText()).toBe('Atome (simulated) does not take JPY: choose a method.');
    expect(await cashier.locator('[data-testid="method"]').inputValue()).toBe('');
    await cashier.locator('[data-testid="amount"]').click();
    await typeKeys(cashier, '500');
    expect(await cashier.locator('[data-testid="charge"]').isDisabled()).toBe(true);
    await saveScreenshot(cashier, 'keying-currency-switch');
    await cashier.locator('[data-testid="method"]').selectOption('demo');
    await expect.poll(() => notice.isHidden()).toBe(true);
    await cashier.locator('[data-testid="currency"]').selectOption('SGD');
    await backToEntry();
  });

  it('counts the key presses and seconds of a typical keyboard sale, the old way and the new', async () => {
    const { cashier, display } = screens;
    await cashier.locator('[data-testid="amount"]').click();
    const sale = async (nextSale: 'enter' | 'first digit'): Promise<{ keys: number; ms: number; totalMs: number }> => {
      let keys = 0;
      const press = async (key: string): Promise<void> => {
        keys += 1;
        await cashier.keyboard.press(key);
      };
      // Cashier time only: the customer's (here the demo "paid" click) is left out.
      const begun = performance.now();
      let started = begun;
      for (const key of '1234') await press(key);
      await press('Enter');
      await status(cashier, 'awaiting').waitFor();
      let ms = performance.now() - started;
      await cashier.locator('[data-testid="demo-paid"]').click();
      await status(cashier, 'paid').waitFor();
      started = performance.now();
      if (nextSale === 'enter') {
        await press('Enter');
        await displayState(display, 'idle').waitFor();
        await cashier.locator('[data-testid="charge"]').waitFor();
      } else {
        // The next sale's first digit is part of the next sale's amount, not an extra key.
        await cashier.keyboard.press('1');
        await expect.poll(() => amountShown(cashier)).toContain('0.01');
      }
      ms += performance.now() - started;
      const totalMs = performance.now() - begun;
      if (nextSale === 'first digit') await cashier.keyboard.press('Delete');
      return { keys, ms, totalMs };
    };
    const old = await sale('enter');
    const now = await sale('first digit');
    const line = (r: typeof old): string => `${String(r.keys)} keys, ${(r.ms / 1000).toFixed(2)} s of cashier time (${(r.totalMs / 1000).toFixed(2)} s with the demo customer paying)`;
    // A figure for the report, not an assertion: tests do not assert timings.
    console.log(`typical keyboard sale: Enter for New sale ${line(old)}; next sale started by its first digit ${line(now)}`);
    expect(old.keys).toBe(6);
    expect(now.keys).toBe(5);
    await backToEntry();
  });

  it('keys decimal-first once the settings screen says so: 1 2 charges 12.00', async () => {
    const { cashier } = screens;
    const panel = cashier.locator('[data-testid="settings-panel"]');
    await cashier.locator('[data-testid="settings-open"]').click();
    await panel.waitFor();
    const field = panel.locator('[data-testid="setting-payment.entry"]');
    await expect.poll(() => field.inputValue()).toBe('cents');
    await field.selectOption('decimal');
    await panel.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => panel.locator('[data-testid="settings-saved"]').innerText()).toMatch(/^Saved/);
    expect(terminal.service.settings.payment.entry).toBe('decimal');
    await panel.locator('[data-testid="settings-close"]').first().click();
    await cashier.locator('[data-testid="amount"]').click();
    await typeKeys(cashier, '12');
    await expect.poll(() => amountShown(cashier)).toContain('12.00');
    await typeKeys(cashier, '.5');
    await expect.poll(() => amountShown(cashier)).toContain('12.50');
    await cashier.keyboard.press('Enter');
    await status(cashier, 'awaiting').waitFor();
    expect(demoRecords(terminal.service).at(-1)).toMatchObject({ amount_minor: 1250, currency: 'SGD' });
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
    await backToEntry();
  });
});
