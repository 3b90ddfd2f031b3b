import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';

/*
 * The Settings panel in Malay and in Chinese: every section, the advanced parts opened, a key typed
 * and a refused save, read with the placeholders and the pickers' choices; no English text of the
 * catalog may be left. Then a cashier in English picks Malay and saves: the whole screen switches.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** One terminal speaking `language`, its cashier screen open and waiting. */
function counter(language: CashierLanguage) {
  let terminal: InProcessTerminal;
  let page: Page;
  beforeAll(async () => {
    terminal = await startInProcessTerminal({ language: { cashier: language } });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="device-bar"]').waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await terminal?.close();
  });
  return { page: () => page };
}

const at = (page: Page, id: string) => page.locator(`[data-testid="settings-panel"] [data-testid="${id}"]`);

async function openSettings(page: Page): Promise<void> {
  await page.locator('[data-testid="settings-open"]').click();
  await at(page, 'setting-merchant.name').waitFor();
}

/** English texts left in the form: its brand names aside ("Opn Payments" holds the English "Payments"). */
async function englishLeft(page: Page, language: Exclude<CashierLanguage, 'en'>): Promise<string[]> {
  const brand = CASHIER_WORDS[language].settings.providers.opnLegend;
  return englishLeftIn((await formText(page)).replaceAll(brand, ''), language);
}

/** What the form says: its text with every <details> open, its placeholders and its pickers' choices. */
function formText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const form = document.querySelector('[data-testid="settings-panel"] form');
    if (!(form instanceof HTMLElement)) return '';
    for (const details of form.querySelectorAll('details')) details.setAttribute('open', '');
    const title = document.querySelector('#settings-title')?.textContent ?? '';
    const placeholders = [...form.querySelectorAll('[placeholder]')].map((e) => e.getAttribute('placeholder') ?? '');
    const options = [...form.querySelectorAll('option')].map((o) => o.textContent);
    return [title, form.innerText, ...placeholders, ...options].join('\n');
  });
}

describe.each(['ms', 'zh-Hans'] as const)('the Settings panel in %s', (language) => {
  const { page } = counter(language);
  const words = CASHIER_WORDS[language].settings;

  it('leaves no English behind, with a key typed and a save refused', async () => {
    await openSettings(page());
    expect(await page().locator('#settings-title').innerText()).toBe(words.title);
    await at(page(), 'setting-credentials.opnSecretKey').fill('skey_test_typedButNeverSaved0');
    await at(page(), 'setting-keyStorageConsent').waitFor();
    await at(page(), 'setting-merchant.name').fill('');
    await at(page(), 'settings-save').click();
    await expect.poll(() => at(page(), 'settings-saved').innerText()).toBe(words.answers.refused(1));
    expect(await englishLeft(page(), language)).toEqual([]);
  });

  it('leaves no English behind once a key is kept on this terminal', async () => {
    await at(page(), 'setting-merchant.name').fill('Kedai Kopi');
    // Nowhere to be reached: the terminal goes live on the key, but no test here takes a payment.
    await page().locator('[data-testid="settings-panel"] details.settings-advanced').first().evaluate((details) => details.setAttribute('open', ''));
    await at(page(), 'setting-providers.opn.baseUrl').fill('http://127.0.0.1:9');
    await at(page(), 'setting-keyStorageConsent').check();
    await at(page(), 'settings-save').click();
    const status = words.keys.statusLabel(words.providers.secretKey) + words.keys.setOnTerminal;
    await expect.poll(() => at(page(), 'key-status-credentials.opnSecretKey').innerText()).toBe(status);
    expect(await at(page(), 'settings-saved').innerText()).toBe(words.answers.saved);
    await at(page(), 'clear-credentials.opnSecretKey').waitFor();
    expect(await englishLeft(page(), language)).toEqual([]);
    await at(page(), 'clear-credentials.opnSecretKey').click();
    expect(await at(page(), 'key-status-credentials.opnSecretKey').innerText()).toBe(words.keys.statusLabel(words.providers.secretKey) + words.keys.willBeRemoved);
  });
});

describe('a cashier in English picks Malay', () => {
  const { page } = counter('en');

  it('saves, and the whole screen speaks Malay at once', async () => {
    await openSettings(page());
    expect(await page().locator('#settings-title').innerText()).toBe('Settings');
    await at(page(), 'setting-language.cashier').selectOption('ms');
    await at(page(), 'settings-save').click();
    await expect.poll(() => page().locator('#settings-title').innerText()).toBe(CASHIER_WORDS.ms.settings.title);
    expect(await at(page(), 'settings-saved').innerText()).toBe(CASHIER_WORDS.ms.settings.answers.saved);
    expect(await page().evaluate(() => document.documentElement.lang)).toBe('ms');
    expect(await page().locator('.demo-banner').innerText()).toBe(CASHIER_WORDS.ms.common.demoBanner);
  });
});
