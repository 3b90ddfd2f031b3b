import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Outage } from '../../electron/simulators/faults';
import type { DemoSimulator } from '../../electron/simulators/demo/demo-simulator';
import { openEmulatedDisplay, type EmulatedDisplay } from '../../electron/simulators/pole-display/attach-emulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { demoRecords, startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { requireSocat, socatPair, type SocatPair } from '../support/pole-socat';
import { displayState, newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * The counter never locks up. The demo provider goes down mid-sale (every request to its simulator is
 * cut) just after the customer paid: the terminal cannot learn that. At the QR's expiry both customer
 * screens take the QR down, whatever the provider says; Cancel fails with its sentence; the cashier
 * parks the sale and takes the next one with another provider. Once the demo provider is back, the
 * parked sale resolves by itself: announced on the cashier screen, its receipt printed.
 */

/** The shortest QR life the settings allow; the test waits for it, on visible state only. */
const QR_LIFE_S = 30;
const EXPIRY_TIMEOUT_MS = (QR_LIFE_S + 30) * 1000;
const WELCOME = ['     Welcome to     ', '    Kopi Corner     '] as const;

let dir: string;
let pair: SocatPair;
let pole: EmulatedDisplay;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;
let outage: Outage | null = null;

beforeAll(async () => {
  requireSocat();
  dir = mkdtempSync(join(tmpdir(), 'parked-e2e-'));
  pair = socatPair(dir);
  await pair.start();
  pole = await openEmulatedDisplay(pair.displayPath, 'epson');
  terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    payment: { qrExpirySeconds: QR_LIFE_S, expiryGraceSeconds: 0, pollIntervalMs: 250, backoffBaseMs: 250, backoffMaxMs: 1000 },
    devices: { allowPseudoTerminals: true },
    poleDisplay: { port: { path: pair.hostPath, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }, commandSet: 'epson', welcome: ['Welcome to', 'Kopi Corner'] },
  });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="demo-banner"]').waitFor();
}, 60_000);

afterAll(async () => {
  outage?.end();
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await pole?.close();
  await pair?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const glass = async (expected: readonly [string, string], timeout = 10_000): Promise<void> => {
  await expect.poll(() => pole.emulator.lines(), { timeout, interval: 50 }).toEqual(expected);
};
const text = (page: Page, testId: string): Promise<string> => page.locator(`[data-testid="${testId}"]`).innerText();

describe('a provider outage mid-sale, in Chromium with the pole display', () => {
  let parkedId = '';

  it('takes the QR down at expiry on both customer screens, while the outcome stays open', async () => {
    const { cashier, display } = screens;
    await keySale(cashier, { currency: 'SGD', method: 'demo', keys: '1200', shown: '12.00' });
    await display.locator('[data-testid="qr"]').waitFor();
    const record = demoRecords(terminal.service).at(-1);
    if (record === undefined) throw new Error('the demo simulator holds no payment');
    parkedId = record.reference;
    // The provider goes down; the customer pays all the same, and only the provider knows.
    outage = (terminal.service.simulators.get('demo') as DemoSimulator).faults.startOutage({ fault: { kind: 'reset' } });
    expect((terminal.service.simulators.get('demo') as DemoSimulator).settle(record.id, 'paid')?.status).toBe('paid');
    await expect.poll(() => text(cashier, 'payment-notice'), { timeout: 10_000 }).toMatch(/^No connection to the demo provider/);
    await glass(['TOTAL      SGD 12.00', expect.stringMatching(/^Scan: Demo QR +0:\d\d$/)]);

    await expect.poll(() => display.locator('[data-testid="display-headline"]').innerText(), { timeout: EXPIRY_TIMEOUT_MS }).toContain(
      'This QR has expired — please see the cashier',
    );
    expect(await display.locator('[data-testid="qr"]').count()).toBe(0);
    expect(await display.locator('[data-testid="display-state"]').getAttribute('data-qr-expired')).toBe('true');
    await glass(['  QR code expired   ', ' Please see cashier ']);
    await saveScreenshot(display, 'display-qr-expired');
    // Only what is shown changed: the sale is still open, and the cashier is told so.
    await status(cashier, 'awaiting').waitFor();
    expect(await text(cashier, 'qr-expired-note')).toMatch(/^The QR expired at \d\d:\d\d: the customer display has taken it down, and the outcome is still being checked with the demo provider\.$/);
  }, EXPIRY_TIMEOUT_MS + 30_000);

  it('Cancel cannot reach the provider and says so; Park frees the counter at once', async () => {
    const { cashier, display } = screens;
    await cashier.locator('[data-testid="cancel"]').click();
    await expect.poll(() => text(cashier, 'payment-notice'), { timeout: 10_000 }).toMatch(/^Could not cancel yet: No connection to the demo provider/);
    await status(cashier, 'awaiting').waitFor();

    await cashier.locator('[data-testid="park-sale"]').click();
    await cashier.locator('[data-testid="charge"]').waitFor();
    await displayState(display, 'idle').waitFor();
    await glass(WELCOME);
    expect(await text(cashier, 'needs-attention-count')).toBe('1');

    await cashier.locator('[data-testid="needs-attention-open"]').click();
    const card = cashier.locator(`[data-testid="parked-sale"][data-id="${parkedId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('awaiting');
    expect(await card.locator('[data-testid="parked-state"]').innerText()).toMatch(
      /^Outcome unknown — not paid so far\. Last answer: (Could not cancel yet: )?No connection to the demo provider/,
    );
    expect(await card.innerText()).toContain('SGD 12.00');
    await card.locator('[data-testid="parked-check"]').click();
    await expect.poll(() => card.locator('[data-testid="parked-answer"]').innerText(), { timeout: 10_000 }).toMatch(/^Asked just now: No connection to the demo provider/);
    await saveScreenshot(cashier, 'cashier-parked');
    await cashier.locator('[data-testid="needs-attention-close"]').click();
    await cashier.locator('[data-testid="needs-attention-panel"]').waitFor({ state: 'detached' });
  });

  it('takes and is paid for the next sale while the parked one waits', async () => {
    const { cashier, display } = screens;
    // The parked sale's amount is not carried over: the next sale is keyed from nothing.
    expect(await text(cashier, 'amount')).toBe('SGD 0.00');
    await keySale(cashier, { currency: 'SGD', method: 'atome', keys: '2000', shown: '20.00' });
    await glass(['TOTAL      SGD 20.00', expect.stringMatching(/^Scan: Atome/)]);
    await cashier.locator('[data-testid="demo-paid"]').click();
    await status(cashier, 'paid').waitFor();
    await displayState(display, 'paid').waitFor();
    await newSale(screens);
  });

  it('End of day warns about the parked sale, asks before closing over it, and keeps it apart in the report', async () => {
    const { cashier } = screens;
    await cashier.locator('[data-testid="eod-open"]').click();
    const warning = cashier.locator('[data-testid="eod-parked"]');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/^1 parked sale, outcome unknown: not counted as paid\./);
    expect(await warning.locator('[data-testid="eod-parked-sale"]').innerText()).toContain(`SGD 12.00 · Demo QR · ${parkedId}`);
    const row = cashier.locator('[data-testid="eod-preview"] [data-testid="eod-row"][data-method="demo"]');
    expect(await row.locator('[data-testid="eod-parked-total"]').innerText()).toBe('1 · SGD 12.00');
    expect(await row.locator('[data-testid="eod-paid"]').innerText()).toBe('0 · SGD 0.00');

    await cashier.locator('[data-testid="eod-close-day"]').click();
    const question = cashier.locator('[data-testid="eod-confirm"]');
    await question.waitFor();
    expect(await question.locator('[data-testid="eod-confirm-parked"]').innerText()).toContain(parkedId);
    await question.locator('[data-testid="eod-confirm-accept"]').click();
    await expect.poll(() => text(cashier, 'eod-answer'), { timeout: 10_000 }).toMatch(/^Day closed: report no\. 1 is kept/);
    await cashier.locator('[data-testid="eod-dismiss"]').click();
    await cashier.locator('[data-testid="eod-panel"]').waitFor({ state: 'detached' });
  });

  it('resolves the parked sale by itself once the provider is back: announced, printed, then gone from the list', async () => {
    const { cashier } = screens;
    outage?.end();
    outage = null;
    const news = cashier.locator(`[data-testid="parked-news"][data-id="${parkedId}"]`);
    await news.waitFor({ timeout: 15_000 });
    expect(await news.getAttribute('data-status')).toBe('paid');
    expect(await news.innerText()).toMatch(new RegExp(`^Parked sale ${parkedId} of SGD 12\\.00 was paid at \\d\\d:\\d\\d`));
    const receipts = () => terminal.service.virtualPrinter?.receipts().filter((r) => r.lines.some((l) => l.includes(parkedId)) && r.lines.some((l) => l.includes('PAID'))) ?? [];
    await expect.poll(() => receipts().length, { timeout: 15_000 }).toBe(1);
    // The counter was not taken over by the news: the next sale can be keyed.
    await cashier.locator('[data-testid="charge"]').waitFor();

    await news.locator('[data-testid="parked-news-ack"]').click();
    await news.waitFor({ state: 'detached' });
    expect(await cashier.locator('[data-testid="needs-attention-open"]').count()).toBe(0);
  });
});
