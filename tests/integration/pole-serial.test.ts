import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLE_DRIVER_IDS, type PoleDriverId } from '../../app/pole-display/driver';
import { createPoleController } from '../../electron/devices/pole-display/pole-controller';
import type { PoleDisplayStatus } from '../../electron/devices/pole-display/pole-display-device';
import { startPoleDisplayFromSettings } from '../../electron/devices/pole-display/pole-settings';
import { serialLinkOpener } from '../../electron/devices/pole-display/serial-link';
import { devicePathPolicy } from '../../electron/devices/device-path';
import { openEmulatedDisplay, type EmulatedDisplay } from '../../electron/simulators/pole-display/attach-emulator';
import { manualClock, POLE_T0, polePayment } from '../support/pole-payments';
import { poll, requireSocat, socatPair, type SocatPair } from '../support/pole-socat';

const WELCOME = ['Welcome to', 'Kopi Corner'] as const;
const methodLabel = () => 'Atome';
const AWAITING = polePayment({ status: 'awaiting' }, { expiresAt: POLE_T0 + 300_000 });
const PAID = polePayment({ status: 'paid', paidAt: POLE_T0 + 2000 });
/** socat's ends are pseudo-terminals: accepted only with the settings file's devices.allowPseudoTerminals. */
const openPty = serialLinkOpener(devicePathPolicy(true));

let dir = '';
let pair: SocatPair;

beforeAll(async () => {
  requireSocat();
  dir = mkdtempSync(join(tmpdir(), 'pole-serial-'));
  pair = socatPair(dir);
  await pair.start();
});

afterAll(async () => {
  await pair?.stop();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function expectGrid(display: EmulatedDisplay, top: string, bottom: string): Promise<void> {
  const lines = await poll(`the display to show "${top}" / "${bottom}"`, () => display.emulator.lines(), (l) => l[0] === top && l[1] === bottom);
  expect(lines).toEqual([top, bottom]);
}

function rig(driver: PoleDriverId) {
  const clock = manualClock();
  const statuses: PoleDisplayStatus[] = [];
  const device = startPoleDisplayFromSettings(
    { driver, path: pair.hostPath, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    { clock, onStatus: (s) => statuses.push(s), backoff: { initialMs: 100, maxMs: 400 }, open: openPty },
  );
  const controller = createPoleController({ display: device, clock, welcome: WELCOME, methodLabel });
  return { clock, statuses, device, controller };
}

describe('pole display over a real pty pair', () => {
  for (const driver of POLE_DRIVER_IDS) {
    it(`${driver}: runs a whole payment onto the emulator's glass`, async () => {
      const display = await openEmulatedDisplay(pair.displayPath, driver);
      const { clock, device, controller } = rig(driver);
      try {
        await expectGrid(display, '     Welcome to     ', '    Kopi Corner     ');
        controller.update(AWAITING);
        await expectGrid(display, 'TOTAL      SGD 12.34', 'Scan: Atome     5:00');
        clock.advance(1000);
        await expectGrid(display, 'TOTAL      SGD 12.34', 'Scan: Atome     4:59');
        clock.advance(1000);
        await expectGrid(display, 'TOTAL      SGD 12.34', 'Scan: Atome     4:58');
        controller.update(PAID);
        await expectGrid(display, '     Thank you!     ', 'PAID       SGD 12.34');
        await device.settled();
        expect(display.emulator.unknownBytes()).toEqual([]);
        expect(device.status().state).toBe('connected');
      } finally {
        controller.stop();
        await device.stop();
        await display.close();
      }
    });
  }

  it('reports an unplugged display, and on return shows the payment as it is now', async () => {
    let display = await openEmulatedDisplay(pair.displayPath, 'cd5220');
    const { clock, statuses, device, controller } = rig('cd5220');
    try {
      controller.update(AWAITING);
      await expectGrid(display, 'TOTAL      SGD 12.34', 'Scan: Atome     5:00');

      await pair.stop();
      await display.close();
      const lost = await poll('a disconnected status', () => device.status(), (s) => s.state === 'disconnected');
      expect(lost.message).toBe(`Pole display disconnected: ${pair.hostPath}`);

      // The payment moves on while the display is away, and nothing throws.
      const disconnects = () => statuses.filter((s) => s.state === 'disconnected').length;
      for (let second = 0; second < 3; second += 1) {
        const before = disconnects();
        clock.advance(1000);
        await poll('another failed retry', disconnects, (n) => n > before);
      }
      expect(statuses.some((s) => s.state === 'disconnected' && s.retryInMs === 400)).toBe(true);

      await pair.start();
      display = await openEmulatedDisplay(pair.displayPath, 'cd5220');
      clock.advance(400);
      await poll('a connected status', () => device.status().state, (s) => s === 'connected');
      await expectGrid(display, 'TOTAL      SGD 12.34', 'Scan: Atome     4:57');
      expect(display.emulator.unknownBytes()).toEqual([]);
    } finally {
      controller.stop();
      await device.stop();
      await display.close();
    }
  });

  it('reports a port that does not exist, without throwing', async () => {
    const clock = manualClock();
    const missing = '/dev/ttyUSB97';
    expect(existsSync(missing)).toBe(false);
    const device = startPoleDisplayFromSettings({ driver: 'epson', path: missing }, { clock });
    device.show({ top: 'x'.repeat(20), bottom: 'y'.repeat(20) });
    const status = await poll('a disconnected status', () => device.status(), (s) => s.state === 'disconnected');
    expect(status).toMatchObject({ message: `Pole display disconnected: ${missing}`, retryInMs: 500 });
    expect(status.state === 'disconnected' && status.reason).toBe(`The pole display port ${missing} is not connected now: nothing is at that path.`);
    await device.stop();
  });

  it('refuses a path that is not a serial device, by default even the pty, before opening it', async () => {
    const clock = manualClock();
    const reasonFor = async (path: string): Promise<string> => {
      const device = startPoleDisplayFromSettings({ driver: 'epson', path }, { clock });
      const status = await poll('a disconnected status', () => device.status(), (s) => s.state === 'disconnected');
      await device.stop();
      return status.state === 'disconnected' ? status.reason : '';
    };
    const allowed = 'it must be one of /dev/ttyS<n>, /dev/ttyUSB<n>, /dev/ttyACM<n>, /dev/serial/by-id/….';
    expect(await reasonFor(join(dir, 'no-such-port'))).toBe(`The pole display port ${join(dir, 'no-such-port')} is not allowed: ${allowed}`);
    const pty = await reasonFor(pair.hostPath);
    expect(pty).toMatch(new RegExp(`^The pole display port ${pair.hostPath} is not allowed \\(it resolves to /dev/pts/\\d+\\)`));
    expect(pty).toContain('only when the settings file sets devices.allowPseudoTerminals to true');
  });
});
