import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { TEST_DEMO_KEY } from '../support/in-process-terminal';
import { PAGES_DIR } from '../support/paths';
import { openScreens, saveScreenshot, type Screens } from '../support/screens';

/*
 * The records' sentences from the terminal's service, read by a Malay and a Chinese cashier in web
 * mode: a lookup of a picture that holds no QR, then, on a real full disk under the journal (a small
 * tmpfs), Charge and Close the day refused in the cashier's language.
 */

/** Why a tmpfs cannot be mounted here (not root), or null when it can. */
function mountProblem(): string | null {
  const probe = mkdtempSync(join(tmpdir(), 'records-said-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    rmdirSync(probe);
  }
}
const cannotMount = mountProblem();
if (cannotMount !== null) console.warn(`words-records-said: the full-disk steps are SKIPPED, a tmpfs cannot be mounted here (${cannotMount})`);

/** Fills the disk under `file` to the last byte. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (let i = 0; i < 10_000; i++) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

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
  let dir = '';
  let mounted = false;
  let service: TerminalService | null = null;
  let host: WebHost | null = null;
  let screens: Screens | null = null;
  let cashier: Page;
  const testId = (id: string) => cashier.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'records-said-'));
    if (cannotMount === null) {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
      mounted = true;
    }
    const settings = settingsSchema.parse({ merchant: { name: 'Kopi Corner' }, currency: 'SGD', language: { cashier: language } });
    const log = createLogger(() => undefined);
    service = await createTerminalService({ settings, log, demoApiKey: TEST_DEMO_KEY, dataDir: dir });
    host = await startWebHost({ api: service, host: '127.0.0.1', port: 0, pagesDir: PAGES_DIR, log, pairing: service.pairing });
    screens = await openScreens(browser, host.urls);
    cashier = screens.cashier;
  });

  afterAll(async () => {
    try {
      rmSync(join(dir, 'filler'), { force: true });
      await screens?.close();
      await host?.close();
      await service?.close();
    } finally {
      if (mounted) execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
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
