import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Said } from '../../app/i18n/said';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { MEI_AND_ALI, addStaffRows } from '../support/staff-rows';
import { byTestId, signIn } from '../support/staff-screens';

/*
 * What the service says on the Settings screen and about staff, read by a Malay and a Chinese cashier
 * in Chromium against the real terminal: a field problem beside its field, the connection test's
 * answers from the Opn simulator, and a manager's PIN refused, each in the cashier's language.
 */

const OPN_KEY = 'skey_test_wordsSettingsSaid01';
let browser: Browser;
let opn: OpnSimulator;

beforeAll(async () => {
  browser = await launchChromium();
  opn = await startOpnSimulator({ secretKey: OPN_KEY });
});

afterAll(async () => {
  await browser?.close();
  await opn?.close();
});

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

describe.each(['ms', 'zh-Hans'] as const)('settings and staff answers in %s', (language) => {
  const words = CASHIER_WORDS[language];
  /** How this screen words a Said, in the shop's en-SG locale. */
  const say = (said: Said): string => wordSaid(said, words.said, saidFormat(null)) ?? '';
  let terminal: InProcessTerminal;
  let page: Page;
  const testId = (id: string, within?: Page | ReturnType<Page['locator']>) => byTestId(within ?? page, id);
  const setting = (path: string) => testId(`setting-${path}`, testId('settings-panel'));

  beforeAll(async () => {
    terminal = await startInProcessTerminal({ currency: 'SGD', language: { cashier: language }, demo: { methods: ['demo'] } });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(terminal.host.urls.cashier);
    await testId('device-bar').waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await terminal?.close();
  });

  it('shows a refused field beside it, in the cashier’s words', async () => {
    await testId('settings-open').click();
    await setting('merchant.name').fill('K'.repeat(41));
    await testId('settings-save').click();
    await expect.poll(() => testId('error-merchant.name').innerText()).toBe(capital(say({ area: 'settings', kind: 'field_too_long', max: 40, hint: 'none' })));
    expect(await testId('error-merchant.name').innerText()).not.toContain('must be');
    expect(await testId('settings-saved').innerText()).toBe(words.settings.answers.refused(1));
    await setting('merchant.name').fill('Kopi Corner');
  });

  it('answers a connection test against the simulator in the cashier’s words', async () => {
    await testId('settings-panel').locator('details.settings-advanced').first().locator('summary').click();
    await setting('providers.opn.baseUrl').fill(opn.baseUrl);
    await setting('credentials.opnSecretKey').fill('skey_test_notTheRightKey000');
    await testId('test-opn').click();
    const refusedKey = "Opn refused the terminal's secret key \u2014 check it in settings";
    await expect.poll(() => testId('connection-opn').innerText()).toBe(say({ area: 'settings', kind: 'test_failed', provider: 'opn', problem: 'auth', detail: refusedKey }));
    await setting('credentials.opnSecretKey').fill(OPN_KEY);
    await testId('test-opn').click();
    const accepted = say({ area: 'settings', kind: 'test_opn_ok', url: opn.baseUrl, testKey: true, methods: [], methodsDetail: null, gone: [] }).split(opn.baseUrl)[0] ?? '';
    await expect.poll(() => testId('connection-opn').innerText()).toMatch(new RegExp(`^${accepted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(await testId('connection-opn').innerText()).not.toContain('accepted the key');
    expect(await testId('key-storage').innerText()).not.toMatch(/Kept in memory|Stored unencrypted/);
    await testId('settings-close').click();
  });

  it('refuses a wrong manager PIN in the cashier’s words', async () => {
    await testId('settings-open').click();
    await testId('staff-open').click();
    await addStaffRows(page, MEI_AND_ALI);
    await testId('staff-save').click();
    await testId('sign-in').waitFor();
    await signIn(page, 'ali', '1357', 'Ali');

    await testId('settings-open').click();
    await setting('merchant.name').waitFor();
    await testId('settings-save').click();
    const dialog = testId('manager-approval');
    await dialog.waitFor();
    const need = { action: 'saveSettings', amount: null } as const;
    expect(await testId('manager-approval-text').innerText()).toBe(say({ area: 'staff', kind: 'manager_needed', ...need }));
    await testId('manager-approval-pin').fill('0000');
    await testId('manager-approval-submit').click();
    const refused = say({ area: 'staff', kind: 'manager_pin_refused', ...need, refusal: { area: 'staff', kind: 'wrong_pin', name: 'Mei', waitMs: 0 } });
    await expect.poll(() => testId('manager-approval-problem').innerText()).toBe(refused);
    expect(refused).not.toMatch(/Wrong PIN|manager's PIN/);
    await testId('manager-approval-back').click();
    await dialog.waitFor({ state: 'detached' });
  });
});
