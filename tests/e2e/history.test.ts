import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DAY_REPORT_CSV_HEADER, PAYMENT_CSV_HEADER } from '../../app/history/csv';
import type { PaymentPage } from '../../app/ipc/history';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';
import { receiptWith } from '../support/receipt-watch';

/*
 * History and end of day in Chromium, against the real terminal in demo mode with its journal: six
 * sales in two methods and two currencies (paid, failed, expired, cancelled, and an Atome payment
 * refunded in part from History), then the list and its filters, a payment's timeline, the CSV as
 * downloaded, the end-of-day figures, closing the day onto the virtual printer, and a reprint.
 */

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let printer: VirtualPrinter;
let cashier: Page;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['demo', 'atome'] }, payment: { currencies: ['SGD', 'MYR'] } });
  const virtual = terminal.service.virtualPrinter;
  if (virtual === null) throw new Error('demo mode should print to its virtual printer');
  printer = virtual;
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

/** RFC 4180, strictly: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r' || ch === '"') throw new Error(`not RFC 4180 at ${i}`);
    else field += ch;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** The file the page downloads when `click` happens. */
async function download(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([cashier.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}


async function sell(currency: string, method: string, keys: string, shown: string, outcome: 'paid' | 'failed' | 'expired' | 'cancel'): Promise<void> {
  await keySale(cashier, { currency, method, keys, shown });
  if (outcome === 'cancel') {
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
  } else {
    await cashier.locator(`[data-testid="demo-${outcome}"]`).click();
    await status(cashier, outcome).waitFor();
  }
  await newSale(screens);
}

const testId = (id: string, within: Page | Locator = cashier) => within.locator(`[data-testid="${id}"]`);
const rowStatuses = () => testId('history-row-status').allInnerTexts();

describe('history and end of day, in Chromium', () => {
  it('keeps every sale: paid, failed, expired, cancelled, in two methods and two currencies', async () => {
    await sell('SGD', 'demo', '1234', 'SGD 12.34', 'paid');
    await sell('SGD', 'demo', '500', 'SGD 5.00', 'failed');
    await sell('SGD', 'demo', '700', 'SGD 7.00', 'expired');
    await sell('SGD', 'atome', '2000', 'SGD 20.00', 'paid');
    await sell('MYR', 'atome', '4590', 'MYR 45.90', 'paid');
    await sell('SGD', 'demo', '800', 'SGD 8.00', 'cancel');
    // Every sale is in the journal, newest first, as it ended: what History below reads.
    const listed = await terminal.service.dispatch('listPayments', {}, 'cashier');
    if (!listed.ok) throw new Error(listed.error.message);
    const { payments, total } = listed.value as PaymentPage;
    expect(total).toBe(6);
    expect(payments.map((p) => [p.method, p.amount.currency, p.amount.minor, p.state.status])).toEqual([
      ['demo', 'SGD', 800, 'cancelled'],
      ['atome', 'MYR', 4590, 'paid'],
      ['atome', 'SGD', 2000, 'paid'],
      ['demo', 'SGD', 700, 'expired'],
      ['demo', 'SGD', 500, 'failed'],
      ['demo', 'SGD', 1234, 'paid'],
    ]);
  });

  it('lists them newest first and filters by status, method and amount', async () => {
    // By keyboard: Tab to the button and Enter opens History (and does not reach "Enter charges").
    await testId('history-open').focus();
    await cashier.keyboard.press('Enter');
    await testId('history-panel').waitFor();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–6 of 6');
    expect(await rowStatuses()).toEqual(['Cancelled', 'Paid', 'Paid', 'Expired', 'Failed', 'Paid']);
    await testId('history-status').selectOption('failed');
    await testId('history-search').click();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–1 of 1');
    await testId('history-status').selectOption('');
    await testId('history-method').selectOption('atome');
    await testId('history-search').click();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–2 of 2');
    await testId('history-method').selectOption('');
    await testId('history-min').fill('10');
    await testId('history-max').fill('25.00');
    await testId('history-search').click();
    // The method filter's answer also read "1–2 of 2": wait on the rows themselves.
    await expect.poll(() => testId('history-list').innerText()).toMatch(/Atome[\s\S]*SGD 20\.00[\s\S]*Demo[\s\S]*SGD 12\.34/);
    expect(await testId('history-count').innerText()).toBe('1–2 of 2');
    await testId('history-max').fill('1.234');
    await testId('history-search').click();
    await expect.poll(() => testId('history-problem').innerText()).toBe('Highest amount: SGD has 2 decimal places, "1.234" has 3');
    await testId('history-max').fill('');
    await testId('history-min').fill('');
    await testId('history-search').click();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–6 of 6');
    // Digits pressed while the panel is open stay in it: the amount behind is checked once it closes.
    await testId('history-search').focus();
    await cashier.keyboard.press('7');
  });

  it("shows a payment's timeline and provider ids, reprints its receipt, and refunds it in part under Atome's rule", async () => {
    const atome = cashier.locator('[data-testid="history-row"]', { hasText: 'SGD 20.00' });
    const paymentId = await atome.getAttribute('data-payment-id');
    await atome.click();
    const detail = testId('history-detail');
    await detail.waitFor();
    expect(await testId('history-timeline').innerText()).toMatch(/Creating[\s\S]*Waiting for the customer[\s\S]*Paid/);
    const ids = await testId('history-provider-id').allInnerTexts();
    expect(ids[0]).toBe(paymentId);
    expect(ids[1]).toMatch(/^chrg_/);
    expect(await testId('refund-rule').innerText()).toBe('Refunds: Full or partial refunds within 60 days of the payment');

    const receipt = receiptWith(printer, paymentId ?? 'none');
    await testId('history-reprint').click();
    expect((await receipt).lines.join('\n')).toContain('SGD 20.00');
    await expect.poll(() => testId('history-detail-answer').innerText()).toMatch(/Printed/);

    // The same refund form and question as on the sale's screen (tests/e2e/refund-and-close-day.test.ts).
    await testId('refund-amount').fill('5.00');
    await testId('refund-submit').click();
    await testId('refund-confirm-accept').click();
    await expect.poll(() => testId('refund-answer').innerText()).toBe('Refunded SGD 5.00: SGD 15.00 can still be refunded');
    await expect.poll(() => testId('history-detail-refunded').innerText()).toBe('SGD 5.00');
    await expect.poll(() => testId('history-timeline').innerText()).toContain('Refunded SGD 5.00');
    expect(await testId('history-detail-status').innerText()).toBe('Paid, partly refunded · SGD 20.00');
    expect(await testId('refund-amount').inputValue()).toBe('');
    await saveScreenshot(cashier, 'cashier-history');
    await testId('history-back').click();
  });

  it('exports exactly what the journal holds as RFC 4180 CSV', async () => {
    const file = await download(() => testId('history-export').click());
    expect(file.name).toMatch(/^payments-.*\.csv$/);
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual([...PAYMENT_CSV_HEADER]);
    const column = (name: (typeof PAYMENT_CSV_HEADER)[number]) => rows.map((r) => r[PAYMENT_CSV_HEADER.indexOf(name)]);
    expect(column('method')).toEqual(['demo', 'atome', 'atome', 'demo', 'demo', 'demo']);
    expect(column('status')).toEqual(['cancelled', 'paid', 'paid', 'expired', 'failed', 'paid']);
    expect(column('currency')).toEqual(['SGD', 'MYR', 'SGD', 'SGD', 'SGD', 'SGD']);
    expect(column('amount')).toEqual(['8.00', '45.90', '20.00', '7.00', '5.00', '12.34']);
    expect(column('refunded')).toEqual(['0.00', '0.00', '5.00', '0.00', '0.00', '0.00']);
    for (const at of column('created_at')) expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(column('paid_at').map((at) => at !== '')).toEqual([false, true, true, false, false, true]);
    expect(column('failure_code')[4]).not.toBe('');
    await testId('history-close').click();
    await testId('history-panel').waitFor({ state: 'detached' });
    expect(await testId('amount').innerText()).toBe('SGD 0.00');
  });

  it('shows the open day per method and currency, exactly', async () => {
    await testId('eod-open').click();
    await testId('eod-panel').waitFor();
    const row = (method: string, currency: string) => cashier.locator(`[data-testid="eod-row"][data-method="${method}"][data-currency="${currency}"]`);
    await row('demo', 'SGD').waitFor();
    const figures = async (method: string, currency: string) => {
      const r = row(method, currency);
      return Promise.all(['eod-paid', 'eod-refunded', 'eod-net', 'eod-failed', 'eod-expired', 'eod-cancelled'].map((id) => testId(id, r).innerText()));
    };
    expect(await testId('eod-row').count()).toBe(3);
    expect(await figures('demo', 'SGD')).toEqual(['1 · SGD 12.34', '0 · SGD 0.00', 'SGD 12.34', '1', '1', '1']);
    expect(await figures('atome', 'MYR')).toEqual(['1 · MYR 45.90', '0 · MYR 0.00', 'MYR 45.90', '0', '0', '0']);
    expect(await figures('atome', 'SGD')).toEqual(['1 · SGD 20.00', '1 · SGD 5.00', 'SGD 15.00', '0', '0', '0']);
    await saveScreenshot(cashier, 'cashier-end-of-day');
  });

  it('closes the day as report no. 1, prints it on the virtual printer, and reprints and exports it', async () => {
    const printed = receiptWith(printer, 'END OF DAY REPORT');
    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    await expect.poll(() => testId('eod-answer').innerText()).toBe('Day closed: report no. 1 is kept and printed');
    const text = (await printed).lines.join('\n');
    expect(text).toMatch(/Report no\.\s+1/);
    expect(text).toMatch(/Demo QR \(SGD\)[\s\S]*Paid x1\s+SGD 12\.34[\s\S]*Net\s+SGD 12\.34[\s\S]*Failed\s+1[\s\S]*Expired\s+1[\s\S]*Cancelled\s+1/);
    expect(text).toMatch(/\(SGD\)[\s\S]*Refunded x1\s+-SGD 5\.00[\s\S]*Net\s+SGD 15\.00/);
    await expect.poll(() => testId('eod-preview').innerText()).toBe('No payments in this period');
    await expect.poll(() => cashier.locator('[data-testid="eod-report"]').count()).toBe(1);

    const again = receiptWith(printer, 'END OF DAY REPORT');
    await testId('eod-reprint').click();
    expect((await again).lines.join('\n')).toMatch(/Report no\.\s+1/);
    await expect.poll(() => testId('eod-answer').innerText()).toMatch(/^End of day report 1: Printed/);

    const file = await download(() => testId('eod-csv').click());
    expect(file.name).toBe('day-report-1.csv');
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual([...DAY_REPORT_CSV_HEADER]);
    expect(rows.map((r) => r.slice(4))).toEqual([
      // `operator` is empty on a method's row; nobody was signed in, so there is no person's row. No sale was parked.
      ['demo', 'SGD', '1', '12.34', '0', '0.00', '12.34', '1', '1', '1', '', '0', '0.00', '0', '0.00', '0', '0.00', '0'],
      ['atome', 'MYR', '1', '45.90', '0', '0.00', '45.90', '0', '0', '0', '', '0', '0.00', '0', '0.00', '0', '0.00', '0'],
      ['atome', 'SGD', '1', '20.00', '1', '5.00', '15.00', '0', '0', '0', '', '0', '0.00', '0', '0.00', '0', '0.00', '0'],
    ]);
    expect(rows.every((r) => r[0] === '1')).toBe(true);
    await cashier.keyboard.press('Escape');
    await testId('eod-panel').waitFor({ state: 'detached' });
  });
});
