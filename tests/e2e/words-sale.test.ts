import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { saveScreenshot } from '../support/screens';

/*
 * The sale entry screen in Malay and in Chinese: its fields, keypad names, Charge, a refused key, a
 * refused paste and a currency change's notice, and a confirmation's Back and hint, with no English
 * text of the catalog left. Only this part's regions are read: the other parts have their own checks.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The visible text and the spoken names (aria-label, title, placeholder) under `selector`. */
function readable(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    const root = document.querySelector(s);
    if (!(root instanceof HTMLElement)) return '';
    const said = [root, ...root.querySelectorAll('*')].flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    return [root.innerText, ...said].join('\n');
  }, selector);
}

describe.each(['ms', 'zh-Hans'] as const)('the sale entry in %s', (language: Exclude<CashierLanguage, 'en'>) => {
  const words = CASHIER_WORDS[language];
  let terminal: InProcessTerminal;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, demo: { methods: ['demo', 'atome'] }, payment: { currencies: ['SGD', 'JPY'] }, language: { cashier: language } });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(terminal.host.urls.cashier).origin });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="amount"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await terminal?.close();
  });

  it('names its fields, keys and buttons in the language, and the page too', async () => {
    await expect.poll(() => page.title()).toBe(words.common.pageTitle);
    expect(await page.locator('[data-testid="demo-banner"]').innerText()).toBe(words.common.demoBanner);
    expect(await page.locator('[data-key="clear"]').getAttribute('aria-label')).toBe(words.sale.keypad.clear);
    for (const key of '12') await page.keyboard.press(key);
    await expect.poll(() => page.locator('[data-testid="charge"]').innerText()).toBe(words.sale.chargeAmount('SGD 0.12'));
    expect(englishLeftIn(await readable(page, '.sale-entry'), language)).toEqual([]);
  });

  it('words a refused key, a refused paste and a currency change', async () => {
    const error = page.locator('[data-testid="cashier-error"]');
    await page.keyboard.press('Delete');
    for (const key of '1.234') await page.keyboard.press(key);
    await expect.poll(() => error.innerText()).toBe(words.sale.refused.decimals('SGD', 2));
    await page.evaluate(() => navigator.clipboard.writeText('MYR 5'));
    await page.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => error.innerText()).toBe(words.sale.refused.pasteOtherCurrency('MYR', 'SGD'));
    await page.locator('[data-testid="method"]').selectOption('atome');
    await page.locator('[data-testid="currency"]').selectOption('JPY');
    await expect.poll(() => page.locator('[data-testid="entry-notice"]').innerText()).toContain(words.sale.notice.amountCleared('JPY'));
    expect(englishLeftIn(await readable(page, '.sale-entry'), language)).toEqual([]);
    // JPY takes no decimals: the refusal shows beside the notice, which stays.
    await page.keyboard.press('.');
    await expect.poll(() => error.innerText()).toBe(words.sale.refused.noDecimals('JPY'));
    // For a person to look over: does every label, line and button still fit in this language?
    await saveScreenshot(page, `words-sale-${language}`);
  });

  it("says a confirmation's Back and how to go ahead", async () => {
    await page.locator('[data-testid="eod-open"]').click();
    await page.locator('[data-testid="eod-close-day"]').click();
    const confirm = page.locator('[data-testid="eod-confirm"]');
    await confirm.waitFor();
    expect(await page.locator('[data-testid="eod-confirm-back"]').innerText()).toBe(words.common.back);
    expect(await confirm.locator('.confirm-dialog__hint').innerText()).toMatch(language === 'ms' ? /^Enter dan Esc untuk kembali/ : /^按 Enter 或 Esc 返回/);
  });
});
