import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CashierLanguage } from '../../app/i18n/languages';
import type { Said } from '../../app/i18n/said';
import type { DeviceReport, DeviceStatus, PrintReport } from '../../app/ipc/devices';
import type { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { saidFormat, wordSaid } from '../../renderer/cashier/shared/say';
import { CASHIER_WORDS } from '../../renderer/cashier/words/cashier-words';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { englishLeftIn } from '../support/english-left';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { requireSocat, socatPair, type SocatPair } from '../support/pole-socat';

/*
 * What the terminal's service says about its devices, on the cashier screen in Malay and in Chinese
 * (web mode, Chromium): a print's report from the virtual printer over TCP, the printer's chip once it
 * goes offline, the pole display's chip and test once its serial link (a socat pty pair) is gone, and a
 * device path the rule refuses (saved from the Devices panel, and named by the settings file).
 * Each is the catalog's wording of what the service said, and the service's English is not on screen.
 */

let browser: Browser;

beforeAll(async () => {
  requireSocat();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['ms', 'zh-Hans'] as const satisfies readonly Exclude<CashierLanguage, 'en'>[])("the devices' sentences in %s", (language) => {
  const words = CASHIER_WORDS[language];
  const format = saidFormat(null);
  const worded = (said: Said | undefined): string => {
    const text = said === undefined ? null : wordSaid(said, words.said, format);
    if (text === null) throw new Error('the service sent no Said for this sentence');
    return text;
  };
  let dir: string;
  let pair: SocatPair;
  let terminal: InProcessTerminal;
  let printer: VirtualPrinter;
  let context: BrowserContext;
  let page: Page;
  const prints: PrintReport[] = [];
  let devices: DeviceStatus | null = null;
  const chip = (id: string) => page.locator(`[data-testid="device-${id}"]`);
  /** The devices' parts of the page: the device bar with its tooltips, the print panel and the Devices panel. */
  const body = (): Promise<string> =>
    page.evaluate(() => {
      const parts = [...document.querySelectorAll('[data-testid="device-bar"], [data-testid="print-panel"], [data-testid="devices-panel"]')];
      const hints = [...document.querySelectorAll('[data-testid="device-bar"] [title]')].flatMap((e) => [e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '']);
      return [...parts.map((p) => (p instanceof HTMLElement ? p.innerText : '')), ...hints].join('\n');
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'words-devices-said-'));
    pair = socatPair(dir);
    await pair.start();
    terminal = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      language: { cashier: language },
      // The pole display's port is a socat pty: accepted only with the settings file's switch.
      devices: { allowPseudoTerminals: true },
      poleDisplay: { port: { path: pair.hostPath, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } },
    });
    const virtual = terminal.service.virtualPrinter;
    if (virtual === null) throw new Error('demo mode should print to its virtual printer');
    printer = virtual;
    terminal.service.subscribe((event, payload) => {
      if (event === 'print') prints.push(payload as PrintReport);
      if (event === 'devices') devices = payload as DeviceStatus;
    });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await page.goto(terminal.host.urls.cashier);
    await page.locator('[data-testid="device-bar"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await terminal?.close();
    await pair?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const current = (pick: (status: DeviceStatus) => DeviceReport): DeviceReport => {
    if (devices === null) throw new Error('no device status was sent');
    return pick(devices);
  };

  it("a printed slip's report is in the cashier's language, without the service's English", async () => {
    await keySale(page, { currency: 'SGD', method: 'demo', keys: '1234', shown: '12.34' });
    await page.locator('[data-testid="print-qr-slip"]').click();
    const outcome = page.locator('[data-testid="print-outcome"][data-outcome="printed"]');
    await outcome.waitFor();
    const report = prints.at(-1);
    if (report === undefined) throw new Error('no print was reported');
    expect(report.said?.kind).toBe('print_done');
    expect(await outcome.innerText()).toBe(`${worded(report.labelSaid)}: ${worded(report.said)}`);
    expect(await body()).not.toContain(report.label);
    expect(englishLeftIn(await body(), language)).toEqual([]);
  });

  it("the printer gone offline: the failed print, its chip and the chip's detail are in the cashier's language", async () => {
    printer.setState({ offline: true });
    await page.locator('[data-testid="print-qr-slip"]').click();
    const outcome = page.locator('[data-testid="print-outcome"][data-outcome="failed"]');
    await outcome.waitFor();
    const failed = prints.at(-1);
    expect(failed?.said).toMatchObject({ kind: 'print_failed', problem: { problem: 'condition', condition: 'offline' } });
    expect(await outcome.locator('.print-panel__message').innerText()).toBe(worded(failed?.said));
    await expect.poll(() => chip('printer').getAttribute('data-health')).toBe('fault');
    const report = current((s) => s.printer);
    expect(report.said).toMatchObject({ kind: 'printer_state', condition: 'offline' });
    expect(await chip('printer').getAttribute('title')).toBe(worded(report.said));
    expect(await chip('printer').locator('.device-bar__name').innerText()).toBe(worded(report.summarySaid));
    const text = await body();
    for (const english of [report.detail, report.summary, failed?.message ?? '']) expect(text).not.toContain(english);
    expect(englishLeftIn(text, language)).toEqual([]);
    printer.setState({ offline: false });
    await page.locator('[data-testid="cancel"]').click();
    await page.locator('[data-testid="new-sale"]').click();
  });

  it("the pole display unplugged: its chip, the Devices panel and its test say so in the cashier's language", async () => {
    await expect.poll(() => chip('pole-display').getAttribute('data-health')).toBe('ok');
    await pair.stop();
    await expect.poll(() => chip('pole-display').getAttribute('data-health')).toBe('fault');
    // It retries by itself (connecting, then disconnected again): the tooltip follows what the service last said.
    await expect.poll(async () => (await chip('pole-display').getAttribute('title')) === worded(current((s) => s.poleDisplay).said)).toBe(true);
    expect(['pole_disconnected', 'pole_connecting']).toContain(current((s) => s.poleDisplay).said?.kind);
    await page.locator('[data-testid="devices-open"]').click();
    const panel = page.locator('[data-testid="devices-panel"]');
    await panel.locator('[data-testid="test-pole-display"]').click();
    const answer = panel.locator('[data-testid="pole-test-outcome"]');
    await answer.waitFor();
    const line = worded({ area: 'devices', kind: 'pole_line', state: 'disconnected', path: pair.hostPath });
    // The display may be reconnecting by the time it is asked: its line then says so, in the same words.
    const reconnecting = worded({ area: 'devices', kind: 'pole_line', state: 'connecting', path: pair.hostPath });
    expect([line, reconnecting]).toContain(await answer.innerText());
    const text = await body();
    for (const english of ['Pole display disconnected', 'Check its cable and power', `Pole display connecting: ${pair.hostPath}`]) expect(text).not.toContain(english);
    expect(englishLeftIn(text, language)).toEqual([]);
    await panel.locator('[data-testid="devices-close"]').click();
  });

  it("a printer path that is a regular file: the save's refusal is in the cashier's language", async () => {
    const file = join(dir, 'printer.txt');
    writeFileSync(file, 'not a printer\n');
    await page.locator('[data-testid="devices-open"]').click();
    const panel = page.locator('[data-testid="devices-panel"]');
    await panel.locator('[data-testid="printer-kind"]').selectOption('serial');
    await panel.locator('[data-testid="printer-path"]').fill(file);
    await panel.locator('[data-testid="save-devices"]').click();
    const said: Said = { area: 'devices', kind: 'device_path_refused', device: 'printer', path: file, refused: { why: 'not_a_device', resolved: null, is: 'file' }, choose: false };
    // The pole display's socat link is gone by now, so its port is refused beside it, in the same language.
    await expect.poll(() => panel.locator('[data-testid="devices-saved"]').innerText()).toContain(worded(said));
    const text = await body();
    expect(text).not.toContain('is not a device');
    expect(englishLeftIn(text, language, [file])).toEqual([]);
    await panel.locator('[data-testid="devices-close"]').click();
  });

  it("pairing a display: a mistyped code, a code no display shows and an empty name are refused in the cashier's language", async () => {
    await page.locator('[data-testid="devices-open"]').click();
    const panel = page.locator('[data-testid="devices-panel"]');
    const answer = panel.locator('[data-testid="pair-answer"]');
    const pairing = words.devices.pairing;
    await panel.locator('[data-testid="pair-code"]').fill('12 34');
    await panel.locator('[data-testid="pair-name"]').fill('   ');
    await panel.locator('[data-testid="pair-display"]').click();
    const shape = pairing.fieldProblem(pairing.code, worded({ area: 'devices', kind: 'pairing_code_shape', digits: 6 }));
    const empty = pairing.fieldProblem(pairing.name, worded({ area: 'devices', kind: 'display_name_empty' }));
    await expect.poll(() => answer.innerText()).toBe(`${shape} ${empty}`);
    // No display shows 000000 (the tablet pairing page is not open): refused with the code and how often it changes.
    await panel.locator('[data-testid="pair-code"]').fill('000000');
    await panel.locator('[data-testid="pair-name"]').fill('Kaunter 3');
    await panel.locator('[data-testid="pair-display"]').click();
    await expect.poll(() => answer.innerText()).toBe(worded({ area: 'devices', kind: 'pairing_code_unknown', code: '000000', seconds: 120 }));
    const text = await body();
    for (const english of ['must be the 6-digit code', 'must not be empty', 'No display is showing the code']) expect(text).not.toContain(english);
    expect(englishLeftIn(text, language)).toEqual([]);
    await panel.locator('[data-testid="devices-close"]').click();
  });

  it('a printer path and a pole display port the settings file names but the rule refuses: chips and tooltips', async () => {
    const refused = await startInProcessTerminal({
      merchant: { name: 'Kopi Corner' },
      language: { cashier: language },
      printer: { connection: { kind: 'usb-lp', path: '/etc/passwd' } },
      poleDisplay: { port: { path: '/dev/null' } },
    });
    const other = await context.newPage();
    try {
      await other.goto(refused.host.urls.cashier);
      const printerChip = other.locator('[data-testid="device-printer"]');
      await expect.poll(() => printerChip.getAttribute('data-health')).toBe('fault');
      const printerSaid: Said = {
        area: 'devices',
        kind: 'device_path_refused',
        device: 'printer',
        path: '/etc/passwd',
        refused: { why: 'not_a_device', resolved: null, is: 'file' },
        choose: true,
      };
      expect(await printerChip.getAttribute('title')).toBe(worded(printerSaid));
      expect(await printerChip.locator('.device-bar__name').innerText()).toBe(worded({ area: 'devices', kind: 'summary', said: { summary: 'printer_path_refused' } }));
      const poleChip = other.locator('[data-testid="device-pole-display"]');
      const poleTitle = (await poleChip.getAttribute('title')) ?? '';
      expect(poleTitle).toContain('/dev/null');
      const bar = `${await other.locator('[data-testid="device-bar"]').innerText()}\n${(await printerChip.getAttribute('title')) ?? ''}\n${poleTitle}`;
      for (const english of ['is not a device', 'is not allowed', 'Choose the printer', 'Choose its port', 'Printer path refused']) expect(bar).not.toContain(english);
      expect(englishLeftIn(bar, language, ['/etc/passwd', '/dev/null'])).toEqual([]);
    } finally {
      await other.close();
      await refused.close();
    }
  });
});
