import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import type { Said } from '../../app/i18n/said';
import { settingsSchema } from '../../app/settings/settings';
import { createLogger } from '../../electron/service/logging/logger';
import { createTerminalService, type TerminalService } from '../../electron/service/terminal/terminal-service';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { TEST_DEMO_KEY } from '../support/in-process-terminal';
import { PAGES_DIR } from '../support/paths';
import { openScreens, saveScreenshot, type Screens } from '../support/screens';
import { fillDisk, smallDisk, tmpfsProblem, type SmallDisk } from '../support/small-disk';

/*
 * The records' sentences from the terminal's service, read by a Malay and a Chinese cashier in web
 * mode: a lookup of a picture that holds no QR, then, on a real full disk under the journal (a small
 * tmpfs), Charge and Close the day refused and the device bar's journal chip, in the cashier's language.
 */

const cannotMount = tmpfsProblem();
if (cannotMount !== null) console.warn(`words-records-said: the full-disk steps are SKIPPED, a tmpfs cannot be mounted here (${cannotMount})`);

function blankPng(): Buffer {
  const png = new PNG({ width: 240, height: 240 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['ms', 'zh-Hans'] as const)('the records said in %s', (language: Exclude<CashierLanguage, 'en'>) => {
  const word = (said: Said): string | null => wordSaid(said, CASHIER_WORDS[language].said, saidFormat(null));
  let disk: SmallDisk | undefined;
  let dir = '';
  let service: TerminalService | null = null;
  let host: WebHost | null = null;
  let screens: Screens | null = null;
  let cashier: Page;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    disk = smallDisk('records-said-', '4m');
    dir = disk.dir;
    const settings = settingsSchema.parse({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', language: { cashier: language } });
    const log = createLogger(() => undefined);
    service = await createTerminalService({ settings, log, demoApiKey: TEST_DEMO_KEY, dataDir: dir });
    host = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log, pairing: service.pairing });
    screens = await openScreens(browser, host.urls);
    cashier = screens.cashier;
  });

  afterAll(async () => {
    try {
      disk?.makeRoom();
      await screens?.close();
      await host?.close();
      await service?.close();
    } finally {
      disk?.remove();
    }
  });

  it('a lookup of a picture that holds no QR', async () => {
    await testId('lookup-open').click();
    await testId('lookup-panel').waitFor();
    await testId('lookup-file').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: blankPng() });
    const expected = word({ area: 'records', kind: 'lookup_no_qr' });
    expect(expected).not.toBe('No QR code could be read from that image');
    await expect.poll(() => testId('lookup-error').innerText()).toBe(expected);
    await saveScreenshot(cashier, `words-records-lookup-${language}`);
    await testId('lookup-close').click();
  });

  it.skipIf(cannotMount !== null)('on a full disk: Charge and Close the day are refused, said in the language', async () => {
    fillDisk(join(dir, 'filler'));
    await testId('amount').waitFor();
    await testId('currency').selectOption('SGD');
    await testId('method').selectOption('demo');
    await testId('amount').click();
    for (const key of '1234') await cashier.keyboard.press(key);
    await testId('charge').click();
    const charge = word({ area: 'records', kind: 'journal_cannot_save', problem: 'full', folder: dir });
    await expect.poll(() => testId('cashier-error').innerText()).toBe(charge);
    expect(charge).toContain(dir);
    // The device bar's journal chip says the same, its few words and its tooltip, with no English left.
    const chip = testId('device-journal');
    await expect.poll(() => chip.getAttribute('data-health')).toBe('fault');
    const full = word({ area: 'devices', kind: 'summary', said: { summary: 'journal_problem', problem: 'full' } });
    expect(full).not.toBe('Journal: disk full');
    await expect.poll(() => chip.locator('.device-bar__name').innerText()).toBe(full);
    expect(await chip.getAttribute('title')).toBe(charge);
    const bar = await testId('device-bar').innerText();
    expect(bar).not.toContain('Journal: disk full');
    expect(englishLeftIn(`${bar}\n${(await chip.getAttribute('title')) ?? ''}`, language, [dir])).toEqual([]);
    await saveScreenshot(cashier, `words-records-journal-${language}`);

    await testId('eod-open').click();
    await testId('eod-preview').waitFor();
    await testId('eod-close-day').click();
    await testId('eod-confirm-accept').click();
    const notSaved = word({ area: 'records', kind: 'day_report_not_saved', problem: 'full', folder: dir });
    await expect.poll(() => testId('eod-answer').innerText()).toBe(notSaved);
    await saveScreenshot(cashier, `words-records-day-${language}`);
  });
});
