import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { saveScreenshot, status } from '../support/screens';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';

/*
 * The payment screen in Malay and in Chinese, on the real terminal in demo mode (Orangepill on its
 * simulator): a sale part paid, the question before cancelling it, the sale cancelled with money, and
 * an overpaid one with Orangepill's history. Each screen's title is the catalog's, and none of the
 * payment part's English texts shows (the terminal's own sentences, such as a provider's name, may).
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The visible text (Details opened) and what a screen reader hears. */
const readable = (page: Page): Promise<string> =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const said = [...document.querySelectorAll('[title], [aria-label]')].flatMap((e) => [e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '']);
    return [document.body.innerText, ...said].join('\n');
  });

/** Every plain string of the English payment part. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];
}
const paymentStrings = new Set(strings(CASHIER_WORDS.en.payment));

/** English payment texts left on the page. */
const englishPaymentLeft = async (page: Page, language: 'ms' | 'zh-Hans'): Promise<string[]> =>
  englishLeftIn(await readable(page), language).filter((text) => paymentStrings.has(text));

describe.each(['ms', 'zh-Hans'] as const)('the payment screen in %s', (language) => {
  const words = CASHIER_WORDS[language].payment;
  let terminal: InProcessTerminal;
  let cashier: Page;
  let orangepill: OrangepillSimulator;
  const title = () => cashier.locator('#payment-title').innerText();
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', demo: { methods: ['orangepill'] }, language: { cashier: language } });
    orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator;
    cashier = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await cashier.goto(terminal.host.urls.cashier);
  });

  afterAll(async () => {
    await cashier?.context().close();
    await terminal?.close();
  });

  async function sale(outcome: 'partial' | 'overpaid'): Promise<void> {
    await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys: '2000', shown: '20.00' });
    expect(await title()).toBe(words.status.awaiting);
    await saveScreenshot(cashier, `cashier-${language}-awaiting-${outcome}`);
    expect(await englishPaymentLeft(cashier, language)).toEqual([]);
    const request = orangepill.requests().at(-1);
    if (request === undefined) throw new Error('no request reached the simulator');
    const done = orangepill.simulate(request.id, outcome);
    if (!done.ok) throw new Error(done.error);
  }

  it('part paid, the question before cancelling, and the sale cancelled with money', async () => {
    await sale('partial');
    await status(cashier, 'partially_paid').waitFor();
    expect(await title()).toBe(words.status.partlyPaid);
    await testId('cancel').click();
    await testId('cancel-money-confirm').waitFor();
    await saveScreenshot(cashier, `cashier-${language}-cancel-with-money`);
    expect(await testId('cancel-money-confirm-text').innerText()).toContain(words.cancelQuestion.question('SGD 20.00', null, 'Orangepill'));
    expect(await englishPaymentLeft(cashier, language)).toEqual([]);
    await testId('cancel-money-confirm-accept').click();
    await status(cashier, 'cancelled_with_money').waitFor();
    expect(await title()).toBe(words.moneyBack.title(null, false));
    await saveScreenshot(cashier, `cashier-${language}-cancelled-with-money`);
    expect(await englishPaymentLeft(cashier, language)).toEqual([]);
    await testId('new-sale').click();
  });

  it('overpaid, with Orangepill\u2019s history in words', async () => {
    await sale('overpaid');
    await status(cashier, 'paid').waitFor();
    expect(await title()).toBe(words.status.paidOverpaid);
    expect(await testId('provider-log').innerText()).toContain(words.trail.overpaid);
    await saveScreenshot(cashier, `cashier-${language}-overpaid`);
    expect(await englishPaymentLeft(cashier, language)).toEqual([]);
  });
});
