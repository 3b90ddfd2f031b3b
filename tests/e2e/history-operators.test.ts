import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ServerMessage } from '../../app/ipc/ws-protocol';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';
import { connect, type TestClient } from '../support/ws-client';
import { receiptWith } from '../support/receipt-watch';

/*
 * Who sold what, in Chromium: Mei (manager) and Ali (cashier) are listed; the cashier page signs in
 * as Ali on its own sign-in screen and sells; Mei sells and refunds on a screen of her own (a bare
 * WebSocket, as a second till would). History's "Sold by" filter finds each one's sales and names
 * them, a sale's timeline says who refunded it, and End of day shows the figures per person, as the
 * Z report then prints them.
 */

const MEI = { id: 'mei', name: 'Mei', role: 'manager' as const, pin: '2468' };
const ALI = { id: 'ali', name: 'Ali', role: 'cashier' as const, pin: '1357' };

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let printer: VirtualPrinter;
let cashier: Page;
let mei: TestClient;
let meisSale: string;

type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string } };
async function value<T>(c: TestClient, command: string, args: unknown = {}): Promise<T> {
  const message: ServerMessage = await c.command(command, args);
  if (message.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  const result = message.result as Answer;
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['demo', 'atome'] } });
  const virtual = terminal.service.virtualPrinter;
  if (virtual === null) throw new Error('demo mode should print to its virtual printer');
  printer = virtual;
  mei = await connect(terminal.host.urls.cashier.replace('http', 'ws').replace(/\/cashier\/\?/, '/api?'));
  // Listed before the page opens, so it starts on its sign-in screen.
  await value(mei, 'saveStaff', { members: [MEI, ALI], refundApproval: { mode: 'over', thresholdMinor: 1000 } });
  await value(mei, 'signIn', { staffId: 'mei', pin: '2468' });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  cashier = screens.cashier;
});

afterAll(async () => {
  mei?.close();
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const testId = (id: string, within: Page | Locator = cashier) => within.locator(`[data-testid="${id}"]`);


describe('who sold what, in Chromium', () => {
  it("Mei sells and refunds on her own screen; the page signs in as Ali and sells", async () => {
    const { id } = await value<{ id: string }>(mei, 'charge', { amount: { minor: 750, currency: 'SGD' }, method: 'atome' });
    meisSale = id;
    await value(mei, 'demoSimulate', { paymentId: id, outcome: 'paid' });
    await expect.poll(async () => (await value<{ payment: { state: { status: string } } }>(mei, 'getSnapshot')).payment.state.status).toBe('paid');
    await value(mei, 'refund', { paymentId: id, amount: { minor: 200, currency: 'SGD' } });
    await value(mei, 'dismiss', { paymentId: id });

    await testId('sign-in').waitFor();
    await cashier.locator('[data-testid="sign-in-person"][data-staff-id="ali"]').click();
    await testId('sign-in-pin').fill('1357');
    await testId('sign-in-submit').click();
    await testId('sign-in').waitFor({ state: 'detached' });
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1234', shown: 'SGD 12.34' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await newSale(screens);
  });

  it("History's \"Sold by\" filter finds each person's sales, and the list names who sold each", async () => {
    await testId('history-open').click();
    await testId('history-panel').waitFor();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–2 of 2');
    expect((await testId('history-row-operator').allInnerTexts()).map((t) => t.trim())).toEqual(['· Ali', '· Mei']);
    expect(await testId('history-operator').locator('option').allInnerTexts()).toEqual(['Anyone', 'Mei', 'Ali']);
    await testId('history-operator').selectOption('ali');
    await testId('history-search').click();
    await expect.poll(() => testId('history-count').innerText()).toBe('1–1 of 1');
    expect(await testId('history-list').innerText()).toMatch(/Demo[\s\S]*Ali[\s\S]*SGD 12\.34/);
    await testId('history-operator').selectOption('mei');
    await testId('history-search').click();
    await expect.poll(() => testId('history-list').innerText()).toMatch(/Atome[\s\S]*Mei[\s\S]*SGD 7\.50/);
    expect(await testId('history-count').innerText()).toBe('1–1 of 1');
    await saveScreenshot(cashier, 'cashier-history-operator');
  });

  it("a sale's detail says who sold it and who refunded it, when", async () => {
    await cashier.locator(`[data-testid="history-row"][data-payment-id="${meisSale}"]`).click();
    await testId('history-detail').waitFor();
    expect(await testId('history-detail-operator').innerText()).toBe('Mei');
    expect(await testId('history-audit').allInnerTexts()).toEqual([expect.stringMatching(/ Refund of SGD 2\.00 made by Mei$/)]);
    expect(await testId('history-timeline').innerText()).toMatch(/Refunded SGD 2\.00[\s\S]*Refund of SGD 2\.00 made by Mei/);
    await testId('history-close').click();
    await testId('history-panel').waitFor({ state: 'detached' });
  });

  it('End of day shows the figures per person, and the Z report prints them', async () => {
    await testId('eod-open').click();
    await testId('eod-panel').waitFor();
    const person = (id: string) => cashier.locator(`[data-testid="eod-operator"][data-operator="${id}"][data-currency="SGD"]`);
    await person('ali').waitFor();
    const figures = (id: string) => Promise.all(['eod-operator-paid', 'eod-operator-refunded', 'eod-operator-net'].map((cell) => testId(cell, person(id)).innerText()));
    expect(await testId('eod-operator').count()).toBe(2);
    expect(await figures('ali')).toEqual(['1 · SGD 12.34', '0 · SGD 0.00', 'SGD 12.34']);
    expect(await figures('mei')).toEqual(['1 · SGD 7.50', '1 · SGD 2.00', 'SGD 5.50']);
    expect(await testId('eod-operators').locator('th[scope="row"]').allInnerTexts()).toEqual(['Ali (SGD)', 'Mei (SGD)']);
    await saveScreenshot(cashier, 'cashier-end-of-day-operators');

    // Closing the day is Mei's (a manager's): from her screen, the report prints with the same lines.
    const printed = receiptWith(printer, 'END OF DAY REPORT');
    await value(mei, 'closeDay');
    const text = (await printed).lines.join('\n');
    expect(text).toMatch(/BY OPERATOR[\s\S]*Ali \(SGD\)\s+Sales x1\s+SGD 12\.34\s+Refunds x0\s+SGD 0\.00\s+Net\s+SGD 12\.34/);
    expect(text).toMatch(/Mei \(SGD\)\s+Sales x1\s+SGD 7\.50\s+Refunds x1\s+-SGD 2\.00\s+Net\s+SGD 5\.50/);
  });
});
