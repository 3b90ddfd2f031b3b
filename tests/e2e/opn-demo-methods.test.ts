import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { keySale } from '../support/cashier';
import { startOpnDemoCounter, type OpnDemoCounter } from '../support/opn-demo-counter';
import { decodeQrFromPng } from '../support/qr-decode';
import { displayState, newSale, scanDisplay, status, type Screens } from '../support/screens';

/**
 * Demo mode's PayNow and PromptPay, in Chromium: the real Opn client against the Opn simulator, one
 * simulated account for both. Each QR is read back from the display's screenshot (PromptPay's from
 * Opn's SVG) and from the virtual printer's picture, and compared with what the simulator issued.
 */
let demo: OpnDemoCounter | undefined;
let screens: Screens;
let sim: OpnSimulator;
let printer: VirtualPrinter;

beforeAll(async () => {
  demo = await startOpnDemoCounter(
    { merchant: { name: 'Kopi Corner' }, currency: 'SGD', payment: { currencies: ['SGD', 'THB'] }, printer: { paper: '58mm' }, demo: { methods: ['paynow', 'promptpay'] } },
    'paynow',
  );
  ({ screens, sim, printer } = demo);
});

afterAll(async () => {
  await demo?.close();
});

const METHODS = [
  { method: 'paynow', type: 'paynow', currency: 'SGD', keys: '1234', shown: 'SGD 12.34', minor: 1234, instruction: 'Scan with your banking app (PayNow)' },
  { method: 'promptpay', type: 'promptpay', currency: 'THB', keys: '25000', shown: 'THB 250.00', minor: 25_000, instruction: 'Scan with any Thai banking app (PromptPay)' },
] as const;

/** Keys the sale, checks what reached the simulator and that the display's QR scans to its payload; the charge id. */
async function charge(m: (typeof METHODS)[number]): Promise<string> {
  await keySale(screens.cashier, { currency: m.currency, method: m.method, keys: m.keys, shown: m.shown });
  const made = sim.charges().at(-1);
  if (made === undefined) throw new Error('no charge reached the simulator');
  expect(made).toMatchObject({ amount: m.minor, currency: m.currency, source: { type: m.type, flow: 'offline' } });
  expect(await scanDisplay(screens.display)).toBe(sim.qrPayload(made.id));
  return made.id;
}

function settle(id: string, outcome: 'paid' | 'failed' | 'expired', code?: string): void {
  const done = sim.settle(id, outcome, code);
  if (!done.ok) throw new Error(done.error);
}

describe.each(METHODS)('demo $method on the Opn simulator, in Chromium', (m) => {
  it('shows the QR from Opn\u2019s image, prints it natively, and is paid', async () => {
    const id = await charge(m);
    if (m.method === 'promptpay') expect(sim.charges().at(-1)?.source.scannable_code?.image.filename).toBe('qrcode.svg');
    expect(await screens.display.locator('[data-testid="display-instruction"]').first().innerText()).toContain(m.instruction);
    const slip = printer.nextReceipt();
    await screens.cashier.locator('[data-testid="print-qr-slip"]').click();
    const printed = await slip;
    expect(decodeQrFromPng(printed.png)).toBe(sim.qrPayload(id));
    // 58 mm paper wraps the instruction; it reads the same across the lines.
    expect(printed.lines.join(' ')).toContain(m.instruction);
    settle(id, 'paid');
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    if (m.method === 'promptpay') {
      // No refund through Opn: the reason, and where the money goes back instead.
      await expect.poll(() => screens.cashier.locator('[data-testid="refund-rule"]').innerText()).toContain('PromptPay payments cannot be refunded through Opn: give the money back by bank transfer');
      expect(await screens.cashier.locator('[data-testid="refund-form"]').count()).toBe(0);
    } else {
      await screens.cashier.locator('[data-testid="refund-form"]').waitFor();
    }
    await newSale(screens);
  });

  it('fails with a code, read as a sentence naming the method', async () => {
    const id = await charge(m);
    settle(id, 'failed', 'insufficient_balance');
    await status(screens.cashier, 'failed').waitFor();
    const name = m.method === 'paynow' ? 'PayNow' : 'PromptPay';
    expect(await screens.cashier.locator('[data-testid="payment-detail"]').innerText()).toContain(`did not have enough money for this ${name} payment`);
    await newSale(screens);
  });

  it('expires, and is cancelled at Opn when the cashier presses Esc', async () => {
    settle(await charge(m), 'expired');
    await status(screens.cashier, 'expired').waitFor();
    await newSale(screens);
    const id = await charge(m);
    await screens.cashier.keyboard.press('Escape');
    await status(screens.cashier, 'cancelled').waitFor();
    expect(sim.charges().find((c) => c.id === id)?.status).toBe('expired');
    await newSale(screens);
  });
});
