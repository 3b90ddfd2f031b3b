import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PaymentPage } from '../../app/ipc/history';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { receiptWith } from '../support/receipt-watch';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * Finding a sale again in Chromium: three demo sales with order numbers (one holding LIKE's own
 * wildcards), then History's one search box by order number, our reference and the provider's id,
 * and the dates: typed in the shop's format (en-SG, day first) while Chromium itself runs in en-US.
 */

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', locale: 'en-SG' });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

async function paidSale(orderRef: string, keys: string, shown: string): Promise<void> {
  await cashier.bringToFront();
  await testId('order-ref').fill(orderRef);
  await keySale(cashier, { currency: 'SGD', method: 'demo', keys, shown });
  await testId('demo-paid').click();
  await status(cashier, 'paid').waitFor();
  await newSale(screens);
}

async function search(text: string): Promise<void> {
  await testId('history-search-text').fill(text);
  await testId('history-search').click();
}

const rowAmounts = () => cashier.locator('[data-testid="history-row"] .history-row__amount').allInnerTexts();

describe('finding a sale in History', () => {
  it('prints the order number on the receipt', async () => {
    const printer = terminal.service.virtualPrinter;
    if (printer === null) throw new Error('demo mode should print to its virtual printer');
    const receipt = receiptWith(printer, 'INV-1001');
    await paidSale('INV-1001', '1234', 'SGD 12.34');
    expect((await receipt).lines.join('\n')).toMatch(/Order no\. +INV-1001/);
    await paidSale('INV-1002', '500', 'SGD 5.00');
    await paidSale('50%_OFF', '700', 'SGD 7.00');
  });

  it('finds a sale by its order number, by the start of one, by our reference and by the provider id', async () => {
    const listed = await terminal.service.dispatch('listPayments', {}, 'cashier');
    if (!listed.ok) throw new Error(listed.error.message);
    const first = (listed.value as PaymentPage).payments.at(-1);
    if (first === undefined || first.providerRef === null) throw new Error('the first sale is not in the journal');

    await testId('history-open').click();
    await testId('history-panel').waitFor();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–3 of 3');
    await search('INV-1001');
    await expect.poll(() => testId('history-count').innerText()).toBe('1–1 of 1');
    expect(await rowAmounts()).toEqual(['SGD 12.34']);
    await saveScreenshot(cashier, 'cashier-history-search');

    await search('inv-100');
    await expect.poll(() => testId('history-count').innerText()).toBe('1–2 of 2');
    expect(await rowAmounts()).toEqual(['SGD 5.00', 'SGD 12.34']);
    await search(first.id);
    await expect.poll(() => rowAmounts()).toEqual(['SGD 12.34']);
    await search(first.providerRef);
    await expect.poll(() => rowAmounts()).toEqual(['SGD 12.34']);
  });

  it("matches '%' and '_' as themselves, and says why a 10 kB search is refused", async () => {
    await search('50%');
    await expect.poll(() => rowAmounts()).toEqual(['SGD 7.00']);
    await search('%');
    await expect.poll(() => testId('history-count').innerText()).toBe('No payments found');
    await search('_');
    await expect.poll(() => testId('history-count').innerText()).toBe('No payments found');
    // The box holds 64 characters; a longer text set by a script is refused with a sentence, not sent.
    await testId('history-search-text').evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
    await search('x'.repeat(10_240));
    await expect.poll(() => testId('history-problem').innerText()).toBe('An order number or reference has at most 64 characters; this one has 10240');
    await search('');
    await expect.poll(() => testId('history-count').innerText()).toBe('1–3 of 3');
  });

  it("takes dates in the shop's format, the one its list writes, not the browser's", async () => {
    expect(await cashier.evaluate(() => navigator.language)).toBe('en-US');
    const today = new Intl.DateTimeFormat('en-SG', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
    // The list's dates begin with the same dd/mm/yyyy the filter takes.
    const times = await cashier.locator('[data-testid="history-row"] .history-row__time').allInnerTexts();
    expect(times.every((t) => t.startsWith(`${today} `))).toBe(true);
    expect(await testId('history-from').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await testId('history-from').fill(today);
    await testId('history-to').fill(today);
    await testId('history-search').click();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–3 of 3');
    // A month-first date (as an en-US date field would give it) is not a date here when its day is past 12.
    await testId('history-from').fill('12/31/2026');
    await testId('history-search').click();
    await expect.poll(() => testId('history-problem').innerText()).toBe('Enter dates as dd/mm/yyyy, e.g. 31/12/2026');
  });
});
