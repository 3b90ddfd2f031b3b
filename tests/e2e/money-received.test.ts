import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { DAY_REPORT_CSV_HEADER } from '../../app/history/csv';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';
import { receiptWith } from '../support/receipt-watch';

/*
 * Issue 16, "Money received is never hidden", in Chromium against the real terminal in demo mode
 * (Orangepill on its doc-only simulator, the virtual printer). SGD 20.00, part of it arrives
 * (INCOMPLETE), Esc: a question names the amount, Back changes nothing, the confirmation ends the
 * sale "Cancelled — … received, to be returned" on both screens and on the receipt, without closing
 * the request at Orangepill; the cashier marks it returned; End of day lists it apart, with its
 * totals, and so does the Z report's CSV. A late payment is kept (then it counts as paid) or refunded
 * (through its question), and the customer hears no thanks before the cashier decides.
 */

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let cashier: Page;
let printer: VirtualPrinter;
let orangepill: OrangepillSimulator;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['orangepill'] } });
  const virtual = terminal.service.virtualPrinter;
  if (virtual === null) throw new Error('demo mode should print to its virtual printer');
  printer = virtual;
  const simulator = terminal.service.simulators.get('orangepill');
  if (simulator === undefined) throw new Error('demo mode should run the Orangepill simulator');
  orangepill = simulator as OrangepillSimulator;
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
  await cashier.setViewportSize({ width: 1024, height: 768 });
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string, within: Page | Locator = cashier) => within.locator(`[data-testid="${id}"]`);
const title = () => cashier.locator('#payment-title').innerText();
const displayText = () => testId('display-state', screens.display).innerText();

/** Keys an Orangepill sale and has the simulated customer's wallet do `outcome`; returns the request. */
async function sale(keys: string, shown: string, outcome: 'partial' | 'late') {
  await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys, shown });
  const request = orangepill.requests().at(-1);
  if (request === undefined) throw new Error('no request reached the simulator');
  const done = orangepill.simulate(request.id, outcome);
  if (!done.ok) throw new Error(done.error);
  return request;
}

const requestNow = (id: string) => orangepill.requests().find((r) => r.id === id);


/** RFC 4180 as the terminal writes it: fields quoted only when they must be, CRLF after every record. */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('a sale cancelled after money arrived', () => {
  let requestId = '';

  it('asks first, naming what arrived; Back changes nothing', async () => {
    const request = await sale('2000', '20.00', 'partial');
    requestId = request.id;
    await status(cashier, 'partially_paid').waitFor();
    await cashier.keyboard.press('Escape');
    await testId('cancel-money-confirm').waitFor();
    const question = await testId('cancel-money-confirm-text').innerText();
    // The doc-only simulator reports no amount for INCOMPLETE, so the question says so.
    expect(question).toMatch(/^Part of SGD 20\.00 has arrived \(amount not reported by Orangepill\)\. Cancel the sale\? The money received must be given back to the customer\./);
    expect(question).toContain(`Orangepill refunds are made in the Orangepill console: open the payment request ${request.id}`);
    await saveScreenshot(cashier, 'cashier-cancel-with-money');
    // Enter goes back too: only the red button cancels.
    await cashier.keyboard.press('Enter');
    await testId('cancel-money-confirm').waitFor({ state: 'detached' });
    expect(await status(cashier, 'partially_paid').count()).toBe(1);
    expect(requestNow(request.id)?.status).toBe('INCOMPLETE');
    expect(orangepill.isDeleted(request.id)).toBe(false);
  });

  it('once confirmed, ends "to be returned" on both screens, never closing the request at Orangepill', async () => {
    await testId('cancel').click();
    await testId('cancel-money-confirm-accept').click();
    await status(cashier, 'cancelled_with_money').waitFor();
    expect(await title()).toBe('Cancelled — money received (amount not reported), to be returned');
    expect(await testId('money-back-how').innerText()).toContain(`open the payment request ${requestId}`);
    expect(await cashier.getByText('Cancelled — not paid').count()).toBe(0);
    await displayState(screens.display, 'cancelled_with_money').waitFor();
    expect(await displayText()).toContain('Sale cancelled');
    expect(await displayText()).toContain('The money you paid will be returned to you.');
    expect(await displayText()).not.toContain('Payment cancelled');
    expect(requestNow(requestId)?.status).toBe('INCOMPLETE');
    expect(orangepill.isDeleted(requestId)).toBe(false);
    await saveScreenshot(cashier, 'cashier-cancelled-with-money');
    await saveScreenshot(screens.display, 'display-cancelled-with-money');
  });

  it('prints a receipt that says the money is to be returned, never "No payment was taken"', async () => {
    const printed = receiptWith(printer, 'SALE CANCELLED');
    await testId('print-receipt').click();
    const text = (await printed).lines.join('\n');
    expect(text).toMatch(/Received\s+not reported/);
    expect(text).toContain(requestId);
    expect(text).toContain('The money you paid will be returned to you');
    expect(text).not.toContain('No payment was taken');
  });

  it('is marked returned, after a question, with when', async () => {
    await testId('mark-returned').click();
    expect(await testId('mark-returned-confirm-text').innerText()).toMatch(/^Has the money received been given back to the customer\?/);
    await testId('mark-returned-confirm-accept').click();
    await expect.poll(() => title()).toBe('Cancelled — money received (amount not reported), returned');
    expect(await testId('money-back-returned').innerText()).toMatch(/^Marked returned at \d\d:\d\d$/);
    await newSale(screens);
  });
});

describe('a payment that arrived after its request expired', () => {
  it('waits for the cashier: both actions on screen, and no thanks on the customer display', async () => {
    await sale('700', '7.00', 'late');
    await expect.poll(() => title()).toBe('Paid late — keep or refund');
    await testId('keep-late').waitFor();
    await testId('refund-late').waitFor();
    await expect.poll(displayText).toContain('Payment received');
    expect(await displayText()).toContain('Please wait for the cashier.');
    expect(await displayText()).not.toContain('Thank you');
    await saveScreenshot(cashier, 'cashier-late-decision');
  });

  it('keep: counts as paid, says it was kept, and only then prints the receipt', async () => {
    // Nothing printed while the cashier had not decided: the one receipt is the kept one.
    const printed = new Promise<string>((resolve) => {
      const off = printer.onReceipt((r) => {
        const text = r.lines.join('\n');
        if (!/late/i.test(text)) return;
        off();
        resolve(text);
      });
    });
    await testId('keep-late').click();
    await expect.poll(() => title()).toBe('Paid');
    const receipt = await printed;
    expect(receipt).toMatch(/late, kept/i);
    expect(receipt).not.toMatch(/not yet kept/i);
    expect(await testId('payment-detail').innerText()).toMatch(/^Paid after the request expired; kept at \d\d:\d\d$/);
    await expect.poll(displayText).toContain('Thank you');
    await newSale(screens);
  });

  it('refund: through its question, then money to return', async () => {
    const request = await sale('500', '5.00', 'late');
    await testId('refund-late').waitFor();
    await testId('refund-late').click();
    const question = await testId('late-refund-confirm-text').innerText();
    expect(question).toMatch(/^Refund SGD 5\.00 to the customer\? Orangepill refunds are made in the Orangepill console/);
    expect(question).toContain("The customer display will show 'Sale cancelled. SGD 5.00 will be returned to you.'");
    await testId('late-refund-confirm-back').click();
    expect(await status(cashier, 'paid').count()).toBe(1);
    await testId('refund-late').click();
    await testId('late-refund-confirm-accept').click();
    await status(cashier, 'cancelled_with_money').waitFor();
    expect(await title()).toBe('Cancelled — SGD 5.00 received, to be returned');
    await expect.poll(displayText).toContain('SGD 5.00 will be returned to you.');
    expect(requestNow(request.id)?.status).toBe('LATE');
    await newSale(screens);
  });
});

describe('end of day', () => {
  it('lists the money to return apart from sales and cancellations, with its totals', async () => {
    await testId('eod-open').click();
    const row = cashier.locator('[data-testid="eod-row"][data-method="orangepill"][data-currency="SGD"]');
    await row.waitFor();
    // The kept late payment is the one sale paid; nothing counts as cancelled.
    expect(await Promise.all(['eod-paid', 'eod-cancelled'].map((id) => testId(id, row).innerText()))).toEqual(['1 · SGD 7.00', '0']);
    const back = cashier.locator('[data-testid="eod-money-back-row"][data-method="orangepill"][data-currency="SGD"]');
    expect(await Promise.all(['eod-to-return', 'eod-returned'].map((id) => testId(id, back).innerText()))).toEqual(['1 · SGD 5.00', '1 · SGD 0.00']);
    expect(await testId('eod-money-back-unreported').innerText()).toMatch(/^1 of these had no amount reported by the provider/);
  });

  it('closes the day with that section printed and in the Z report CSV', async () => {
    const printed = receiptWith(printer, 'END OF DAY REPORT');
    await testId('eod-close-day').click();
    await testId('eod-confirm-money-back').waitFor();
    await testId('eod-confirm-accept').click();
    const text = (await printed).lines.join('\n');
    expect(text).toMatch(/CANCELLED, MONEY RECEIVED[\s\S]*To return x1\s+SGD 5\.00[\s\S]*Returned x1\s+SGD 0\.00[\s\S]*Amount not reported x1/);
    await expect.poll(() => cashier.locator('[data-testid="eod-report"]').count()).toBe(1);
    const [file] = await Promise.all([cashier.waitForEvent('download'), testId('eod-csv').click()]);
    const [header, ...rows] = parseCsv(readFileSync(await file.path(), 'utf8'));
    expect(header).toEqual([...DAY_REPORT_CSV_HEADER]);
    expect(rows.map((r) => r.slice(4))).toEqual([['orangepill', 'SGD', '1', '7.00', '0', '0.00', '7.00', '0', '0', '0', '', '0', '0.00', '1', '5.00', '1', '0.00', '1']]);
  });
});
