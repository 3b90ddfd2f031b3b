import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PosApiStatus } from '../../app/pos-api/pos-api-status';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { openScreens, saveScreenshot, type Screens } from '../support/screens';

/*
 * The POS API from the Settings panel in Chromium: turned on for the shop's LAN (bound to 127.0.0.1
 * by the settings file, as tests must), it then shows the fingerprint of the certificate the server
 * really presents, read here from the TLS handshake, and makes a new one when asked twice.
 */

let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  terminal = await startInProcessTerminal({ posApi: { address: '127.0.0.1' } });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="device-bar"]').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
});

const panel = () => screens.cashier.locator('[data-testid="settings-panel"]');
const at = (id: string) => panel().locator(`[data-testid="${id}"]`);

/** The fingerprint of the certificate the POS API presents, as a till sees it before sending anything. */
function presented(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

async function status(): Promise<PosApiStatus> {
  const result = await terminal.service.dispatch('getPosApiStatus', {}, 'cashier');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PosApiStatus;
}

describe('the POS API on the Settings panel', () => {
  it('turns the API on for the LAN and shows the fingerprint the server presents, with the public-key pin', async () => {
    await screens.cashier.locator('[data-testid="settings-open"]').click();
    await panel().waitFor();
    await expect.poll(() => at('pos-api-status').innerText()).toBe('Not listening');
    expect(await at('pos-api-fingerprint').count()).toBe(0);

    await at('setting-posApi.enabled').check();
    await at('setting-posApi.port').fill('0');
    await at('setting-posApi.bind').selectOption('lan');
    await at('settings-save').click();
    await expect.poll(() => at('settings-saved').innerText()).toMatch(/^Saved/);

    const url = terminal.service.posApi.url ?? '';
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await expect.poll(() => at('pos-api-status').innerText()).toBe(`Listening at ${url}`);
    const shown = await at('pos-api-fingerprint').innerText();
    expect(shown).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shown).toBe(await presented(url));
    expect(await at('pos-api-pin').innerText()).toBe(`sha256//${(await status()).certificate?.spkiPin256 ?? '?'}`);
    expect(await at('pos-api-certificate-note').innerText()).toBe('This certificate was just made: give the tills its fingerprint.');
    expect(await panel().innerText()).not.toMatch(/PRIVATE KEY/);
    await at('pos-api').scrollIntoViewIfNeeded();
    await saveScreenshot(screens.cashier, 'settings-pos-api');
  });

  it('makes a new certificate only once confirmed, and shows the one then presented', async () => {
    const url = terminal.service.posApi.url ?? '';
    const before = await at('pos-api-fingerprint').innerText();
    await at('pos-api-new-certificate').click();
    await expect.poll(() => panel().locator('[role="alertdialog"]').innerText()).toContain('Every till that pinned the current certificate will be refused');
    expect(await presented(url)).toBe(before);

    await at('pos-api-new-certificate-yes').click();
    await expect.poll(() => at('pos-api-fingerprint').innerText()).not.toBe(before);
    expect(await at('pos-api-fingerprint').innerText()).toBe(await presented(url));
    expect(await at('pos-api-certificate-note').innerText()).toBe('A new certificate is in use: every till must pin its new fingerprint.');
  });
});
