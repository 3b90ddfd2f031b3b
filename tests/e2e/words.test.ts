import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { jargonIn } from '../support/jargon';
import { status } from '../support/screens';

/*
 * Words for people (issue 18): the cashier screen in demo mode, once with no printer or pole display
 * set up and once with device paths the terminal refuses, read as a cashier reads it: the visible
 * text, what the device bar's chips say on hover and to a screen reader, but not what sits folded
 * under a Details part. None of it may be a setting path, a protocol name, a file or a raw status.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** What a cashier can read: the page's visible text without <details> contents, and the chips' hover and spoken text. */
function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const details of document.querySelectorAll('details')) {
      if (!(details instanceof HTMLElement) || details.innerText === '') continue;
      text = text.replace(details.innerText, details.querySelector('summary')?.textContent ?? '');
    }
    const said = [...document.querySelectorAll('[title], [aria-label]')].flatMap((e) => [e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '']);
    return [text, ...said].join('\n');
  });
}

async function expectNoJargon(page: Page): Promise<void> {
  expect(jargonIn(await readable(page))).toEqual([]);
}

/** One terminal and its cashier screen at a common counter size. */
function counter(settings: Record<string, unknown>) {
  let terminal: InProcessTerminal;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, ...settings });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="device-bar"]').waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await terminal?.close();
  });
  return { page: () => page };
}

const panel = (page: Page) => page.locator('[data-testid="devices-panel"]');
const field = (page: Page, id: string) => panel(page).locator(`[data-testid="${id}"]`);

async function openDevices(page: Page): Promise<void> {
  await page.locator('[data-testid="devices-open"]').click();
  await field(page, 'printer-form').waitFor();
}

/** The printer as the device bar and the Devices panel each tell it. */
async function printerStories(page: Page) {
  const chip = page.locator('[data-testid="device-printer"]');
  const section = panel(page).locator('section[aria-label="Receipt printer"] .devices-panel__state');
  const kind = field(page, 'printer-kind');
  return {
    chipHealth: await chip.getAttribute('data-health'),
    chipSays: (await chip.getAttribute('aria-label')) ?? '',
    panelHealth: ((await section.getAttribute('class')) ?? '').replace(/.*devices-panel__state--/, ''),
    panelSays: await section.innerText(),
    connection: await kind.inputValue(),
    connectionSays: await kind.locator('option:checked').innerText(),
  };
}

describe('demo mode, no printer or pole display set up', () => {
  const { page } = counter({});

  it('the main screen and the Devices panel speak without jargon', async () => {
    await expectNoJargon(page());
    await openDevices(page());
    await field(page(), 'test-pole-display').click();
    await field(page(), 'pole-test-outcome').waitFor();
    expect(await field(page(), 'pole-test-outcome').innerText()).toBe('No pole display is set up: choose its serial port in Devices, under Pole display settings');
    await expectNoJargon(page());
  });

  it('the device bar and the Devices panel tell the same story about the printer', async () => {
    await expect.poll(async () => (await printerStories(page())).chipHealth).toBe('ok');
    const told = await printerStories(page());
    expect(told.panelHealth).toBe(told.chipHealth);
    expect(told.chipSays).toBe(told.panelSays);
    // The form says no printer is set up; so must the printer's own line, and say what prints instead.
    expect(told.connection).toBe('none');
    expect(told.connectionSays).toBe('None (the demo prints on screen)');
    expect(told.panelSays).toContain('No receipt printer is set up, so the demo prints to its virtual printer');
    expect(told.panelSays).not.toMatch(/The printer at .* is ready/);
  });

  it('a wrong value is named by its field; a save says saved, and where only under Details', async () => {
    await field(page(), 'printer-kind').selectOption('tcp');
    await field(page(), 'printer-host').fill('');
    await field(page(), 'save-devices').click();
    await expect.poll(() => field(page(), 'devices-saved').innerText()).toBe("The printer's host must be the printer's IP address or host name.");
    await expectNoJargon(page());
    expect(await field(page(), 'devices-saved-details').textContent()).toContain('printer.connection.host');

    await field(page(), 'printer-kind').selectOption('none');
    await field(page(), 'save-devices').click();
    await expect.poll(() => field(page(), 'devices-saved').innerText()).toBe('Saved; the devices restarted with it');
    await expectNoJargon(page());
    expect(await field(page(), 'devices-saved-details').textContent()).toMatch(/Saved in \S+devices\.json$/);
    await field(page(), 'devices-close').click();
  });

  it('an Orangepill sale reads its steps in words; the codes are under Details', async () => {
    await keySale(page(), { currency: 'SGD', method: 'orangepill', keys: '2000', shown: '20.00' });
    await page().locator('[data-testid="demo-partial"]').click();
    await status(page(), 'partially_paid').waitFor();
    await page().locator('[data-testid="demo-paid"]').click();
    await status(page(), 'paid').waitFor();
    await expect.poll(() => page().locator('[data-testid="provider-log"]').innerText()).toMatch(/Waiting for payment[\s\S]*Partly paid[\s\S]*Paid/);
    await expectNoJargon(page());
    expect(await page().locator('[data-testid="provider-codes"]').textContent()).toMatch(/CREATED[\s\S]*INCOMPLETE[\s\S]*DONE/);
  });
});

describe('demo mode, with device paths the terminal refuses', () => {
  const { page } = counter({ printer: { connection: { kind: 'usb-lp', path: '/dev/null' } }, poleDisplay: { port: { path: '/dev/null' } } });

  it('says what is wrong without jargon, and the device bar and the Devices panel agree about the printer', async () => {
    await expect.poll(() => page().locator('[data-testid="device-printer"]').getAttribute('data-health')).toBe('fault');
    await expectNoJargon(page());
    await openDevices(page());
    await field(page(), 'print-test-qr').click();
    await field(page(), 'test-pole-display').click();
    await field(page(), 'pole-test-outcome').waitFor();
    await expectNoJargon(page());
    const told = await printerStories(page());
    expect(told.panelHealth).toBe('fault');
    expect(told.chipSays).toBe(told.panelSays);
    // The form shows the refused path in force, and the printer's line names that same path.
    expect(told.connection).toBe('usb-lp');
    expect(await field(page(), 'printer-path').inputValue()).toBe('/dev/null');
    expect(told.panelSays).toContain('The printer path /dev/null is not allowed');
  });
});
