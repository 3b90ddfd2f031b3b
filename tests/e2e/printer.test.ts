import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { keySale } from '../support/cashier';
import type { PrintedReceipt, VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { decodeQrFromPng } from '../support/qr-decode';
import { displayState, saveScreenshot, status } from '../support/screens';

/*
 * The receipt printer at the counter, in Chromium against the real terminal in demo mode: every slip
 * goes as ESC/POS bytes over a real TCP socket to the virtual printer, which renders it; each printed
 * QR is decoded from that picture and compared with the payment's own payload.
 */

let browser: Browser;
let terminal: InProcessTerminal;
let printer: VirtualPrinter;
let cashierContext: BrowserContext;
let cashier: Page;
let displayContext: BrowserContext | null = null;

beforeAll(async () => {
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner', addressLines: ['12 Jalan Besar', 'Singapore 208790'] },
    printer: { paper: '58mm' },
    // An Orangepill sale in USD below: the shop charges in both.
    payment: { currencies: ['SGD', 'USD'] },
  });
  const virtual = terminal.service.virtualPrinter;
  if (virtual === null) throw new Error('demo mode should print to its virtual printer');
  printer = virtual;
  browser = await launchChromium();
  cashierContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  cashier = await cashierContext.newPage();
  await cashier.goto(terminal.host.urls.cashier);
  await cashier.locator('[data-testid="device-bar"]').waitFor();
});

afterAll(async () => {
  await displayContext?.close();
  await cashierContext?.close();
  await browser?.close();
  await terminal?.close();
});

const device = (id: string) => cashier.locator(`[data-testid="device-${id}"]`);
const outcome = () => cashier.locator('[data-testid="print-outcome"]');
const lines = (receipt: PrintedReceipt): string => receipt.lines.join('\n');

/** Keys an amount and charges it with the demo method; the simulated provider's record of it. */
async function charge(keys: string, shown: string) {
  await cashier.bringToFront();
  await cashier.locator('[data-testid="amount"]').waitFor();
  for (const key of keys) await cashier.keyboard.press(key);
  await expect.poll(() => cashier.locator('[data-testid="amount"]').innerText()).toContain(shown);
  await cashier.keyboard.press('Enter');
  await status(cashier, 'awaiting').waitFor();
  const record = demoRecords(terminal.service).at(-1);
  if (record === undefined) throw new Error('the simulated provider holds no payment');
  return record;
}

async function newSale(): Promise<void> {
  await cashier.locator('[data-testid="new-sale"]').click();
  await cashier.locator('[data-testid="amount"]').waitFor();
}

describe('the receipt printer, end to end (web mode, virtual printer over TCP)', () => {
  it('prints the QR slip by itself when no customer display is connected, and the printed QR scans to the payload', async () => {
    await expect.poll(() => device('customer-display').getAttribute('data-health')).toBe('attention');
    await expect.poll(() => device('printer').getAttribute('data-health')).toBe('ok');
    const slip = printer.nextReceipt();
    const record = await charge('1234', '12.34');
    const printed = await slip;
    expect(printed.width).toBe(384);
    expect(decodeQrFromPng(printed.png)).toBe(record.qr_payload);
    expect(printed.qrPayloads).toEqual([record.qr_payload]);
    expect(lines(printed)).toContain('Kopi Corner');
    expect(lines(printed)).toContain('SGD 12.34');
    await expect.poll(() => outcome().getAttribute('data-outcome')).toBe('printed');
    expect(await outcome().innerText()).toContain('Printed');
    await cashier.locator('[data-testid="receipt-image"]').waitFor();
  });

  it('prints the paid receipt by itself, once, with the amount, the provider id and our reference', async () => {
    const payment = demoRecords(terminal.service).at(-1);
    const receipt = printer.nextReceipt();
    await cashier.locator('[data-testid="demo-paid"]').click();
    await status(cashier, 'paid').waitFor();
    const text = lines(await receipt);
    expect(text).toContain('PAID');
    expect(text).toContain('SGD 12.34');
    expect(text).toContain('12 Jalan Besar');
    expect(text).toContain(payment?.id ?? 'no id');
    await expect.poll(() => outcome().innerText()).toContain('Receipt');
    await saveScreenshot(cashier, 'cashier-receipt');
    const count = printer.receipts().length;
    // Printing again is the cashier's choice: the button reprints the same receipt.
    const again = printer.nextReceipt();
    await cashier.locator('[data-testid="print-receipt"]').click();
    expect(lines(await again)).toContain('PAID');
    expect(printer.receipts().length).toBe(count + 1);
    await newSale();
  });

  it('with a customer display connected it prints the QR slip only when asked', async () => {
    displayContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const display = await displayContext.newPage();
    await display.goto(terminal.host.urls.display);
    await displayState(display, 'idle').waitFor();
    await expect.poll(() => device('customer-display').getAttribute('data-health')).toBe('ok');
    const before = printer.receipts().length;
    const record = await charge('700', '7.00');
    await display.locator('[data-testid="qr"]').waitFor();
    expect(printer.receipts().length).toBe(before);
    const slip = printer.nextReceipt();
    await cashier.locator('[data-testid="print-qr-slip"]').click();
    expect(decodeQrFromPng((await slip).png)).toBe(record.qr_payload);
    await cashier.locator('[data-testid="cancel"]').click();
    await status(cashier, 'cancelled').waitFor();
    await newSale();
  });

  it('prints the Atome and Orangepill QRs natively: each scans to what the provider issued', async () => {
    const opn = terminal.service.simulators.get('atome') as OpnSimulator;
    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2500', shown: '25.00' });
    const charge = opn.charges().at(-1);
    const atomeSlip = printer.nextReceipt();
    await cashier.locator('[data-testid="print-qr-slip"]').click();
    const atome = await atomeSlip;
    expect(decodeQrFromPng(atome.png)).toBe(opn.qrPayload(charge?.id ?? ''));
    expect(lines(atome)).toContain('Scan with the Atome app');
    await cashier.locator('[data-testid="cancel"]').click();
    await status(cashier, 'cancelled').waitFor();
    await newSale();

    const orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator;
    await keySale(cashier, { currency: 'USD', method: 'orangepill', keys: '10023', shown: '100.23' });
    const request = orangepill.requests().at(-1);
    const orangepillSlip = printer.nextReceipt();
    await cashier.locator('[data-testid="print-qr-slip"]').click();
    expect(decodeQrFromPng((await orangepillSlip).png)).toBe(request?.id);
    await cashier.locator('[data-testid="cancel"]').click();
    await status(cashier, 'cancelled').waitFor();
    await newSale();
  });

  it('out of paper: the device bar says so, the payment completes anyway, and the reprint succeeds once paper is back', async () => {
    printer.setState({ paperOut: true });
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '500', shown: '5.00' });
    await cashier.locator('[data-testid="print-qr-slip"]').click();
    await expect.poll(() => outcome().getAttribute('data-outcome')).toBe('failed');
    expect(await outcome().innerText()).toContain('Printer is out of paper');
    await expect.poll(() => device('printer').getAttribute('data-health')).toBe('fault');
    expect(await device('printer').innerText()).toContain('Printer: out of paper');
    // The printer never holds up the sale.
    await cashier.locator('[data-testid="demo-paid"]').click();
    await status(cashier, 'paid').waitFor();
    await expect.poll(() => outcome().innerText()).toContain('Receipt');
    await expect.poll(() => outcome().getAttribute('data-outcome')).toBe('failed');
    await saveScreenshot(cashier, 'cashier-paper-out');

    printer.setState({ paperOut: false });
    const reprinted = printer.nextReceipt();
    await cashier.locator('[data-testid="reprint"]').click();
    expect(lines(await reprinted)).toContain('SGD 5.00');
    await expect.poll(() => outcome().getAttribute('data-outcome')).toBe('printed');
    await expect.poll(() => device('printer').getAttribute('data-health')).toBe('ok');
    await newSale();
  });

  it('prints a test QR and the Orangepill counter card from the devices panel', async () => {
    await cashier.locator('[data-testid="devices-open"]').click();
    await cashier.locator('[data-testid="devices-panel"]').waitFor();
    const test = printer.nextReceipt();
    await cashier.locator('[data-testid="print-test-qr"]').click();
    const page = await test;
    const payload = decodeQrFromPng(page.png);
    expect(payload).toMatch(/^QR COUNTER TERMINAL TEST /);
    expect(lines(page)).toContain('PRINTER TEST');
    await expect.poll(() => cashier.locator('[data-testid="test-print-outcome"]').innerText()).toContain('Printer test page: Printed');

    const card = printer.nextReceipt();
    await cashier.locator('[data-testid="print-counter-card"]').click();
    const code = decodeQrFromPng((await card).png);
    const orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator | undefined;
    const staticRequest = orangepill?.requests().find((r) => r.amount === undefined);
    expect(staticRequest?.destination.alias).toBe('@demo_shop');
    expect(code).toBe(staticRequest?.id);
    await saveScreenshot(cashier, 'cashier-devices');
    await cashier.keyboard.press('Escape');
    await cashier.locator('[data-testid="devices-panel"]').waitFor({ state: 'detached' });
  });
});
