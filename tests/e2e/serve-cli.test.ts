import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { displayState, openScreens, scanDisplay, status } from '../support/screens';
import { runServeExpectingExit, startServe, type ServeProcess } from '../support/serve-process';

let dir: string;
let browser: Browser;

const writeConfig = (name: string, settings: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof settings === 'string' ? settings : JSON.stringify(settings, null, 2));
  return path;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-cli-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run serve (the headless web mode, as a real process)', () => {
  it('prints two token URLs on 127.0.0.1, and a browser takes a demo payment through to paid', async () => {
    const config = writeConfig('shop.json', { merchant: { name: 'Corner Shop' }, currency: 'MYR', payment: { qrExpirySeconds: 120 } });
    const serve: ServeProcess = await startServe(['--config', config]);
    try {
      expect(serve.stdout()).toContain('DEMO mode');
      expect(serve.stdout()).toContain('Merchant: Corner Shop');
      const cashier = new URL(serve.cashierUrl);
      const display = new URL(serve.displayUrl);
      expect(cashier.hostname).toBe('127.0.0.1');
      expect(cashier.pathname).toBe('/cashier/');
      expect(display.pathname).toBe('/display/');
      expect(cashier.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);
      expect(display.searchParams.get('token')).not.toBe(cashier.searchParams.get('token'));

      const screens = await openScreens(browser, { cashier: serve.cashierUrl, display: serve.displayUrl });
      try {
        // Wait for the visible sale screen, as a cashier would, before keying.
        await screens.cashier.locator('[data-testid="amount"]').waitFor();
        for (const key of '4590') await screens.cashier.keyboard.press(key);
        await expect.poll(() => screens.cashier.locator('[data-testid="amount"]').innerText()).toContain('MYR 45.90');
        await screens.cashier.locator('[data-testid="charge"]').click();
        await status(screens.cashier, 'awaiting').waitFor();
        // The config's QR lifetime reached the provider: two minutes, not the ten-minute default.
        expect(await screens.cashier.locator('[data-testid="countdown"]').innerText()).toMatch(/^(2:00|1:5\d)$/);
        const providerRef = (await screens.cashier.locator('[data-testid="provider-ref"]').innerText()).trim();
        expect(providerRef).toMatch(/^DEMO-[0-9A-F]{12}$/);
        expect(await scanDisplay(screens.display)).toBe(providerRef);
        await screens.cashier.locator('[data-testid="demo-paid"]').click();
        await status(screens.cashier, 'paid').waitFor();
        await displayState(screens.display, 'paid').waitFor();
      } finally {
        await screens.close();
      }
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('names the file and the setting when the config is wrong, and does not start', async () => {
    const config = writeConfig('bad.json', { payment: { qrExpirySeconds: 5 }, colour: 'blue' });
    const result = await runServeExpectingExit(['--port', '0', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${config}: payment.qrExpirySeconds must be at least 30 seconds`);
    expect(result.stderr).toContain(`${config}: unknown setting(s) colour`);
    expect(result.stdout).not.toContain('Cashier:');
  });

  it('says so when the config file is not JSON or does not exist', async () => {
    const broken = writeConfig('broken.json', '{ "merchant": ');
    expect((await runServeExpectingExit(['--config', broken])).stderr).toContain(`${broken}: not valid JSON`);
    const missing = join(dir, 'missing.json');
    expect((await runServeExpectingExit(['--config', missing])).stderr).toContain(`${missing}: cannot read the settings file (it does not exist)`);
  });

  it('rejects an unknown option with the usage', async () => {
    const result = await runServeExpectingExit(['--prot', '80']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown option "--prot"');
    expect(result.stderr).toContain('Usage: npm run serve');
  });

  it('explains a port that is already taken', async () => {
    const first = await startServe();
    try {
      const port = new URL(first.cashierUrl).port;
      const second = await runServeExpectingExit(['--port', port]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      await first.stop();
    }
  });
});
