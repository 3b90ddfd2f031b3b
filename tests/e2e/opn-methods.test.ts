import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { startOpnStub, STUB_SECRET, type OpnStub } from '../support/opn-stub';
import { displayState, newSale, openScreens, scanDisplay, status, type Screens } from '../support/screens';

/**
 * A shop live on Opn with PayNow, WeChat Pay and Alipay+ on its account, in Chromium, against Opn
 * answers stubbed from the doc on loopback (the simulator learns these methods on its own branch).
 * The account decides which methods show; the charge decides whether a refund is offered.
 */
let stub: OpnStub;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  stub = await startOpnStub({
    capability: {
      object: 'capability',
      payment_methods: [
        { object: 'payment_method', name: 'paynow', currencies: ['SGD'] },
        { object: 'payment_method', name: 'wechat_pay_mpm', currencies: ['THB'] },
        { object: 'payment_method', name: 'alipayplus_mpm', currencies: ['SGD', 'THB'] },
      ],
    },
    // Alipay+ answers as a hosted page here, to see it refused; WeChat Pay's charge says it cannot be refunded.
    flows: { alipayplus_mpm: 'redirect' },
    refundable: { wechat_pay_mpm: false },
  });
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    currency: 'SGD',
    payment: { currencies: ['SGD', 'THB'] },
    language: { display: ['en', 'zh-Hans'] },
    providers: { opn: { secretKey: STUB_SECRET, baseUrl: stub.baseUrl } },
  });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await stub?.close();
});

const lastCharge = () => {
  const charge = [...stub.charges.values()].at(-1);
  if (charge === undefined) throw new Error('no charge reached Opn');
  return charge;
};

describe('Opn QR methods from one key, in Chromium', () => {
  it('offers exactly the methods the account has, per currency', async () => {
    const cashier = screens.cashier;
    await cashier.locator('[data-testid="amount"]').waitFor();
    // The methods offered, without the "Choose a method" prompt a currency change may bring.
    const options = () => cashier.locator('[data-testid="method"] option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter((v) => v !== ''));
    await cashier.locator('[data-testid="currency"]').selectOption('SGD');
    await expect.poll(options).toEqual(['paynow', 'alipayplus']);
    await cashier.locator('[data-testid="currency"]').selectOption('THB');
    await expect.poll(options).toEqual(['wechatpay', 'alipayplus']);
    expect(stub.requests.filter((r) => r.path === '/capability')).toHaveLength(1);
  });

  it('takes a PayNow payment: the QR on the display scans to Opn\u2019s, then paid, then a partial refund', async () => {
    await keySale(screens.cashier, { currency: 'SGD', method: 'paynow', keys: '1234', shown: 'SGD 12.34' });
    const charge = lastCharge();
    expect(charge).toMatchObject({ type: 'paynow', currency: 'SGD', amount: 1234 });
    expect(await scanDisplay(screens.display)).toBe(charge.payload);
    expect(await screens.display.locator('[data-testid="display-instruction"]').first().innerText()).toContain('Scan with your banking app (PayNow)');
    stub.settle(charge.id, 'successful');
    await status(screens.cashier, 'paid').waitFor();
    await displayState(screens.display, 'paid').waitFor();
    await screens.cashier.locator('[data-testid="refund-amount"]').fill('5.00');
    await screens.cashier.locator('[data-testid="refund-submit"]').click();
    await screens.cashier.locator('[data-testid="refund-confirm-accept"]').click();
    await expect.poll(() => screens.cashier.locator('[data-testid="refunded"]').innerText()).toBe('Partly refunded: SGD 5.00 of SGD 12.34');
    expect(stub.requests.filter((r) => r.path === `/charges/${charge.id}/refunds`).map((r) => r.form)).toEqual([{ amount: '500' }]);
    await newSale(screens);
  });

  it('a WeChat Pay charge Opn says cannot be refunded gets no refund form, only the reason', async () => {
    await keySale(screens.cashier, { currency: 'THB', method: 'wechatpay', keys: '8800', shown: 'THB 88.00' });
    const charge = lastCharge();
    expect(charge).toMatchObject({ type: 'wechat_pay_mpm', currency: 'THB', amount: 8800 });
    expect(await scanDisplay(screens.display)).toBe(charge.payload);
    stub.settle(charge.id, 'successful');
    await status(screens.cashier, 'paid').waitFor();
    await expect.poll(() => screens.cashier.locator('[data-testid="refund-rule"]').innerText()).toBe(
      'WeChat Pay says this payment cannot be refunded, so the terminal does not offer a refund: give the money back another way, such as a bank transfer',
    );
    expect(await screens.cashier.locator('[data-testid="refund-form"]').count()).toBe(0);
    await newSale(screens);
  });

  it('explains a failure code in plain words, naming the method', async () => {
    await keySale(screens.cashier, { currency: 'SGD', method: 'paynow', keys: '500', shown: 'SGD 5.00' });
    stub.settle(lastCharge().id, 'failed', 'payment_cancelled');
    await status(screens.cashier, 'failed').waitFor();
    expect(await screens.cashier.locator('[data-testid="payment-detail"]').innerText()).toContain('The customer cancelled the PayNow payment in their app.');
    await newSale(screens);
  });

  it('refuses an Alipay+ answer that is a payment page, and expires its charge at Opn', async () => {
    const cashier = screens.cashier;
    await cashier.locator('[data-testid="currency"]').selectOption('SGD');
    await cashier.locator('[data-testid="method"]').selectOption('alipayplus');
    await cashier.locator('[data-testid="amount"]').click();
    for (const key of '990') await cashier.keyboard.press(key);
    await cashier.locator('[data-testid="charge"]').click();
    await status(cashier, 'failed').waitFor();
    const charge = lastCharge();
    expect(charge).toMatchObject({ type: 'alipayplus_mpm', status: 'expired' });
    expect(await cashier.locator('[data-testid="payment-detail"]').innerText()).toContain(
      'Opn answered the Alipay+ payment with a payment page the customer must open, not a QR code to show, so Alipay+ cannot be taken at this counter',
    );
    expect(stub.requests.some((r) => r.method === 'POST' && r.path === `/charges/${charge.id}/expire`)).toBe(true);
    await newSale(screens);
  });

  it('never lets the secret key reach a screen or a log', () => {
    for (const frame of screens.frames) expect(frame).not.toContain(STUB_SECRET);
    for (const line of terminal.logLines) expect(line).not.toContain(STUB_SECRET);
  });
});
