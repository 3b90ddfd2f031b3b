import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import type { Outage } from '../../electron/simulators/faults';
import type { OrangepillSimulator } from '../../electron/simulators/orangepill/orangepill-simulator';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { newSale, openScreens, status, type Screens } from '../support/screens';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';

/*
 * The parked sales and the refunds in Malay and in Chinese: the refund form and its question, the
 * money to return, a late payment, the Needs attention list, a parked sale's banner once it ended,
 * and End of day's warning. None of what these parts write may be left in English; the sentences
 * the terminal's service writes (a provider's notice, a method's refund rule) are shown as they came.
 */

/**
 * The fixed parts of the English sentence templates of the parked and refund catalogs, e.g. " is
 * more than the ": each on a Malay or Chinese screen is an English sentence a part still builds.
 */
function englishTemplateParts(): string[] {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'function') {
      try {
        const text = (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, () => '\u0001'));
        if (typeof text === 'string') parts.push(...text.split('\u0001').map((p) => p.trim()).filter((p) => p.length >= 12));
      } catch {
        // A template that needs a number or a list: its words are checked by its unit tests.
      }
    } else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) walk(inner);
  };
  walk(CASHIER_WORDS.en.parked);
  walk(CASHIER_WORDS.en.refund);
  return parts;
}

/**
 * What a cashier reads in one part: its visible text, and what it says on hover and to a screen
 * reader; less the elements `omit` selects, which another part of the screen words.
 */
const readable = (part: Locator, omit?: string): Promise<string> =>
  part.evaluate(
    (root, omitted) => {
      let text = (root as HTMLElement).innerText;
      for (const e of omitted === null ? [] : root.querySelectorAll(omitted)) text = text.replace((e as HTMLElement).innerText, '');
      return [root, ...root.querySelectorAll('[aria-label], [title], [placeholder]')]
        .flatMap((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '', e.getAttribute('placeholder') ?? ''])
        .concat(text)
        .join('\n');
    },
    omit ?? null,
  );

describe.each(['ms', 'zh-Hans'] as const)('parked sales and refunds in %s', (language: Exclude<CashierLanguage, 'en'>) => {
  const words = CASHIER_WORDS[language];
  const templates = englishTemplateParts();
  let terminal: InProcessTerminal;
  let browser: Browser;
  let screens: Screens;
  let cashier: Page;
  let outage: Outage | null = null;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

  /** Reads a part and keeps it for the check that no English is left. */
  const seen: string[] = [];
  const read = async (part: Locator, omit?: string): Promise<string> => {
    const text = await readable(part, omit);
    seen.push(text);
    return text;
  };

  beforeAll(async () => {
    terminal = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      currency: 'SGD',
      language: { cashier: language },
      payment: { pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 },
    });
    browser = await launchChromium();
    screens = await openScreens(browser, terminal.host.urls);
    cashier = screens.cashier;
    await cashier.setViewportSize({ width: 1024, height: 768 });
  });

  afterAll(async () => {
    outage?.end();
    await screens?.close();
    await browser?.close();
    await terminal?.close();
  });

  it('the refund form, its refusal, its question and its answer', async () => {
    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2000', shown: '20.00' });
    await testId('demo-paid').click();
    await status(cashier, 'paid').waitFor();
    await testId('refund-submit').click();
    await testId('refund-answer').waitFor();
    // The form's title on the sale's result is the result screen's own (it passes it in).
    expect(await read(testId('refund-form'), '.refund__title')).toContain(words.refund.form.typeAmount('SGD 20.00'));
    await testId('refund-amount').fill('5');
    await testId('refund-submit').click();
    expect(await read(testId('refund-confirm'))).toContain(words.refund.form.confirmAccept('SGD 5.00'));
    await testId('refund-confirm-accept').click();
    await expect.poll(() => testId('refund-answer').innerText()).toBe(words.refund.form.refundedLeft('SGD 5.00', 'SGD 15.00'));
    await read(testId('refund-form'), '.refund__title');
    await newSale(screens);
  });

  it('money to return, and marking it returned', async () => {
    const orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator;
    await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys: '2000', shown: '20.00' });
    const request = orangepill.requests().at(-1);
    if (request === undefined || !orangepill.simulate(request.id, 'partial').ok) throw new Error('no partial payment');
    await status(cashier, 'partially_paid').waitFor();
    await testId('cancel').click();
    await testId('cancel-money-confirm-accept').click();
    await status(cashier, 'cancelled_with_money').waitFor();
    expect(await read(testId('money-back'))).toContain(words.refund.moneyBack.toReturn);
    await testId('mark-returned').click();
    expect(await read(testId('mark-returned-confirm'))).toContain(words.refund.moneyBack.markReturnedQuestion(words.refund.moneyBack.moneyReceived));
    await testId('mark-returned-confirm-accept').click();
    await testId('money-back-returned').waitFor();
    await read(testId('money-back'));
    await newSale(screens);
  });

  it('a late payment, and the question before it is refunded', async () => {
    const orangepill = terminal.service.simulators.get('orangepill') as OrangepillSimulator;
    await keySale(cashier, { currency: 'SGD', method: 'orangepill', keys: '700', shown: '7.00' });
    const request = orangepill.requests().at(-1);
    if (request === undefined || !orangepill.simulate(request.id, 'late').ok) throw new Error('no late payment');
    await testId('refund-late').waitFor();
    expect(await read(testId('late-decision'))).toContain(words.refund.moneyBack.keep);
    await testId('refund-late').click();
    expect(await read(testId('late-refund-confirm'))).toContain(words.refund.form.confirmTitle('SGD 7.00'));
    await testId('late-refund-confirm-back').click();
    await testId('keep-late').click();
    await testId('late-decision').waitFor({ state: 'detached' });
    await newSale(screens);
  });

  it('a parked sale: the badge, the list, Check now, the reason, and End of day\u2019s warning', async () => {
    const demo = terminal.service.simulators.get('demo') as DemoSimulator;
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '900', shown: '9.00' });
    const record = demoRecords(terminal.service).at(-1);
    if (record === undefined) throw new Error('the demo simulator holds no payment');
    outage = demo.faults.startOutage({ fault: { kind: 'reset' } });
    await testId('park-sale').click();
    await testId('charge').waitFor();
    expect(await read(testId('needs-attention-open'))).toContain(words.parked.badgeLabel(1));

    await testId('needs-attention-open').click();
    const card = testId('parked-sale');
    await card.locator('[data-testid="parked-check"]').click();
    await card.locator('[data-testid="parked-answer"]').waitFor();
    await card.locator('[data-testid="parked-resolve"]').click();
    expect(await read(testId('needs-attention-panel'))).toContain(words.parked.card.reasonLabel);
    await card.locator('[data-testid="parked-reason"]').fill('Not in the console');
    await card.locator('[data-testid="parked-resolve-ask"]').click();
    await read(testId('parked-resolve-confirm'));
    await testId('parked-resolve-confirm-back').click();
    await testId('needs-attention-close').click();

    await testId('eod-open').click();
    expect(await read(testId('eod-parked'))).toContain(words.parked.warning.title(1));
    await testId('eod-dismiss').click();

    // Back up, the provider says it was paid: a banner tells it, and the card says how a refund is made.
    outage.end();
    outage = null;
    expect(demo.settle(record.id, 'paid')?.status).toBe('paid');
    await testId('parked-news').waitFor({ timeout: 15_000 });
    expect(await read(cashier.locator('.parked-news'))).toContain(words.parked.seen);
    await testId('parked-news-open').click();
    // The demo provider takes no refunds through the terminal: the card says so, with the provider's rule in the cashier's language.
    const rule = wordSaid({ area: 'refund', kind: 'method_rule', rule: { rule: 'demo_none' } }, words.said, saidFormat(null)) ?? '';
    const panel = await read(testId('needs-attention-panel'));
    expect(panel).toContain(words.refund.form.noRefundsHere(rule));
    expect(panel).not.toContain('the demo provider takes no refunds');
  });

  it('leaves no English of these parts behind', () => {
    const text = seen.join('\n');
    expect(englishLeftIn(text, language)).toEqual([]);
    expect(templates.filter((part) => text.includes(part))).toEqual([]);
  });
});
