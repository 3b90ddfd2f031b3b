import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';

/*
 * The device bar, the Devices panel (forms, answers, a paired tablet) and the sale's print panel in
 * Malay and in Chinese: none of the renderer's own English is left. The terminal's own sentences
 * (a device's state, a provider's or the settings check's words) arrive in English and stay so.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The text of the devices' parts of the page, with what they say to a screen reader and as a hint,
 * less what the terminal wrote: each device's sentence (its chip's tooltip), a print's outcome and
 * the printed slip itself, the pole display's refusal and the technical details.
 */
function devicesText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('[data-testid="device-bar"], [data-testid="devices-open"], [data-testid="devices-panel"], [data-testid="print-panel"]')];
    const slip = '[data-testid="receipt-image"], [data-testid="receipt-text"]';
    const inner = parts.flatMap((p) => [p, ...p.querySelectorAll('*')]).filter((e) => !e.matches(slip));
    const theirs = [...document.querySelectorAll(`[data-testid="print-outcome"], [data-testid="test-print-outcome"], .devices-panel__answer--bad[data-testid="pole-test-outcome"], .answer-details code, ${slip}`)];
    const details = [...document.querySelectorAll('[data-testid="device-bar"] [title]')].map((e) => e.getAttribute('title') ?? '').filter((d) => d !== '');
    const options = inner.filter((e) => e instanceof HTMLOptionElement).map((e) => e.textContent ?? '');
    const said = inner.flatMap((e) => ['aria-label', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''));
    let text = [...parts.map((p) => (p instanceof HTMLElement ? p.innerText : '')), ...options, ...said].join('\n');
    for (const e of theirs) if (e instanceof HTMLElement && e.innerText !== '') text = text.replaceAll(e.innerText, '');
    for (const detail of details) text = text.replaceAll(detail, '');
    return text;
  });
}

describe.each(['ms', 'zh-Hans'] as const satisfies readonly Exclude<CashierLanguage, 'en'>[])('the devices in %s', (language) => {
  const words = CASHIER_WORDS[language].devices;
  let terminal: InProcessTerminal;
  let context: BrowserContext;
  let page: Page;
  const panel = () => page.locator('[data-testid="devices-panel"]');
  const field = (id: string) => panel().locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, language: { cashier: language } });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="device-bar"]').waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await terminal?.close();
  });

  it('the Devices panel, its answers and a paired tablet leave no English behind', async () => {
    await page.locator('[data-testid="devices-open"]').click();
    await field('printer-form').waitFor();
    // The device bar and the Devices panel tell the printer's story in the same words.
    const chipSays = await page.locator('[data-testid="device-printer"]').getAttribute('aria-label');
    expect(chipSays).toMatch(new RegExp(`^${words.names.printer}\\. `));
    expect(await panel().locator(`section[aria-label="${words.names.receiptPrinter}"] .devices-panel__state`).innerText()).toBe(chipSays);
    await field('test-pole-display').click();
    await field('list-serial-ports').click();
    await field('serial-ports').waitFor();
    await field('printer-kind').selectOption('tcp');
    await field('printer-host').fill('');
    await field('save-devices').click();
    await expect.poll(() => field('devices-saved').innerText()).toBe(words.saving.fieldProblem(words.saving.printerHost, words.saving.problems.host));
    expect(englishLeftIn(await devicesText(page), language)).toEqual([]);

    await field('printer-kind').selectOption('serial');
    await field('printer-path').fill('/dev/ttyUSB0');
    const tablet = await context.newPage();
    await tablet.goto(new URL('/display/', terminal.host.urls.cashier).href);
    const code = await tablet.locator('[data-testid="pairing-code"]').innerText();
    await field('pair-code').fill(code);
    await field('pair-name').fill('Kaunter 2');
    await field('pair-display').click();
    await expect.poll(() => field('pair-answer').innerText()).toBe(words.pairing.paired('Kaunter 2'));
    await expect.poll(() => field('paired-display').innerText()).toContain(words.pairing.connectedNow);
    expect(englishLeftIn(await devicesText(page), language)).toEqual([]);
    await tablet.close();
    await field('devices-close').click();
  });

  it('a sale\'s print panel and its receipt preview leave no English behind', async () => {
    await keySale(page, { currency: 'SGD', method: 'demo', keys: '1234', shown: '12.34' });
    await page.locator('[data-testid="print-qr-slip"]').click();
    await page.locator('[data-testid="print-outcome"][data-outcome="printed"]').waitFor();
    expect(await page.locator('.print-panel__preview summary').innerText()).toBe(words.receiptPreview);
    expect(englishLeftIn(await devicesText(page), language)).toEqual([]);
  });
});
