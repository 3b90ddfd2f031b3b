import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openEmulatedDisplay, type EmulatedDisplay } from '../../electron/simulators/pole-display/attach-emulator';
import { VirtualPrinter } from '../../electron/simulators/printer/virtual-printer';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { requireSocat, socatPair, type SocatPair } from '../support/pole-socat';
import { decodeQrFromPng } from '../support/qr-decode';
import { openScreens, saveScreenshot, type Screens } from '../support/screens';

/*
 * Setting the devices up from the cashier screen, as a shop would on day one: the pole display's port
 * picked from the machine's ports (a socat pty pair, with the emulator on the far end), the printer
 * pointed at a network printer (a virtual one over TCP), each saved, restarted and tested from the
 * Devices panel in Chromium.
 */
let dir: string;
let pair: SocatPair;
let display: EmulatedDisplay;
let networkPrinter: VirtualPrinter;
let printerPort: number;
let terminal: InProcessTerminal;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  requireSocat();
  dir = mkdtempSync(join(tmpdir(), 'device-settings-'));
  pair = socatPair(dir);
  await pair.start();
  display = await openEmulatedDisplay(pair.displayPath, 'cd5220');
  networkPrinter = new VirtualPrinter({ dots: 384 });
  printerPort = await networkPrinter.listen();
  // The pole display's port is a socat pty: accepted only with the settings file's switch.
  terminal = await startInProcessTerminal({ merchant: { name: 'Kopi Corner' }, devices: { allowPseudoTerminals: true } });
  browser = await launchChromium();
  screens = await openScreens(browser, terminal.host.urls);
  await screens.cashier.locator('[data-testid="device-bar"]').waitFor();
});

afterAll(async () => {
  await screens?.close();
  await browser?.close();
  await terminal?.close();
  await display?.close();
  await networkPrinter?.close();
  await pair?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const panel = () => screens.cashier.locator('[data-testid="devices-panel"]');
const field = (id: string) => panel().locator(`[data-testid="${id}"]`);

describe('setting up the devices from the cashier screen', () => {
  it('lists the machine’s serial ports, the pty among them', async () => {
    expect(await screens.cashier.locator('[data-testid="device-pole-display"]').getAttribute('data-health')).toBe('off');
    await screens.cashier.locator('[data-testid="devices-open"]').click();
    await panel().waitFor();
    await expect.poll(() => field('serial-ports').innerText()).toContain(realpathSync(pair.hostPath));
  });

  it('names a wrong value at its field and changes nothing', async () => {
    await field('printer-kind').selectOption('tcp');
    await field('printer-host').fill('');
    await field('save-devices').click();
    await expect.poll(() => field('devices-saved').innerText()).toBe("The printer's host must be the printer's IP address or host name.");
    // Still the demo's virtual printer, ready.
    expect(await screens.cashier.locator('[data-testid="device-printer"]').getAttribute('data-health')).toBe('ok');
    expect(terminal.service.virtualPrinter).not.toBeNull();
  });

  it('refuses a port that is not a serial device, in a sentence naming it, and changes nothing', async () => {
    await field('printer-kind').selectOption('none');
    await field('pole-port').fill('/dev/null');
    await field('save-devices').click();
    await expect.poll(() => field('devices-saved').innerText()).toBe(
      'The pole display port /dev/null is not allowed: it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/…, /dev/pts/<n>.',
    );
    expect(await screens.cashier.locator('[data-testid="device-pole-display"]').getAttribute('data-health')).toBe('off');
    expect(terminal.service.virtualPrinter).not.toBeNull();
  });

  it('saves the pole display on the picked port: it shows the welcome at once, and its test pattern on request', async () => {
    await field('printer-kind').selectOption('none');
    await field('pole-port').fill(pair.hostPath);
    await field('pole-command-set').selectOption('cd5220');
    await field('save-devices').click();
    await expect.poll(() => field('devices-saved').innerText()).toBe('Saved; the devices restarted with it');
    expect(await field('devices-saved-details').textContent()).toContain('devices.json');
    await expect.poll(() => screens.cashier.locator('[data-testid="device-pole-display"]').getAttribute('data-health'), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => display.emulator.lines(), { timeout: 10_000 }).toEqual(['     Welcome to     ', '    Kopi Corner     ']);
    await field('test-pole-display').click();
    await expect.poll(() => display.emulator.lines()[0], { timeout: 10_000 }).toBe('12345678901234567890');
    await expect.poll(() => field('pole-test-outcome').innerText()).toContain('test pattern');
  });

  it('points the printer at a network printer, and the test QR comes out of that one', async () => {
    await field('printer-kind').selectOption('tcp');
    await field('printer-host').fill('127.0.0.1');
    await field('printer-port').fill(String(printerPort));
    await field('printer-paper').selectOption('58mm');
    await field('save-devices').click();
    await expect.poll(() => field('devices-saved').innerText()).toContain('the devices restarted');
    // No longer the demo's own virtual printer: the one on the shop's network.
    expect(terminal.service.virtualPrinter).toBeNull();
    const page = networkPrinter.nextReceipt();
    await field('print-test-qr').click();
    const printed = await page;
    expect(printed.width).toBe(384);
    expect(decodeQrFromPng(printed.png)).toMatch(/^QR COUNTER TERMINAL TEST /);
    expect(printed.lines.join('\n')).toContain(`58mm, native QR, 127.0.0.1:${printerPort}`);
    await saveScreenshot(screens.cashier, 'cashier-device-settings');
  });

  it('kept both in the data folder, for the next start', async () => {
    // Where it went is a technician's detail, folded under Details.
    const savedIn = /Saved in (\S+devices\.json)/.exec((await field('devices-saved-details').textContent()) ?? '')?.[1] ?? '';
    const saved = JSON.parse(readFileSync(savedIn, 'utf8')) as { printer: { connection: unknown; paper: string }; poleDisplay: { port: { path: string }; commandSet: string } };
    expect(saved.printer.connection).toEqual({ kind: 'tcp', host: '127.0.0.1', port: printerPort });
    expect(saved.printer.paper).toBe('58mm');
    expect(saved.poleDisplay.port.path).toBe(pair.hostPath);
    expect(saved.poleDisplay.commandSet).toBe('cd5220');
  });
});
