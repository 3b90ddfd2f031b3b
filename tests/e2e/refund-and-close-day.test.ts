import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DayReport } from '../../app/ipc/history';
import type { OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';
import { receiptWith } from '../support/receipt-watch';

/*
 * Issue 16: refunds and closing the day are deliberate. In Chromium, against the real terminal in demo
 * mode (Atome on its built-in Opn simulator, the virtual printer): Enter never refunds, the amount
 * starts empty, a question names the amount and what the customer will see, and only its own button
 * refunds; a partly refunded sale says so on the result screen, in History, on the reprinted receipt
 * and at the end of day. Closing the day asks first, over the figures and each currency's grand total,
 * and an empty day is closed only when that is confirmed. Every question's buttons are on screen at
 * 1024×768 and 1366×768 without scrolling.
 */

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;
let printer: VirtualPrinter;
let opn: OpnSimulator;
let chargeId: string;
let paymentId: string;

const SMALL = { width: 1024, height: 768 };
const WIDE = { width: 1366, height: 768 };

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['demo', 'atome'] } });
  const virtual = terminal.service.virtualPrinter;
  if (virtual === null) throw new Error('demo mode should print to its virtual printer');
  printer = virtual;
  const simulator = terminal.service.simulators.get('atome');
  if (simulator === undefined) throw new Error('demo mode should run the Opn simulator for Atome');
  opn = simulator as OpnSimulator;
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
  await cashier.setViewportSize(SMALL);
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string, within: Page | Locator = cashier) => within.locator(`[data-testid="${id}"]`);
const focused = () => cashier.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
/** The Opn simulator's own record of the sale: what the provider holds, whatever the screens say. */
const charge = () => opn.charges().find((c) => c.id === chargeId);
const refundRequests = () => opn.requests().filter((r) => r.method === 'POST' && r.path === `/charges/${chargeId}/refunds`);


/** Each button lies wholly inside the viewport, at each screen size a counter PC has: no scrolling to reach it. */
async function expectInViewport(buttons: readonly Locator[]): Promise<void> {
  for (const size of [SMALL, WIDE]) {
    await cashier.setViewportSize(size);
    for (const button of buttons) {
      const box = await button.boundingBox();
      expect(box, `${await button.innerText()} at ${size.width}×${size.height}`).not.toBeNull();
      if (box === null) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
  }
  await cashier.setViewportSize(SMALL);
}

const PARTIAL_QUESTION =
  "Refund SGD 5.00 of SGD 20.00 to the customer's Atome (simulated) account? The customer display will not change: it shows only a refund in full. This cannot be undone.";

describe('refunds are deliberate (Atome on the simulator, at 1024×768)', () => {
  it('starts with an empty amount, and Enter in it refunds nothing, empty or typed', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1234', shown: 'SGD 12.34' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await newSale(screens);

    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2000', shown: 'SGD 20.00' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    paymentId = await testId('payment-id').innerText();
    chargeId = await testId('provider-ref').innerText();
    expect(charge()).toMatchObject({ amount: 2000, status: 'successful', refunded_amount: 0 });

    const amount = testId('refund-amount');
    expect(await amount.inputValue()).toBe('');
    await amount.focus();
    await cashier.keyboard.press('Enter');
    await amount.fill('5.00');
    await cashier.keyboard.press('Enter');
    // Enter neither asked, nor refunded, nor started the next sale: the typed amount is still there.
    expect(await amount.inputValue()).toBe('5.00');
    expect(await testId('refund-confirm').count()).toBe(0);
    expect(await status(cashier, 'paid').count()).toBe(1);
    expect(charge()?.refunded_amount).toBe(0);
  });

  it('asks first, naming the amount, the method and what the customer will see; Back and Enter refund nothing', async () => {
    await testId('refund-submit').click();
    const dialog = testId('refund-confirm');
    await dialog.waitFor();
    expect(await testId('refund-confirm-text').innerText()).toBe(PARTIAL_QUESTION);
    // The focus goes into the question, onto Back: a stray Enter goes back.
    await expect.poll(focused).toBe('refund-confirm-back');
    await expectInViewport([testId('refund-confirm-accept'), testId('refund-confirm-back')]);
    await saveScreenshot(cashier, 'cashier-refund-confirm');

    // Enter on the Refund button itself does nothing either; the question stays until Back.
    await testId('refund-confirm-accept').focus();
    await cashier.keyboard.press('Enter');
    await cashier.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('refund-confirm-back');
    await cashier.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('refund-submit');
    expect(await status(cashier, 'paid').count()).toBe(1);
    expect(charge()?.refunded_amount).toBe(0);
    expect(refundRequests()).toHaveLength(0);
  });

  it('refunds only from the question\u2019s own button, then says "partly refunded" and empties the amount', async () => {
    await testId('refund-submit').click();
    await testId('refund-confirm').waitFor();
    await testId('refund-confirm-accept').click();
    await expect.poll(() => testId('refund-answer').innerText()).toBe('Refunded SGD 5.00: SGD 15.00 can still be refunded');
    await testId('refund-confirm').waitFor({ state: 'detached' });
    expect(await testId('refunded').innerText()).toBe('Partly refunded: SGD 5.00 of SGD 20.00');
    expect(await testId('refund-amount').inputValue()).toBe('');
    expect(charge()?.refunded_amount).toBe(500);
    // One refund reached the provider, for the amount confirmed: none of the Enters before sent one.
    expect(refundRequests().map((r) => r.form?.['amount'])).toEqual(['500']);

    const receipt = receiptWith(printer, paymentId);
    await testId('print-receipt').click();
    const text = (await receipt).lines.join('\n');
    expect(text).toMatch(/PAID, PARTLY REFUNDED/);
    expect(text).toMatch(/Refunded\s+-SGD 5\.00/);
    expect(text).toMatch(/Paid after refund\s+SGD 15\.00/);
    await newSale(screens);
  });

  it('shows the sale as partly refunded in History, list and detail, with the refund\u2019s time, and reprints it so', async () => {
    await testId('history-open').click();
    const row = cashier.locator(`[data-testid="history-row"][data-payment-id="${paymentId}"]`);
    await row.waitFor();
    expect(await testId('history-row-status', row).innerText()).toBe('Paid, partly refunded');
    await row.click();
    await testId('history-detail').waitFor();
    expect(await testId('history-detail-status').innerText()).toBe('Paid, partly refunded · SGD 20.00');
    expect(await testId('history-detail-refunded').innerText()).toBe('SGD 5.00');
    const refundLine = testId('history-timeline').locator('li', { hasText: 'Refunded SGD 5.00' });
    expect(await refundLine.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await testId('refund-amount').inputValue()).toBe('');

    const reprinted = receiptWith(printer, paymentId);
    await testId('history-reprint').click();
    expect((await reprinted).lines.join('\n')).toMatch(/PAID, PARTLY REFUNDED[\s\S]*Refunded\s+-SGD 5\.00/);
  });

  it('asks the same question in History; Esc there goes back to the payment, not out of History', async () => {
    await testId('refund-amount').fill('15.01');
    await testId('refund-submit').click();
    await expect.poll(() => testId('refund-answer').innerText()).toBe('SGD 15.01 is more than the SGD 15.00 left to refund');
    expect(await testId('refund-confirm').count()).toBe(0);

    await testId('refund-amount').fill('2');
    await testId('refund-submit').click();
    await testId('refund-confirm').waitFor();
    expect(await testId('refund-confirm-text').innerText()).toBe(
      "Refund SGD 2.00 of SGD 20.00 (SGD 5.00 already refunded) to the customer's Atome (simulated) account? The customer display will not change: this sale is no longer on the counter. This cannot be undone.",
    );
    await cashier.keyboard.press('Escape');
    await testId('refund-confirm').waitFor({ state: 'detached' });
    expect(await testId('history-detail').count()).toBe(1);
    await expect.poll(focused).toBe('refund-submit');
    expect(charge()?.refunded_amount).toBe(500);
    await cashier.keyboard.press('Escape');
    await testId('history-panel').waitFor({ state: 'detached' });
  });
});

describe('closing the day is deliberate', () => {
  const reports = async (): Promise<readonly DayReport[]> => {
    const result = await terminal.service.dispatch('listDayReports', {}, 'cashier');
    if (!result.ok) throw new Error(result.error.message);
    return result.value as readonly DayReport[];
  };

  it('keeps Close the day apart from Close, in another colour, and counts the partly refunded sale once, with its refund', async () => {
    await testId('eod-open').click();
    const atome = cashier.locator('[data-testid="eod-row"][data-method="atome"][data-currency="SGD"]');
    await atome.waitFor();
    const figures = (row: Locator) => Promise.all(['eod-paid', 'eod-refunded', 'eod-net'].map((id) => testId(id, row).innerText()));
    expect(await figures(atome)).toEqual(['1 · SGD 20.00', '1 · SGD 5.00', 'SGD 15.00']);
    expect(await figures(cashier.locator('[data-testid="eod-grand"][data-currency="SGD"]'))).toEqual(['2 · SGD 32.34', '1 · SGD 5.00', 'SGD 27.34']);

    const closeDay = await testId('eod-close-day').boundingBox();
    const dismiss = await testId('eod-dismiss').boundingBox();
    if (closeDay === null || dismiss === null) throw new Error('both buttons should be on the panel');
    const gapX = Math.max(0, closeDay.x - (dismiss.x + dismiss.width), dismiss.x - (closeDay.x + closeDay.width));
    const gapY = Math.max(0, closeDay.y - (dismiss.y + dismiss.height), dismiss.y - (closeDay.y + closeDay.height));
    expect(Math.hypot(gapX, gapY)).toBeGreaterThan(96);
    const background = (id: string) => testId(id).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('eod-close-day')).toBe('rgb(164, 33, 27)');
    expect(await background('eod-dismiss')).not.toBe(await background('eod-close-day'));
  });

  it('asks first, over the figures and the grand total per currency; Back closes nothing', async () => {
    await testId('eod-close-day').click();
    const dialog = testId('eod-confirm');
    await dialog.waitFor();
    expect(await testId('eod-confirm-text').innerText()).toMatch(
      /^Close the day from \d{2}:\d{2} up to now as Z report no\. 1, with the figures below\? It is kept for good and printed, and the next sale starts a new day\. This cannot be undone\.$/,
    );
    expect(await testId('eod-confirm-row', dialog).count()).toBe(2);
    const grand = testId('eod-confirm-grand', dialog);
    expect(await grand.getAttribute('data-currency')).toBe('SGD');
    expect(await Promise.all(['eod-paid', 'eod-refunded', 'eod-net'].map((id) => testId(id, grand).innerText()))).toEqual(['2 · SGD 32.34', '1 · SGD 5.00', 'SGD 27.34']);
    await expect.poll(focused).toBe('eod-confirm-back');
    await expectInViewport([testId('eod-confirm-accept'), testId('eod-confirm-back')]);
    await saveScreenshot(cashier, 'cashier-close-day-confirm');

    await testId('eod-confirm-back').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('eod-close-day');
    expect(await testId('eod-panel').count()).toBe(1);
    expect(await reports()).toEqual([]);
    expect(await testId('eod-reports').innerText()).toBe('No day has been closed yet');
  });

  it('closes the day as Z 1 once confirmed', async () => {
    const printed = receiptWith(printer, 'END OF DAY REPORT');
    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    await expect.poll(() => testId('eod-answer').innerText()).toBe('Day closed: report no. 1 is kept and printed');
    expect((await printed).lines.join('\n')).toMatch(/Report no\.\s+1/);
    expect((await reports()).map((r) => r.number)).toEqual([1]);
    await expect.poll(() => testId('eod-preview').innerText()).toBe('No payments in this period');
  });

  it('asks in its own words before closing an empty day, and closes it as Z 2 only when confirmed', async () => {
    const [last] = await reports();
    if (last === undefined) throw new Error('report 1 should be kept');
    const to = new Date(last.to);
    const time = `${String(to.getHours()).padStart(2, '0')}:${String(to.getMinutes()).padStart(2, '0')}`;

    await testId('eod-close-day').click();
    await testId('eod-confirm').waitFor();
    expect(await testId('eod-confirm-text').innerText()).toBe(`No sales since the last report (Z 1 at ${time}). Close an empty day?`);
    expect(await testId('eod-confirm-accept').innerText()).toBe('Close an empty day');
    await expectInViewport([testId('eod-confirm-accept'), testId('eod-confirm-back')]);
    await cashier.keyboard.press('Escape');
    await testId('eod-confirm').waitFor({ state: 'detached' });
    expect((await reports()).map((r) => r.number)).toEqual([1]);

    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    await expect.poll(() => testId('eod-answer').innerText()).toBe('Day closed: report no. 2 is kept and printed');
    expect((await reports()).map((r) => r.number)).toEqual([2, 1]);
    await cashier.keyboard.press('Escape');
    await testId('eod-panel').waitFor({ state: 'detached' });
  });
});
