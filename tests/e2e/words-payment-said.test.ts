import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PaymentSaid } from '../../app/i18n/said/payment';
import type { TerminalInfo } from '../../app/ipc/contract';
import { OPN_FAILURE_WORDS } from '../../app/providers/opn/opn-api';
import { opnMethodInfo } from '../../app/providers/opn/opn-method';
import { DEFAULT_SETTINGS } from '../../app/settings/settings';
import type { OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { englishLeftIn } from '../support/english-left';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { saveScreenshot, status } from '../support/screens';

/*
 * What the service writes into a payment, in the cashier's language, on the real terminal in demo mode
 * (PayNow on the Opn simulator, Orangepill on its own): a failure with an Opn code on the result screen,
 * the waiting screen's note while Opn answers with server errors, and Orangepill's error. Each shows in
 * Malay or Chinese, worded from its Said, and the service's English sentence does not. So do the
 * providers' refusals as a sale starts: Opn refusing the terminal's key, Orangepill not knowing the
 * payer's alias.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The names the cashier screen gives the methods in the service's sentences. */
const FORMAT = saidFormat({
  merchantName: 'Kopi Corner',
  demo: true,
  locale: 'en-SG',
  defaultCurrency: 'SGD',
  methods: [opnMethodInfo(true, 'paynow')],
  language: DEFAULT_SETTINGS.language,
  sounds: DEFAULT_SETTINGS.sounds,
  entryMode: 'cents',
} satisfies TerminalInfo);

describe.each(['ms', 'zh-Hans'] as const)('a payment’s sentences in %s', (language) => {
  let terminal: InProcessTerminal;
  let cashier: Page;
  let opn: OpnSimulator;
  let orangepill: OrangepillSimulator;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);
  const worded = (said: PaymentSaid): string => {
    const text = wordSaid(said, CASHIER_WORDS[language].said, FORMAT);
    if (text === null) throw new Error(`no ${language} words for ${said.kind}`);
    return text;
  };

  beforeAll(async () => {
    terminal = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      currency: 'SGD',
      demo: { methods: ['paynow', 'orangepill'] },
      language: { cashier: language },
    });
    opn = terminal.service.simulators.get('paynow') as OpnSimulator;
    orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator;
    cashier = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await cashier.goto(terminal.host.urls.cashier);
  });

  afterAll(async () => {
    await cashier?.context().close();
    await terminal?.close();
  });

  /** Keys a sale and charges it, for a create the provider refuses: the result screen, not the QR. */
  const chargeRefused = async (method: string, keys: string, payerAlias?: string): Promise<string> => {
    await testId('amount').waitFor();
    await testId('currency').selectOption('SGD');
    await testId('method').selectOption(method);
    if (payerAlias !== undefined) await testId('payer-alias').fill(payerAlias);
    await testId('amount').click();
    for (const key of keys) await cashier.keyboard.press(key);
    await testId('charge').click();
    await status(cashier, 'failed').waitFor();
    return testId('payment-detail').innerText();
  };

  /** The result screen's text has no English the catalog holds, nor the service's English sentence. */
  const expectNoEnglish = async (english: string): Promise<void> => {
    const screen = await testId('payment-status').innerText();
    expect(screen).not.toContain(english);
    expect(englishLeftIn(screen, language === 'ms' ? 'ms' : 'zh-Hans')).toEqual([]);
  };

  it('Opn refusing the terminal’s key as the sale starts', async () => {
    opn.faults.add({ fault: { kind: 'status', status: 401 }, method: 'POST', pathPrefix: '/charges' });
    const detail = await chargeRefused('paynow', '1500');
    expect(detail).toBe(worded({ area: 'payment', kind: 'key_refused', provider: 'Opn', key: 'secret_key' }));
    await expectNoEnglish("Opn refused the terminal's secret key");
    await saveScreenshot(cashier, `cashier-${language}-opn-key-refused`);
    await testId('new-sale').click();
  });

  it('Orangepill not knowing the payer’s alias', async () => {
    const detail = await chargeRefused('orangepill', '2500', '@unknown_bob');
    expect(detail).toBe(worded({ area: 'payment', kind: 'payer_alias_unknown', provider: 'Orangepill', alias: '@unknown_bob' }));
    await expectNoEnglish('does not know the payer alias');
    await saveScreenshot(cashier, `cashier-${language}-orangepill-alias-refused`);
    await testId('new-sale').click();
    // The alias stays for the next sale until cleared; the next Orangepill sale is addressed to nobody.
    await testId('method').selectOption('orangepill');
    await testId('payer-alias').fill('');
  });

  it('a note while Opn has trouble, then a failure with Opn’s code, each in the cashier’s language', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'paynow', keys: '1234', shown: '12.34' });
    const charge = opn.charges().at(-1);
    if (charge === undefined) throw new Error('no charge reached the simulator');
    const outage = opn.faults.startOutage({ fault: { kind: 'status', status: 503 }, method: 'GET', pathPrefix: `/charges/${charge.id}` });
    try {
      const note = worded({ area: 'payment', kind: 'provider_trouble', provider: 'Opn', httpStatus: null });
      await expect.poll(() => testId('payment-notice').innerText()).toBe(note);
      await saveScreenshot(cashier, `cashier-${language}-opn-trouble`);
    } finally {
      outage.end();
    }
    // The demo's failure picker names each code as the result screen will say it.
    const option = cashier.locator('[data-testid="demo-failure-code"] option[value="insufficient_balance"]');
    expect(await option.textContent()).toBe(worded({ area: 'payment', kind: 'opn_failure', code: 'insufficient_balance', method: 'paynow' }));
    const settled = opn.settle(charge.id, 'failed', 'insufficient_balance');
    if (!settled.ok) throw new Error(settled.error);
    await status(cashier, 'failed').waitFor();
    const detail = await testId('payment-detail').innerText();
    expect(detail).toBe(worded({ area: 'payment', kind: 'opn_failure', code: 'insufficient_balance', method: 'paynow' }));
    expect(detail).not.toContain(OPN_FAILURE_WORDS.insufficient_balance('PayNow'));
    await saveScreenshot(cashier, `cashier-${language}-opn-failed`);
    await testId('new-sale').click();
  });

  it('Orangepill’s error, in the cashier’s language with Orangepill’s own reason', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys: '2000', shown: '20.00' });
    const request = orangepill.requests().at(-1);
    if (request === undefined) throw new Error('no request reached the simulator');
    const done = orangepill.simulate(request.id, 'error');
    if (!done.ok) throw new Error(done.error);
    await status(cashier, 'failed').waitFor();
    const detail = await testId('payment-detail').innerText();
    const prefix = worded({ area: 'payment', kind: 'orangepill_failure', status: 'ERROR', reason: null }).replace(/[.。]$/, '');
    expect(detail.startsWith(prefix)).toBe(true);
    expect(detail).not.toContain('Orangepill reported an error with the payment');
    await testId('new-sale').click();
  });
});
