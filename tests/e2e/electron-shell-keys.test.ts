import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { createSafeStorage } from '../support/electron-standin/safe-storage';
import { startShell, type ShellRun } from '../support/electron-standin/shell-run';

/**
 * Provider keys in the Electron shell, through the stand-in: saved from the cashier window over IPC,
 * kept by the stand-in safeStorage as Chromium's OSCrypt keeps them on Linux, and never sent back to
 * a screen or written to the log.
 */

const ONE_DISPLAY = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }];
const KEY = 'skey_test_5standinKeepsThisSecret';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function cashierOf(run: ShellRun): Promise<Page> {
  const cashier = await run.page('cashier');
  await cashier.locator('[data-testid=demo-banner]').waitFor();
  return cashier;
}

const saveKey = (cashier: Page, consent: boolean) =>
  cashier.evaluate(
    ([key, agreed]) => window.pos!.saveSettings({ credentials: { opnSecretKey: key }, ...(agreed ? { keyStorageConsent: true } : {}) }),
    [KEY, consent] as const,
  );

/** What main sent to the screens: every answer and every event, but not what the cashier window itself sent. */
const fromMain = (run: ShellRun): string =>
  run.standin.ipcLog
    .map((line) => JSON.parse(line) as { invoke?: string; send?: string; answer?: unknown; args?: unknown })
    .map((entry) => JSON.stringify(entry.invoke === undefined ? entry : entry.answer))
    .join('\n');

const vaultFile = (run: ShellRun) => path.join(run.userData, 'credentials.enc');
const logText = (run: ShellRun) => readFileSync(path.join(run.userData, 'terminal.log'), 'utf8');

describe('provider keys in the Electron shell', () => {
  it('encrypts a key saved from the settings screen with the keyring, and never shows or logs it', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY, safeStorage: 'keyring' });
    try {
      const cashier = await cashierOf(run);
      const settings = await cashier.evaluate(() => window.pos!.getSettings());
      expect(settings).toMatchObject({ ok: true, value: { keyStorage: { needsConsent: false } } });
      expect(JSON.stringify(settings)).toContain('GNOME Keyring (libsecret)');

      expect(await saveKey(cashier, false)).toMatchObject({ ok: true });
      const bytes = readFileSync(vaultFile(run));
      expect(bytes.subarray(0, 3).toString()).toBe('v11');
      expect(bytes.toString('latin1')).not.toContain(KEY);
      const opened = await createSafeStorage('keyring', run.standin.keyring, () => true).decryptStringAsync(bytes);
      expect(JSON.parse(opened.result)).toMatchObject({ opnSecretKey: KEY });

      expect(fromMain(run)).not.toContain(KEY);
      expect(logText(run)).not.toContain(KEY);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('asks for consent before keeping a key with the basic_text backend, which only obfuscates it', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY, safeStorage: 'basic_text' });
    try {
      const cashier = await cashierOf(run);
      const settings = await cashier.evaluate(() => window.pos!.getSettings());
      expect(settings).toMatchObject({ ok: true, value: { keyStorage: { needsConsent: true } } });
      expect(JSON.stringify(settings)).toContain('only obfuscated with a fixed built-in password');

      const refused = await saveKey(cashier, false);
      expect(refused).toMatchObject({ ok: false, error: { fields: { keyStorageConsent: expect.stringContaining('must be ticked') } } });
      expect(() => readFileSync(vaultFile(run))).toThrow();

      expect(await saveKey(cashier, true)).toMatchObject({ ok: true });
      const bytes = readFileSync(vaultFile(run));
      expect(bytes.subarray(0, 3).toString()).toBe('v10');
      expect(fromMain(run)).not.toContain(KEY);
      expect(logText(run)).not.toContain(KEY);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('refuses to keep a key where the system offers no encryption, and says why', async () => {
    const run = await startShell(browser, { displays: ONE_DISPLAY, safeStorage: 'none' });
    try {
      const cashier = await cashierOf(run);
      const refused = await saveKey(cashier, true);
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('this computer offers the app no encryption') } });
      expect(() => readFileSync(vaultFile(run))).toThrow();
      expect(fromMain(run)).not.toContain(KEY);
      expect(logText(run)).not.toContain(KEY);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});
