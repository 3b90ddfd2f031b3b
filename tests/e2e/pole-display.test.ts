import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import type { DeviceReport, DeviceStatus } from '../../app/ipc/devices';
import { POLE_DRIVER_IDS, type PoleDriverId } from '../../app/pole-display/driver';
import { openEmulatedDisplay, type EmulatedDisplay } from '../../electron/simulators/pole-display/attach-emulator';
import { keySale } from '../support/cashier';
import { launchChromium } from '../support/chromium';
import { startInProcessTerminal, type InProcessTerminal } from '../support/in-process-terminal';
import { poll, requireSocat, socatPair, type SocatPair } from '../support/pole-socat';
import { newSale, openScreens, saveScreenshot, status, type Screens } from '../support/screens';

/*
 * The real terminal (web mode, in this process) drives a pole display through the real serialport on
 * one end of a socat pty pair; the emulator on the other end turns the bytes into a 2x20 grid. The
 * sale is taken in Chromium on the cashier screen, as a person would.
 */

const WELCOME = ['     Welcome to     ', '    Kopi Corner     '] as const;
/** The demo method's label, then the seconds left, right-aligned: "Scan: Demo QR   9:59". */
const SCAN_LINE = /^Scan: Demo QR +(\d+):(\d\d)$/;
/** Generous bounds: these are ceilings for a loaded CI machine, not timing assertions. */
const GRID_TIMEOUT_MS = 10_000;
/** After an unplug the terminal retries with doubling delays (0.5, 1, 2, 4, 8 s ...). */
const RECOVERY_TIMEOUT_MS = 30_000;

let browser: Browser | undefined;
/** Everything a test started, stopped in reverse order after it, pass or fail. */
let cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  requireSocat();
  browser = await launchChromium();
});

afterEach(async () => {
  const steps = cleanups.reverse();
  cleanups = [];
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
});

afterAll(async () => {
  await browser?.close();
});

interface Counter {
  readonly pair: SocatPair;
  readonly terminal: InProcessTerminal;
  readonly screens: Screens;
  /** Every pole display report the device bar was sent, in order. */
  readonly reports: DeviceReport[];
  /** The emulator on the display end; replaced when the display is plugged back in. */
  display: EmulatedDisplay | null;
}

/** A counter with a pole display speaking `commandSet`: socat, the emulator, the terminal, both screens. */
async function startCounter(commandSet: PoleDriverId): Promise<Counter> {
  if (browser === undefined) throw new Error('Chromium did not start');
  const dir = mkdtempSync(join(tmpdir(), `pole-e2e-${commandSet}-`));
  cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const pair = socatPair(dir);
  cleanups.push(() => pair.stop());
  await pair.start();

  const holder: { display: EmulatedDisplay | null } = { display: null };
  cleanups.push(async () => {
    await holder.display?.close();
    holder.display = null;
  });
  // The display end is open before the terminal writes: opening a serial port flushes what waits in it.
  holder.display = await openEmulatedDisplay(pair.displayPath, commandSet);

  const terminal = await startInProcessTerminal({
    merchant: { name: 'Kopi Corner' },
    // The display's port is a socat pty: accepted only with the settings file's switch.
    devices: { allowPseudoTerminals: true },
    poleDisplay: {
      port: { path: pair.hostPath, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      commandSet,
      welcome: ['Welcome to', 'Kopi Corner'],
    },
  });
  cleanups.push(() => terminal.close());
  const reports: DeviceReport[] = [];
  const unsubscribe = terminal.service.subscribe((event, payload) => {
    if (event === 'devices') reports.push((payload as DeviceStatus).poleDisplay);
  });
  cleanups.push(() => Promise.resolve(unsubscribe()));

  const screens = await openScreens(browser, terminal.host.urls);
  cleanups.push(() => screens.close());
  await screens.cashier.locator('[data-testid="demo-banner"]').waitFor();
  return Object.assign(holder, { pair, terminal, screens, reports });
}

function glass(counter: Counter): readonly [string, string] {
  if (counter.display === null) throw new Error('no emulator is on the display end');
  return counter.display.emulator.lines();
}

async function expectGlass(counter: Counter, top: string, bottom: string | RegExp, timeout = GRID_TIMEOUT_MS): Promise<void> {
  await expect
    .poll(() => glass(counter), { timeout, interval: 25 })
    .toEqual([top, typeof bottom === 'string' ? bottom : expect.stringMatching(bottom)]);
}

/** Seconds shown on a scan line, e.g. 599 for "Scan: Demo QR   9:59". */
function countdownOf(line: string): number {
  const match = SCAN_LINE.exec(line);
  if (match === null) throw new Error(`not a scan line with a countdown: "${line}"`);
  const [, minutes = '0', seconds = '0'] = match;
  return Number(minutes) * 60 + Number(seconds);
}

/** The scan line as the customer should read it with `seconds` left, built here independently of the layout. */
function scanLine(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const time = `${m}:${String(seconds % 60).padStart(2, '0')}`;
  return 'Scan: Demo QR'.padEnd(20 - time.length, ' ') + time;
}

function poleItem(counter: Counter): Locator {
  return counter.screens.cashier.locator('[data-testid="device-pole-display"]');
}

async function poleItemState(counter: Counter): Promise<{ health: string | null; text: string; title: string | null }> {
  const item = poleItem(counter);
  return { health: await item.getAttribute('data-health'), text: await item.innerText(), title: await item.getAttribute('title') };
}

async function expectPoleItem(counter: Counter, health: string, text: string, timeout = GRID_TIMEOUT_MS): Promise<void> {
  await expect
    .poll(() => poleItemState(counter), { timeout, interval: 50 })
    .toMatchObject({ health, text: expect.stringContaining(text) });
}

/**
 * Resolves just after the terminal's next reconnect attempt has failed (a "connecting" report followed
 * by a fault), so the following attempt is a whole backoff step away.
 */
async function nextFailedRetry(counter: Counter): Promise<void> {
  const from = counter.reports.length;
  await poll(
    'a failed reconnect attempt',
    () => counter.reports.slice(from).map((r) => r.health),
    (healths) => {
      const connecting = healths.indexOf('unknown');
      return connecting !== -1 && healths.slice(connecting + 1).includes('fault') && healths[healths.length - 1] === 'fault';
    },
    RECOVERY_TIMEOUT_MS,
  );
}

/** Keys `keys` on the cashier screen, charges with the demo method and waits for its QR. */
async function charge(counter: Counter, keys: string, shown: string): Promise<void> {
  await keySale(counter.screens.cashier, { currency: 'SGD', method: 'demo', keys, shown });
}

async function simulatePaid(counter: Counter): Promise<void> {
  await counter.screens.cashier.locator('[data-testid="demo-paid"]').click();
  await status(counter.screens.cashier, 'paid').waitFor();
}

describe('the pole display follows a demo payment taken in Chromium', () => {
  it('covers every command set the terminal offers', () => {
    expect([...POLE_DRIVER_IDS]).toEqual(['epson', 'cd5220', 'logic-controls', 'plain']);
  });

  for (const commandSet of POLE_DRIVER_IDS) {
    it(`${commandSet}: welcome, amount due, the countdown, then thank you`, async () => {
      const counter = await startCounter(commandSet);
      await expectGlass(counter, WELCOME[0], WELCOME[1]);
      await expectPoleItem(counter, 'ok', 'Pole display');

      await charge(counter, '1234', '12.34');
      await expectGlass(counter, 'TOTAL      SGD 12.34', SCAN_LINE);
      const first = countdownOf(glass(counter)[1]);
      // The next second's text, sent as only what changed: the total above it must stay whole.
      await expectGlass(counter, 'TOTAL      SGD 12.34', scanLine(first - 1));

      await simulatePaid(counter);
      await expectGlass(counter, '     Thank you!     ', 'PAID       SGD 12.34');

      await newSale(counter.screens);
      await expectGlass(counter, WELCOME[0], WELCOME[1]);
      expect(counter.display?.emulator.unknownBytes()).toEqual([]);
      await expectPoleItem(counter, 'ok', 'Pole display');
    });
  }

  it('epson: unplugged, the device bar says so; plugged back in, the display shows the sale as it is now', async () => {
    const counter = await startCounter('epson');
    const { pair, screens } = counter;
    await charge(counter, '1234', '12.34');
    await expectGlass(counter, 'TOTAL      SGD 12.34', SCAN_LINE);
    await expectPoleItem(counter, 'ok', 'Pole display');

    // Unplug: socat goes, and both ptys with it.
    await pair.stop();
    await counter.display?.close();
    counter.display = null;
    await expectPoleItem(counter, 'fault', 'Pole display disconnected');
    expect((await poleItemState(counter)).title).toContain(`Pole display disconnected: ${pair.hostPath}`);

    // The screenshot is taken between two reconnect attempts, so it shows the fault, not "connecting".
    for (let attempt = 1; ; attempt += 1) {
      await nextFailedRetry(counter);
      await expectPoleItem(counter, 'fault', 'Pole display disconnected');
      const before = counter.reports.length;
      await saveScreenshot(screens.cashier, 'cashier-pole-disconnected');
      if (counter.reports.length === before) break;
      if (attempt === 3) throw new Error('the pole display kept changing state while the screenshot was taken');
    }

    // The sale goes on without the display: paid, a new sale, and a new amount due.
    await simulatePaid(counter);
    await newSale(screens);
    await charge(counter, '5678', '56.78');
    await expectPoleItem(counter, 'fault', 'Pole display disconnected');

    // Plug back in on the same paths, with the display listening before the terminal's next attempt.
    await nextFailedRetry(counter);
    await pair.start();
    counter.display = await openEmulatedDisplay(pair.displayPath, 'epson');
    await expectPoleItem(counter, 'ok', 'Pole display', RECOVERY_TIMEOUT_MS);
    await expectGlass(counter, 'TOTAL      SGD 56.78', SCAN_LINE);

    await simulatePaid(counter);
    await expectGlass(counter, '     Thank you!     ', 'PAID       SGD 56.78');
    expect(counter.display.emulator.unknownBytes()).toEqual([]);
  });
});
