import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { CASHIER_LANGUAGES, type CashierLanguage } from '../../app/i18n/languages';
import { WS_PATH } from '../../app/ipc/constants';
import { DEMO_METHOD } from '../../app/providers/demo/demo-method';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { axeViolations, describeViolations } from '../support/accessibility-checks';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * Issue 18, "the cashier screen in English, Malay and Simplified Chinese": the same tour of the
 * cashier screen in each `language.cashier`, at 1024×768 (the smallest common counter screen, where
 * longer Malay words would push a button off first). At every stop:
 * - axe-core's WCAG 2 A/AA rules find nothing, the page's `lang` is the cashier's language;
 * - in Malay and Chinese, no English text of the catalog is left on the screen (what the terminal's
 *   service writes, such as a provider's own refusal, is not the catalog's and is not counted);
 * - the stop's main action is wholly inside the viewport.
 */

const SIZE = { width: 1024, height: 768 } as const;

/** The terminal's English labels of the demo methods this tour runs ("Atome (simulated)"). */
const METHOD_LABELS: ReadonlySet<string> = new Set([DEMO_METHOD.label, opnMethodInfo(true, 'atome').label]);

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** All the text a cashier can read or hear: the page's text, folded parts included, and the names of controls. */
function everything(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    // The receipt preview's alt text is the printed slip, which is the shop's record in English, not the screen.
    const said = [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')]
      .filter((e) => e.getAttribute('data-testid') !== 'receipt-image')
      .flatMap((e) => ['title', 'aria-label', 'placeholder', 'alt'].map((name) => e.getAttribute(name) ?? ''));
    return [document.body.innerText, ...said].join('\n');
  });
}

/** Every string in a value the terminal sent. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

describe.each(CASHIER_LANGUAGES)('the cashier screen in %s', (language: CashierLanguage) => {
  let terminal: InProcessTerminal;
  let screens: Screens;
  let cashier: Page;
  const testId = (id: string): Locator => cashier.locator(`[data-testid="${id}"]`);
  const name = (stop: string) => `cashier-${language}-${stop}`;

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, demo: { methods: ['demo', 'atome'] }, language: { cashier: language } });
    // The pages' CSP forbids inline scripts, so axe-core could not be injected without this.
    screens = await openScreens(browser, terminal.host.urls, { bypassCSP: true, cashierViewport: SIZE });
    cashier = screens.cashier;
    await testId('device-bar').waitFor();
  });

  afterAll(async () => {
    await screens?.close();
    await terminal?.close();
  });

  /**
   * Every sentence the terminal's service wrote into what the screen shows now (device reports, a
   * payment's reason), but the methods' English labels: "Atome (simulated)" is the terminal's name for
   * logs and the API, and the screen names a method in its own language (issue 18).
   */
  async function serviceSaid(): Promise<string[]> {
    const snapshot = await terminal.service.dispatch('getSnapshot', {}, 'cashier');
    return snapshot.ok ? stringsIn(snapshot.value).filter((said) => !METHOD_LABELS.has(said)) : [];
  }

  async function check(stop: string, mainAction: string | null): Promise<void> {
    expect(await cashier.evaluate(() => document.documentElement.lang)).toBe(language);
    const violations = await axeViolations(cashier);
    expect(violations, describeViolations(`${language}, ${stop}`, violations)).toEqual([]);
    if (language !== 'en') {
      const text = await everything(cashier);
      const left = englishLeftIn(text, language, await serviceSaid());
      const where = left.map((en) => `"${en}" in …${text.slice(Math.max(0, text.indexOf(en) - 60), text.indexOf(en) + en.length + 60)}…`);
      expect(left, `${language}, ${stop}: English left:\n${where.join('\n')}`).toEqual([]);
    }
    if (mainAction !== null) {
      const box = await testId(mainAction).boundingBox();
      expect(box, `${language}, ${stop}: ${mainAction} not shown`).not.toBeNull();
      if (box !== null) {
        expect(box.y + box.height, `${language}, ${stop}: ${mainAction} below the screen`).toBeLessThanOrEqual(SIZE.height);
        expect(box.x + box.width, `${language}, ${stop}: ${mainAction} past the right edge`).toBeLessThanOrEqual(SIZE.width);
      }
    }
  }

  it('idle and keyed, with Charge in reach', async () => {
    await testId('amount').waitFor();
    await check('idle', 'charge');
    for (const key of '1234') await cashier.keyboard.press(key);
    await expect.poll(() => testId('amount').innerText()).toContain('12.34');
    await check('keyed', 'charge');
    await saveScreenshot(cashier, name('keyed'));
  });

  it('waiting for the customer, then paid with its receipt preview', async () => {
    await testId('charge').click();
    await status(cashier, 'awaiting').waitFor();
    await testId('demo-paid').waitFor();
    await check('awaiting', 'cancel');
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await testId('receipt-image').waitFor();
    await check('paid', 'new-sale');
    await saveScreenshot(cashier, name('paid'));
    await newSale(screens);
  });

  it('the refund question over a paid Atome sale', async () => {
    await testId('method').selectOption('atome');
    for (const key of '2000') await cashier.keyboard.press(key);
    await expect.poll(() => testId('amount').innerText()).toContain('20.00');
    await testId('charge').click();
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await check('paid Atome, refund form', 'refund-submit');
    await testId('refund-amount').fill('5.00');
    await testId('refund-submit').click();
    await testId('refund-confirm').waitFor();
    await check('the refund question', 'refund-confirm-back');
    await testId('refund-confirm-back').click();
    await testId('refund-confirm').waitFor({ state: 'detached' });
    await newSale(screens);
  });

  it('History, and a payment in it', async () => {
    await testId('history-open').click();
    await testId('history-row').first().waitFor();
    await check('History', 'history-close');
    await testId('history-row').first().click();
    await testId('history-detail').waitFor();
    await check('History, a payment open', null);
    await testId('history-close').click();
    await testId('history-panel').waitFor({ state: 'detached' });
  });

  it('End of day, and the close-day question', async () => {
    await testId('eod-open').click();
    await testId('eod-row').first().waitFor();
    await check('End of day', 'eod-close-day');
    await testId('eod-close-day').click();
    await testId('eod-confirm').waitFor();
    await check('the close-day question', 'eod-confirm-back');
    await testId('eod-confirm-back').click();
    await testId('eod-dismiss').click();
    await testId('eod-panel').waitFor({ state: 'detached' });
  });

  it('Devices, with the customer display pairing form', async () => {
    await testId('devices-open').click();
    await testId('devices-panel').waitFor();
    await testId('pair-code').waitFor();
    // A dialog: it fits the screen and scrolls inside; its Close button is pinned at its foot.
    await check('Devices', 'devices-panel');
    await check('Devices', 'devices-close');
    await saveScreenshot(cashier, name('devices'));
    await cashier.keyboard.press('Escape');
    await testId('devices-panel').waitFor({ state: 'detached' });
  });

  it('Settings, its advanced parts open', async () => {
    await testId('settings-open').click();
    await testId('setting-merchant.name').waitFor();
    for (const summary of await cashier.locator('.settings-advanced summary').all()) await summary.click();
    await check('Settings', null);
    expect(await testId('setting-language.cashier').inputValue()).toBe(language);
    await testId('settings-close').click();
    await testId('settings-panel').waitFor({ state: 'detached' });
  });

  it('reloaded while the terminal does not answer, it already speaks the language this browser last showed', async () => {
    // The socket is held open and never answered: the page has no snapshot, so no language from the terminal.
    await cashier.routeWebSocket((url) => url.pathname === WS_PATH, () => undefined);
    await cashier.reload();
    await expect.poll(() => cashier.locator('.cashier__waiting').first().innerText()).toBe(CASHIER_WORDS[language].common.waitingForTerminal);
    expect(await cashier.evaluate(() => document.documentElement.lang)).toBe(language);
  });
});
