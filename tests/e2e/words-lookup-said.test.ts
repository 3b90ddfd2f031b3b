import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import { startOrangepillSimulator, type OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * Reveal QR in Malay and Chinese, live against the Orangepill simulator: a paid request's status reads
 * in the cashier's language ("Dibayar", "已付款"), not in the terminal's English label.
 */
const API_KEY = 'op_test_LOOKUP_WORDS_11cc22dd';
const ALIAS = '@kopi_corner';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['ms', 'zh-Hans'] as const)("Reveal QR's status in %s", (language: Exclude<CashierLanguage, 'en'>) => {
  let simulator: OrangepillSimulator;
  let terminal: InProcessTerminal;
  let screens: Screens;
  let cashier: Page;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    simulator = await startOrangepillSimulator({ apiKey: API_KEY, merchantAlias: ALIAS });
    terminal = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      currency: 'USD',
      language: { cashier: language },
      providers: { orangepill: { apiKey: API_KEY, baseUrl: simulator.baseUrl, merchantAlias: ALIAS } },
    });
    screens = await openScreens(browser, terminal.host.urls);
    cashier = screens.cashier;
  });
  afterAll(async () => {
    await screens?.close();
    await terminal?.close();
    await simulator?.close();
  });

  it('a paid request', async () => {
    await keySale(cashier, { currency: 'USD', method: 'orangepill', keys: '2000', shown: '20.00' });
    const request = simulator.requests().at(-1);
    if (request === undefined) throw new Error('no request reached the simulator');
    const paid = simulator.simulate(request.id, 'paid');
    if (!paid.ok) throw new Error(paid.error);
    await status(cashier, 'paid').waitFor();
    await testId('new-sale').click();
    await displayState(screens.display, 'idle').waitFor();
    const png = await fetch(`${simulator.baseUrl}/v1/apps/payment/${request.id}/qr/png/300`, { headers: { 'x-api-key': API_KEY } });
    expect(png.status).toBe(200);
    await testId('lookup-open').click();
    await testId('lookup-panel').waitFor();
    await testId('lookup-file').setInputFiles({ name: 'customer-qr.png', mimeType: 'image/png', buffer: Buffer.from(await png.arrayBuffer()) });
    await testId('lookup-result').waitFor();
    const expected = wordSaid({ area: 'records', kind: 'lookup_status', status: 'DONE', reason: null }, CASHIER_WORDS[language].said, saidFormat(null));
    expect(expected).not.toBe('Paid');
    expect(await testId('lookup-status').innerText()).toBe(expected);
    const text = await testId('lookup-panel').innerText();
    expect(text).not.toMatch(/\bPaid\b/);
    expect(englishLeftIn(text, language, [request.id])).toEqual([]);
    await saveScreenshot(cashier, `words-lookup-status-${language}`);
    await testId('lookup-close').click();
  });
});
