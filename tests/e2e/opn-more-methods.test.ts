import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openEmulatedDisplay, type EmulatedDisplay } from '../../electron/simulators/pole-display/attach-emulator';
import { enabledOpnMethods, startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { keySale } from '../support/cashier';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { startOpnDemoCounter, type OpnDemoCounter } from '../support/opn-demo-counter';
import { requireSocat, socatPair, type SocatPair } from '../support/pole-socat';
import { decodeQrFromPng } from '../support/qr-decode';
import { displayState, newSale, openScreens, scanDisplay, status, type Screens } from '../support/screens';

/**
 * TrueMoney QR, WeChat Pay and Alipay+ (THB, and Alipay+ in SGD too) at a Thai counter (th-TH), in
 * Chromium: the real Opn client against the Opn simulator, as demo mode runs them. Each QR is read back
 * from the display's screenshot and from the virtual printer's picture and compared with what the
 * simulator issued; the amount is checked on the cashier screen, the display, the pole display and the
 * receipt. Each method is paid, fails with a code, expires and is cancelled (Alipay+ in SGD: paid and failed).
 */
let demo: OpnDemoCounter | undefined;
let browser: Browser;
let screens: Screens;
let sim: OpnSimulator;
let printer: VirtualPrinter;
let pair: SocatPair | undefined;
let pole: EmulatedDisplay | undefined;
let poleDir: string | undefined;

beforeAll(async () => {
  requireSocat();
  poleDir = mkdtempSync(join(tmpdir(), 'opn-more-pole-'));
  pair = socatPair(poleDir);
  await pair.start();
  // The display end is open before the terminal writes: opening a serial port flushes what waits in it.
  pole = await openEmulatedDisplay(pair.displayPath, 'epson');
  demo = await startOpnDemoCounter(
    {
      merchant: { name: 'Kopi Corner' },
      locale: 'th-TH',
      currency: 'THB',
      payment: { currencies: ['THB', 'SGD'] },
      printer: { paper: '58mm' },
      demo: { methods: ['truemoney', 'wechatpay', 'alipayplus'] },
      devices: { allowPseudoTerminals: true },
      poleDisplay: { port: { path: pair.hostPath, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }, commandSet: 'epson', welcome: ['Welcome to', 'Kopi Corner'] },
    },
    'truemoney',
  );
  ({ browser, screens, sim, printer } = demo);
});

afterAll(async () => {
  await demo?.close();
  await pole?.close();
  await pair?.stop();
  if (poleDir !== undefined) rmSync(poleDir, { recursive: true, force: true });
});

type Other = { readonly outcome: 'failed'; readonly code: string; readonly sentence: string } | { readonly outcome: 'expired' | 'cancelled' };

interface Sale {
  readonly method: 'truemoney' | 'wechatpay' | 'alipayplus';
  readonly type: string;
  readonly currency: 'THB' | 'SGD';
  readonly keys: string;
  readonly shown: string;
  readonly minor: number;
  readonly instruction: string;
  readonly receiptLabel: string;
  /** How its other sales end: each method is paid once, and fails with a code, expires and is cancelled. */
  readonly others: readonly Other[];
}

const SALES: readonly Sale[] = [
  {
    method: 'truemoney', type: 'truemoney_qr', currency: 'THB', keys: '25000', shown: 'THB 250.00', minor: 25_000,
    instruction: 'Scan with the TrueMoney app', receiptLabel: 'TrueMoney QR',
    others: [{ outcome: 'failed', code: 'payment_rejected', sentence: 'TrueMoney rejected the payment.' }, { outcome: 'expired' }, { outcome: 'cancelled' }],
  },
  {
    method: 'wechatpay', type: 'wechat_pay_mpm', currency: 'THB', keys: '8800', shown: 'THB 88.00', minor: 8800,
    instruction: 'Scan with WeChat', receiptLabel: 'WeChat Pay',
    others: [
      { outcome: 'failed', code: 'insufficient_balance', sentence: "The customer's account did not have enough money for this WeChat Pay payment; ask them to top up or pay another way." },
      { outcome: 'expired' },
      { outcome: 'cancelled' },
    ],
  },
  {
    method: 'alipayplus', type: 'alipayplus_mpm', currency: 'THB', keys: '12050', shown: 'THB 120.50', minor: 12_050,
    instruction: 'Scan with Alipay or another Alipay+ wallet', receiptLabel: 'Alipay+',
    others: [{ outcome: 'failed', code: 'payment_cancelled', sentence: 'The customer cancelled the Alipay+ payment in their app.' }, { outcome: 'expired' }, { outcome: 'cancelled' }],
  },
  {
    method: 'alipayplus', type: 'alipayplus_mpm', currency: 'SGD', keys: '990', shown: 'SGD 9.90', minor: 990,
    instruction: 'Scan with Alipay or another Alipay+ wallet', receiptLabel: 'Alipay+',
    others: [{ outcome: 'failed', code: 'timeout', sentence: 'The customer did not confirm the Alipay+ payment before the QR code expired.' }],
  },
];

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The two lines on the pole display's glass. */
function glass(): readonly [string, string] {
  if (pole === undefined) throw new Error('no pole display emulator');
  return pole.emulator.lines();
}

/**
 * Keys the sale; checks the create request Opn received (source type, currency, amount), that the
 * display's QR scans to the simulator's payload and shows the amount; returns the charge id.
 */
async function charge(s: Sale): Promise<string> {
  await keySale(screens.cashier, { currency: s.currency, method: s.method, keys: s.keys, shown: s.shown });
  const created = sim.requests().filter((r) => r.method === 'POST' && r.path === '/charges').at(-1);
  expect(created?.form).toMatchObject({ 'source[type]': s.type, currency: s.currency, amount: String(s.minor) });
  const made = sim.charges().at(-1);
  if (made === undefined) throw new Error('no charge reached the simulator');
  expect(made).toMatchObject({ amount: s.minor, currency: s.currency, source: { type: s.type, flow: 'offline' } });
  expect(await scanDisplay(screens.display)).toBe(sim.qrPayload(made.id));
  expect(await screens.display.locator('[data-testid="display-amount"]').first().innerText()).toBe(s.shown);
  return made.id;
}

function settle(id: string, outcome: 'paid' | 'failed' | 'expired', code?: string): void {
  const done = sim.settle(id, outcome, code);
  if (!done.ok) throw new Error(done.error);
}

/** The receipt's date as a Thai shop's printer must print it: Gregorian, Latin digits, an ASCII month. */
function printedDate(epochMs: number): string {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return new Intl.DateTimeFormat('en-TH', { timeZone, year: 'numeric', month: 'short', day: '2-digit' }).format(epochMs);
}

describe.each(SALES)('$method in $currency on the Opn simulator, in Chromium', (s) => {
  it('shows and prints the QR, counts down on the pole, is paid, and prints a readable receipt', async () => {
    const id = await charge(s);
    expect(await screens.display.locator('[data-testid="display-instruction"]').first().innerText()).toContain(s.instruction);
    await expect.poll(() => glass()[0]).toMatch(new RegExp(`^TOTAL +${escaped(s.shown)}$`));
    expect(glass()[1]).toMatch(/^Scan: .* \d+:\d\d$/);
    const slip = printer.nextReceipt();
    await screens.cashier.locator('[data-testid="print-qr-slip"]').click();
    const printed = await slip;
    expect(decodeQrFromPng(printed.png)).toBe(sim.qrPayload(id));
    expect(printed.lines.join(' ')).toContain(s.shown);
    // "Valid until" is a date too: the printer's code page has no Thai, so nothing prints as "?".
    expect(printed.lines.join(' ')).not.toContain('?');
    const receipt = printer.nextReceipt();
    settle(id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    await expect.poll(() => glass()[1]).toMatch(new RegExp(`^PAID +${escaped(s.shown)}$`));
    const text = (await receipt).lines.join('\n');
    expect(text).toContain(s.shown);
    expect(text).toContain(s.receiptLabel);
    const paidAt = Date.parse(sim.charges().find((c) => c.id === id)?.paid_at ?? '');
    expect(text).toContain(printedDate(paidAt));
    expect(text).not.toContain('?');
    await newSale(screens);
  });

  it.each(s.others.map((other) => [other.outcome === 'failed' ? `failed with ${other.code}` : other.outcome, other] as const))('ends %s', async (_, other) => {
    const id = await charge(s);
    switch (other.outcome) {
      case 'failed':
        settle(id, 'failed', other.code);
        await status(screens.cashier, 'failed').waitFor();
        await displayState(screens.display, 'failed').waitFor();
        expect(await screens.cashier.locator('[data-testid="payment-detail"]').innerText()).toContain(other.sentence);
        break;
      case 'expired':
        settle(id, 'expired');
        await status(screens.cashier, 'expired').waitFor();
        await displayState(screens.display, 'expired').waitFor();
        break;
      case 'cancelled':
        await screens.cashier.keyboard.press('Escape');
        await status(screens.cashier, 'cancelled').waitFor();
        expect(sim.charges().find((c) => c.id === id)?.status).toBe('expired');
        expect(sim.requests().some((r) => r.method === 'POST' && r.path === `/charges/${id}/expire`)).toBe(true);
        break;
    }
    await newSale(screens);
  });
});

describe('a Thai shop live on Opn whose account has no WeChat Pay', () => {
  const SECRET = 'skey_test_61qrcounterthaishop9z';
  let live: OpnSimulator;
  let shop: InProcessTerminal;
  let counter: Screens;

  beforeAll(async () => {
    live = await startOpnSimulator({ secretKey: SECRET, country: 'TH', enabledMethods: enabledOpnMethods(['truemoney_qr', 'alipayplus_mpm']) });
    shop = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      locale: 'th-TH',
      currency: 'THB',
      payment: { currencies: ['THB'] },
      // The shop chose WeChat Pay too; the account does not have it.
      providers: { opn: { secretKey: SECRET, baseUrl: live.baseUrl, methods: ['truemoney', 'wechatpay', 'alipayplus'] } },
    });
    counter = await openScreens(browser, shop.host.urls);
  });

  afterAll(async () => {
    await counter?.close();
    await shop?.close();
    await live?.close();
  });

  it('offers only what GET /capability lists, and names the missing method on the device bar', async () => {
    const cashier = counter.cashier;
    await cashier.locator('[data-testid="amount"]').waitFor();
    const options = () => cashier.locator('[data-testid="method"] option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter((v) => v !== ''));
    await expect.poll(options).toEqual(['truemoney', 'alipayplus']);
    expect(live.requests().filter((r) => r.method === 'GET' && r.path === '/capability')).toHaveLength(1);
    // The chip of a method the account no longer offers reads by its name, not its id.
    const chip = cashier.locator('[data-testid="device-provider-wechatpay"]');
    expect(await chip.getAttribute('data-health')).toBe('off');
    expect(await chip.locator('.device-bar__name').innerText()).toBe('WeChat Pay');
    await keySale(cashier, { currency: 'THB', method: 'truemoney', keys: '4000', shown: 'THB 40.00' });
    expect(live.charges().at(-1)).toMatchObject({ amount: 4000, currency: 'THB', source: { type: 'truemoney_qr' } });
    expect(await scanDisplay(counter.display)).toBe(live.qrPayload(live.charges().at(-1)?.id ?? ''));
    await cashier.keyboard.press('Escape');
    await status(cashier, 'cancelled').waitFor();
  });
});
