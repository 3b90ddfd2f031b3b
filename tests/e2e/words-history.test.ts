import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * History, End of day and the QR lookup in Malay and in Chinese: a paid and a failed sale, then each
 * panel read as the cashier reads it (its text, and what its labels say to a screen reader). None of
 * the English catalog's texts may show; what the terminal's service writes (a provider's sentence)
 * is not in the catalog, so it is not counted.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A panel's visible text with its aria-labels and titles. */
function readable(panel: Locator): Promise<string> {
  return panel.evaluate((root) => {
    const said = [...root.querySelectorAll('[title], [aria-label]')].flatMap((e) => [e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '']);
    return [(root as HTMLElement).innerText, ...said].join('\n');
  });
}

describe.each(['ms', 'zh-Hans'] as const)('History, End of day and Lookup in %s', (language: Exclude<CashierLanguage, 'en'>) => {
  const words = CASHIER_WORDS[language];
  let terminal: InProcessTerminal;
  let screens: Screens;
  let cashier: Page;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);
  const expectNoEnglish = async (id: string) => expect(englishLeftIn(await readable(testId(id)), language)).toEqual([]);

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', language: { cashier: language } });
    screens = await openScreens(browser, terminal.host.urls);
    cashier = screens.cashier;
    await cashier.setViewportSize({ width: 1024, height: 768 });
  });

  afterAll(async () => {
    await screens?.close();
    await terminal?.close();
  });

  it('has a paid and a failed sale', async () => {
    for (const outcome of ['demo-paid', 'demo-failed'] as const) {
      await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1234', shown: '12.34' });
      await testId(outcome).click();
      await status(cashier, outcome === 'demo-paid' ? 'paid' : 'failed').waitFor();
      await newSale(screens);
    }
  });

  it('History: the list, a problem with the filter, and a payment', async () => {
    await testId('history-open').click();
    await expect.poll(() => cashier.locator('[data-testid="history-row"]').count()).toBe(2);
    expect(await testId('history-count').innerText()).toBe(words.history.shown(1, 2, 2));
    await expectNoEnglish('history-panel');
    await saveScreenshot(cashier, `words-history-${language}`);

    await testId('history-min').fill('ten');
    await testId('history-search').click();
    expect(await testId('history-problem').innerText()).toBe(words.history.problems.ofField(words.history.problems.lowest, words.amountEntry.notAnAmount('ten')));
    await testId('history-min').fill('');

    await cashier.locator('[data-testid="history-row"]').last().click();
    await testId('history-detail').waitFor();
    expect(await testId('history-timeline').innerText()).toContain(words.history.statuses.paid);
    await expectNoEnglish('history-panel');
    await saveScreenshot(cashier, `words-history-detail-${language}`);
    await testId('history-close').click();
    await testId('history-panel').waitFor({ state: 'detached' });
  });

  it('End of day: the figures and the question before closing', async () => {
    await testId('eod-open').click();
    await testId('eod-preview').waitFor();
    expect(await testId('eod-reports').innerText()).toBe(words.endOfDay.noReports);
    await expectNoEnglish('eod-panel');
    await testId('eod-close-day').click();
    await testId('eod-confirm').waitFor();
    expect(await testId('eod-confirm-text').innerText()).toContain(words.endOfDay.closeWords.question('', 1).slice(-20));
    await expectNoEnglish('eod-panel');
    await saveScreenshot(cashier, `words-eod-confirm-${language}`);
    await testId('eod-confirm-accept').click();
    await expect.poll(() => testId('eod-answer').innerText()).toMatch(/^(Hari ditutup|日结完成)/);
    await expectNoEnglish('eod-panel');
    await testId('eod-dismiss').click();
    await testId('eod-panel').waitFor({ state: 'detached' });
  });

  it('Lookup: the panel, and a file that is not a picture', async () => {
    await testId('lookup-open').click();
    await testId('lookup-panel').waitFor();
    await testId('lookup-file').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    expect(await testId('lookup-error').innerText()).toBe(words.lookup.notAPicture);
    await expectNoEnglish('lookup-panel');
    await saveScreenshot(cashier, `words-lookup-${language}`);
    await testId('lookup-close').click();
  });
});
