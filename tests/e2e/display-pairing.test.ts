import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { freePort } from '../support/free-port';
import { displayState, saveScreenshot } from '../support/screens';
import { startServe, type ServeProcess } from '../support/serve-process';

/*
 * A tablet paired once, in real Chromium against the built `serve`, across a restart of the host on
 * the same data folder and port (as after a power cut): the tablet keeps its own token, the kiosk
 * cashier link keeps working, and unpairing sends the tablet back to its pairing code.
 */

let browser: Browser;
let data: string;
let port: number;
let serve: ServeProcess | null = null;
let tablet: BrowserContext;
let kiosk: BrowserContext;
let display: Page;
let cashier: Page;
let kioskUrl: string;

const start = async (): Promise<ServeProcess> => (serve = await startServe(['--data', data, '--port', String(port)]));
const stop = async (): Promise<void> => {
  await serve?.stop();
  serve = null;
};
const panel = () => cashier.locator('[data-testid="devices-panel"]');

beforeAll(async () => {
  browser = await launchChromium();
  data = mkdtempSync(join(tmpdir(), 'serve-pairing-'));
  port = await freePort();
  tablet = await browser.newContext({ viewport: { width: 1024, height: 600 } });
  kiosk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await tablet?.close();
  await kiosk?.close();
  await browser?.close();
  await stop();
  rmSync(data, { recursive: true, force: true });
});

describe('a tablet paired once as the customer display', () => {
  it('shows a pairing code and nothing of the shop until the cashier approves it', async () => {
    const first = await start();
    const line = /^Kiosk cashier link \(this machine only, kept across restarts; shown only now, so save it\): (\S+)$/m.exec(first.stdout());
    expect(line?.[1]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${String(port)}/cashier/\\?token=[A-Za-z0-9_-]{32}$`));
    kioskUrl = line?.[1] ?? '';
    display = await tablet.newPage();
    await display.goto(`http://127.0.0.1:${String(port)}/display/`);
    const code = display.locator('[data-testid="pairing-code"]');
    await code.waitFor();
    expect(await code.innerText()).toMatch(/^\d{3} \d{3}$/);
    await saveScreenshot(display, 'display-pairing-code');

    cashier = await kiosk.newPage();
    await cashier.goto(kioskUrl);
    await cashier.locator('[data-testid="devices-open"]').click();
    await panel().locator('[data-testid="paired-displays"]').waitFor();
    // A wrong code first: refused beside the form, nothing paired.
    await panel().locator('[data-testid="pair-code"]').fill('000 000');
    await panel().locator('[data-testid="pair-name"]').fill('Counter tablet');
    await panel().locator('[data-testid="pair-display"]').click();
    await expect.poll(() => panel().locator('[data-testid="pair-answer"]').innerText()).toMatch(/^No display is showing the code 000000/);

    await panel().locator('[data-testid="pair-code"]').fill(await code.innerText());
    await panel().locator('[data-testid="pair-display"]').click();
    await expect.poll(() => panel().locator('[data-testid="pair-answer"]').innerText()).toBe('Counter tablet is paired: it shows the sale now');
    await displayState(display, 'idle').waitFor();
    // Kept by the page itself, not in its address.
    expect(display.url()).toBe(`http://127.0.0.1:${String(port)}/display/`);
    await expect.poll(() => panel().locator('[data-testid="paired-display"]').innerText()).toContain('Counter tablet');
    await saveScreenshot(cashier, 'devices-paired-displays');
  });

  it('keeps working after the host restarts, and the kiosk link too', async () => {
    await stop();
    const second = await start();
    expect(second.stdout()).toContain('Kiosk cashier link: the one shown when it was made (this machine only); --new-cashier-link replaces it.');
    await cashier.goto(kioskUrl);
    // The tablet was never touched: it reconnects by itself with its own token.
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1234', shown: '12.34' });
    await display.locator('[data-testid="qr"]').waitFor();
    expect(await display.locator('body').innerText()).toContain('12.34');
  });

  it('goes back to its pairing code when unpaired, and its token opens nothing any more', async () => {
    const token = await display.evaluate(() => localStorage.getItem('qr-terminal.display-token'));
    await cashier.locator('[data-testid="devices-open"]').click();
    await panel().locator('[data-testid="paired-displays"]').waitFor();
    await panel().getByRole('button', { name: 'Unpair Counter tablet' }).click();
    await expect.poll(() => panel().locator('[data-testid="pair-answer"]').innerText()).toBe('Counter tablet is unpaired: it shows its pairing code again');
    await display.locator('[data-testid="pairing-code"]').waitFor();
    expect(await display.evaluate(() => localStorage.getItem('qr-terminal.display-token'))).toBeNull();
    expect((await fetch(`http://127.0.0.1:${String(port)}/display/?token=${token ?? ''}`)).status).toBe(401);
  });
});
