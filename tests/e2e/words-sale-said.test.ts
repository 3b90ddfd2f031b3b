import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import type { Snapshot } from '../../app/ipc/contract';
import type { SaleSaid } from '../../app/i18n/said/sale';
import { saidFormat } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';

/*
 * The service's refusals of a sale, on the cashier's error line in Malay and in Chinese (issue 18):
 * Atome's documented minimum and maximum, with the amount formatted by the screen, and not the
 * English sentence the service also sends. Demo mode's Atome is the real Opn client on the simulator.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const MINIMUM = { area: 'sale', kind: 'amount_below_minimum', method: 'atome', minimum: { minor: 150, currency: 'SGD' } } as const satisfies SaleSaid;
const MAXIMUM = { area: 'sale', kind: 'amount_above_maximum', method: 'atome', maximum: { minor: 300_000, currency: 'SGD' } } as const satisfies SaleSaid;

describe.each(['ms', 'zh-Hans'] as const)("the sale's refusals in %s", (language: Exclude<CashierLanguage, 'en'>) => {
  const words = CASHIER_WORDS[language].said.sale;
  // The shop's locale is the default (en-SG), as the terminal gives it to the screen.
  const format = saidFormat(null);
  let terminal: InProcessTerminal;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ demo: { methods: ['demo', 'atome'] }, payment: { currencies: ['SGD'] }, language: { cashier: language } });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="amount"]').waitFor();
    await page.locator('[data-testid="method"]').selectOption('atome');
  });

  afterAll(async () => {
    await context?.close();
    await terminal?.close();
  });

  /** Keys the amount and presses Charge; the error line's text once it shows. */
  async function chargeRefused(keys: string): Promise<string> {
    const error = page.locator('[data-testid="cashier-error"]');
    await page.locator('[data-testid="amount"]').click();
    await page.keyboard.press('Delete');
    for (const key of keys) await page.keyboard.press(key);
    await page.locator('[data-testid="charge"]').click();
    await error.waitFor();
    return error.innerText();
  }

  it("says Atome's minimum in the language, with the amount", async () => {
    const text = await chargeRefused('120');
    expect(text).toBe(words.amount_below_minimum(MINIMUM, format));
    expect(text).toContain('SGD 1.50');
    expect(text).not.toContain('needs at least');
    const snapshot = await terminal.service.dispatch('getSnapshot', {}, 'cashier');
    expect(snapshot.ok && (snapshot.value as Snapshot).payment).toBeNull();
  });

  it("says Atome's maximum in the language, with the amount", async () => {
    const text = await chargeRefused('300001');
    expect(text).toBe(words.amount_above_maximum(MAXIMUM, format));
    expect(text).toContain('SGD 3,000.00');
    expect(text).not.toContain('takes at most');
  });
});
