import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startOpnSimulator, type OpnSimulator } from '../../electron/simulators/opn/opn-simulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { displayState, openScreens, saveScreenshot, scanDisplay, status, type Screens } from '../support/screens';

/*
 * A shop's first day, from the Settings panel in Chromium: the shop's name and address, the QR's
 * life, the customer display's languages, and then the Opn key — tested against (simulated) Opn
 * before it is kept, and applied at once, turning the demo terminal live. Every field's problem is
 * shown at that field, and the key never comes back to a screen.
 */
const OPN_KEY = 'skey_test_5firstDaySettingsKey42';

let opn: OpnSimulator;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  opn = await startOpnSimulator({ secretKey: OPN_KEY });
  terminal = await startInProcessTerminal();
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="device-bar"]').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await opn?.close();
});

const panel = () => screens.cashier.locator('[data-testid="settings-panel"]');
const at = (id: string) => panel().locator(`[data-testid="${id}"]`);
const setting = (path: string) => at(`setting-${path}`);
const problem = (path: string) => at(`error-${path}`);

describe('the Settings panel', () => {
  it('opens with the settings in force and the keys only as set or not set', async () => {
    await screens.cashier.locator('[data-testid="settings-open"]').click();
    await panel().waitFor();
    await expect.poll(() => setting('merchant.name').inputValue()).toBe('Demo Shop');
    expect(await setting('payment.qrExpirySeconds').inputValue()).toBe('600');
    expect(await at('key-status-credentials.opnSecretKey').innerText()).toBe('Secret key: Not set');
    expect(await at('key-status-credentials.orangepillApiKey').innerText()).toBe('API key: Not set');
    expect(await at('monitor-web').innerText()).toContain('/display/');
    expect(await at('key-storage').innerText()).toContain('Stored unencrypted in');
    await saveScreenshot(screens.cashier, 'cashier-settings');
  });

  it('shows each wrong value at its field and saves nothing', async () => {
    await setting('merchant.name').fill('');
    await setting('payment.qrExpirySeconds').fill('10');
    await setting('merchant.logoText').fill('A LOGO FAR TOO LONG TO PRINT');
    await at('settings-save').click();
    await expect.poll(() => at('settings-saved').innerText()).toBe('Nothing was saved: 3 settings need correcting, as shown at each field');
    expect(await problem('merchant.name').innerText()).toBe('Must not be empty');
    expect(await problem('payment.qrExpirySeconds').innerText()).toBe('Must be at least 30 seconds');
    expect(await problem('merchant.logoText').innerText()).toBe('Must be at most 16 characters (it prints double width)');
    expect(await setting('merchant.name').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(screens.cashier, 'cashier-settings-errors');
    expect(await screens.cashier.locator('.cashier__merchant').innerText()).toBe('Demo Shop');
  });

  it('saves the shop, the QR’s life and the display’s languages, and every screen takes them at once', async () => {
    await setting('merchant.name').fill('Kopi Corner');
    await setting('merchant.logoText').fill('KOPI');
    await setting('merchant.addressLines.0').fill('1 Jalan Besar');
    await setting('payment.qrExpirySeconds').fill('300');
    await setting('language.display').selectOption('ms');
    await setting('language.display.1').selectOption('en');
    await at('settings-save').click();
    await expect.poll(() => at('settings-saved').innerText()).toBe('Saved; the terminal restarted with them');
    // The file is a technician's detail, folded under Details.
    expect(await at('settings-saved-details').textContent()).toMatch(/Saved in .*screen-settings\.json$/);
    expect(await panel().locator('[aria-invalid="true"]').count()).toBe(0);
    await expect.poll(() => screens.cashier.locator('.cashier__merchant').innerText()).toBe('Kopi Corner');
    await expect.poll(() => screens.display.locator('body').innerText()).toContain('Kopi Corner');
    expect(await screens.display.locator('body').innerText()).toContain('Selamat datang');
    expect(terminal.service.settings.merchant).toEqual({ name: 'Kopi Corner', addressLines: ['1 Jalan Besar'], logoText: 'KOPI' });
    expect(terminal.service.settings.payment.qrExpirySeconds).toBe(300);
  });

  it('tests an Opn key before keeping it: a wrong one is refused, the right one accepted', async () => {
    await panel().locator('details.settings-advanced').first().locator('summary').click();
    await setting('providers.opn.baseUrl').fill(opn.baseUrl);
    await setting('credentials.opnSecretKey').fill('skey_test_notTheRightKey000');
    await at('test-opn').click();
    await expect.poll(() => at('connection-opn').innerText()).toBe("Opn refused the terminal's secret key \u2014 check it in settings");
    await setting('credentials.opnSecretKey').fill(OPN_KEY);
    await at('test-opn').click();
    // Then what the account offers from GET /capability (tests/integration/opn-capability.test.ts has its sentences).
    await expect.poll(() => at('connection-opn').innerText()).toMatch(new RegExp(`^Opn accepted the key at ${opn.baseUrl.replace(/[.]/g, '\\.')} \\(a test key: no real money moves\\)\\. `));
    await at('connection-opn').scrollIntoViewIfNeeded();
    await saveScreenshot(screens.cashier, 'cashier-settings-providers');
  });

  it('asks before keeping a key unencrypted, then goes live with it', async () => {
    await at('settings-save').click();
    await expect.poll(() => problem('keyStorageConsent').innerText()).toMatch(/^Must be ticked to keep a key here: Stored unencrypted in /);
    expect(terminal.service.info.demo).toBe(true);

    await setting('keyStorageConsent').check();
    await at('settings-save').click();
    await expect.poll(() => at('key-status-credentials.opnSecretKey').innerText()).toBe('Secret key: Set on this terminal');
    expect(await setting('credentials.opnSecretKey').inputValue()).toBe('');
    expect(terminal.service.info.demo).toBe(false);
    await expect.poll(() => screens.cashier.locator('.demo-banner').count()).toBe(0);
    const file = JSON.parse(readFileSync(join(terminal.dataDir, 'credentials.json'), 'utf8')) as { opnSecretKey: string };
    expect(file.opnSecretKey).toBe(OPN_KEY);
    expect(statSync(join(terminal.dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    await at('settings-close').click();
    await panel().waitFor({ state: 'detached' });
  });

  it('takes a live Atome sale on the saved key, and no screen ever received the key', async () => {
    await keySale(screens.cashier, { currency: 'SGD', method: 'atome', keys: '2500', shown: '25.00' });
    await displayState(screens.display, 'awaiting').waitFor();
    const charge = opn.charges().at(-1);
    expect(charge?.amount).toBe(2500);
    expect(await scanDisplay(screens.display)).toBe(opn.qrPayload(charge?.id ?? ''));
    await screens.cashier.locator('[data-testid="cancel"]').click();
    await status(screens.cashier, 'cancelled').waitFor();
    expect(screens.frames.length).toBeGreaterThan(0);
    expect(screens.frames.join('\n')).not.toContain(OPN_KEY);
    expect(terminal.logLines.join('\n')).not.toContain(OPN_KEY);
  });
});
