import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { MEI_AND_ALI, addStaffRows } from '../support/staff-rows';
import { byTestId } from '../support/staff-screens';

/*
 * The staff screens in Malay and in Chinese, in Chromium against the real terminal: the Settings
 * part and the Staff panel (with the screen's own refusals), the sign-in screen (with its notice and
 * a PIN too short), the chip of who is signed in, and the manager's approval. No English text of the
 * catalog may be left on them; main's own sentences (a wrong PIN, what needs approval) stay as main writes them.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Where main's own sentences show (its warning, what needs approval): English until main speaks the language. */
const MAINS = ['staff-warning', 'staff-panel-warning', 'manager-approval-text'].map((id) => `[data-testid="${id}"]`).join(', ');

/** What a cashier reads of a part of the screen, but main's sentences: its text, and what it says on hover and to a screen reader. */
const readable = (part: Locator): Promise<string> =>
  part.evaluate((root, mains) => {
    let text = root instanceof HTMLElement ? root.innerText : '';
    for (const said of root.querySelectorAll(mains)) if (said instanceof HTMLElement) text = text.replace(said.innerText, '');
    const said = [root, ...root.querySelectorAll('[title], [aria-label]')].flatMap((e) => [e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '']);
    return [text, ...said].join('\n');
  }, MAINS);

describe.each(['ms', 'zh-Hans'] as const)('the staff screens in %s', (language) => {
  const words = CASHIER_WORDS[language].staff;
  let terminal: InProcessTerminal;
  let context: BrowserContext;
  let page: Page;
  const testId = (id: string, within: Page | Locator = page) => byTestId(within, id);
  const row = (index: number) => page.locator(`[data-testid="staff-row"][data-index="${String(index)}"]`);
  const expectNoEnglish = async (part: Locator): Promise<void> => {
    expect(englishLeftIn(await readable(part), language)).toEqual([]);
  };

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', language: { cashier: language }, demo: { methods: ['demo'] } });
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
  });

  afterAll(async () => {
    await context?.close();
    await terminal?.close();
  });

  it('Settings and the Staff panel, with the screen’s own refusals', async () => {
    await testId('settings-open').click();
    await expect.poll(() => testId('staff-summary').innerText()).toBe(words.summary.nobodyListed);
    await expectNoEnglish(page.locator('.staff-settings'));
    await testId('staff-open').click();
    await testId('staff-empty').waitFor();
    await expectNoEnglish(testId('staff-panel'));

    // Ali's PIN typed again wrong: the panel refuses it beside the threshold left empty.
    await addStaffRows(page, [MEI_AND_ALI[0], { ...MEI_AND_ALI[1], pinAgain: '1358' }]);
    await testId('refund-rule-over').check();
    await testId('refund-rule-threshold').fill('');
    await testId('staff-save').click();
    await expect.poll(() => testId('staff-saved').innerText()).toBe(words.panel.fixFields);
    expect(await testId('error-threshold').innerText()).toBe(words.rule.amountNeeded('SGD').replace(/^./, (c) => c.toUpperCase()));
    await expectNoEnglish(testId('staff-panel'));

    await testId('staff-pin-again', row(1)).fill('1357');
    await testId('refund-rule-threshold').fill('10.00');
    await testId('staff-save').click();
    await testId('sign-in').waitFor();
  });

  it('the sign-in screen, its notice and a PIN too short', async () => {
    expect(await testId('sign-in-notice').innerText()).toBe(words.signIn.listedNow);
    expect(await testId('sign-in-person').allInnerTexts()).toEqual([`Mei\n${words.roles.manager}`, `Ali\n${words.roles.cashier}`]);
    await expectNoEnglish(testId('sign-in'));
    await page.locator('[data-testid="sign-in-person"][data-staff-id="ali"]').click();
    for (const digit of '13') await testId(`sign-in-key-${digit}`).click();
    await testId('sign-in-submit').click();
    await expect.poll(() => testId('sign-in-problem').innerText()).toBe(words.pin.format);
    await expectNoEnglish(testId('sign-in'));

    for (const digit of '1357') await testId(`sign-in-key-${digit}`).click();
    await testId('sign-in-submit').click();
    await expect.poll(() => testId('operator').innerText()).toBe(words.nameWithRole('Ali', words.rolesInline.cashier));
    await expectNoEnglish(page.locator('.operator-chip'));
  });

  it('the manager’s approval, closing the day as a cashier', async () => {
    await testId('eod-open').click();
    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    const dialog = testId('manager-approval');
    await dialog.waitFor();
    await testId('manager-approval-submit').click();
    await expect.poll(() => testId('manager-approval-problem').innerText()).toBe(words.pin.format);
    await expectNoEnglish(dialog);
    await testId('manager-approval-back').click();
    await dialog.waitFor({ state: 'detached' });
  });
});
