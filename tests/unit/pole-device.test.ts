import { describe, expect, it } from 'vitest';
import { createPoleDriver } from '../../app/pole-display/drivers';
import { poleScreen, type PoleScreen } from '../../app/pole-display/screen';
import { createPoleController } from '../../electron/devices/pole-display/pole-controller';
import { startPoleDisplay, type PoleDisplayStatus } from '../../electron/devices/pole-display/pole-display-device';
import { testPoleDisplay } from '../../electron/devices/pole-display/pole-settings';
import type { PoleLink, PoleLinkOpener } from '../../electron/devices/pole-display/serial-link';
import { createPoleEmulator, type PoleEmulator } from '../../electron/simulators/pole-display/pole-emulator';
import { manualClock, POLE_T0, polePayment } from '../support/pole-payments';

/** A display on a fake wire: the test decides when it is plugged in, and can pull it out. */
function fakeWire() {
  let plugged = true;
  let emulator: PoleEmulator = createPoleEmulator('epson');
  const writes: Uint8Array[] = [];
  let current: { lost: (reason: string) => void; breakWrites: () => void } | null = null;
  const open: PoleLinkOpener = (options) => {
    if (!plugged) return Promise.reject(new Error(`No such file or directory, cannot open ${options.path}`));
    let listener: ((reason: string) => void) | null = null;
    let gone = false;
    const handle = {
      lost: (reason: string) => ((gone = true), listener?.(reason)),
      breakWrites: () => (gone = true),
    };
    current = handle;
    const link: PoleLink = {
      write: (bytes) => {
        if (gone) return Promise.reject(new Error('EIO: i/o error, write'));
        writes.push(bytes);
        emulator.feed(bytes);
        return Promise.resolve();
      },
      close: () => {
        gone = true;
        return Promise.resolve();
      },
      onLost: (l) => {
        listener = l;
      },
    };
    return Promise.resolve(link);
  };
  return {
    open,
    writes,
    lines: () => emulator.lines(),
    unplug: () => {
      plugged = false;
      current?.lost('bad file descriptor');
    },
    /** The port stays "open" but every write fails, as a USB adapter does before the kernel notices. */
    breakWrites: () => current?.breakWrites(),
    replug: () => {
      plugged = true;
      // A replugged display has power-cycled: whatever it showed is gone.
      emulator = createPoleEmulator('epson');
    },
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const S1 = poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     5:00');
const S2 = poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     4:59');
const lines = (s: PoleScreen) => [s.top, s.bottom];

describe('pole display device', () => {
  it('initialises, then sends only the difference between screens, and nothing for the same screen', async () => {
    const wire = fakeWire();
    const clock = manualClock();
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/ttyUSB0' }, clock, open: wire.open });
    device.show(S1);
    await flush();
    await device.settled();
    expect(wire.lines()).toEqual(lines(S1));
    const before = wire.writes.length;
    device.show(S2);
    await device.settled();
    expect(wire.lines()).toEqual(lines(S2));
    expect(wire.writes.slice(before).map((w) => w.length)).toEqual([8]);
    device.show(S2);
    await device.settled();
    expect(wire.writes.length).toBe(before + 1);
    expect(device.status().state).toBe('connected');
    await device.stop();
    expect(device.status()).toEqual({ state: 'stopped', path: '/dev/ttyUSB0', message: 'Pole display stopped: /dev/ttyUSB0' });
  });

  it('reports an unplug, retries with doubling bounded delays, and redraws the current screen on return', async () => {
    const wire = fakeWire();
    const clock = manualClock();
    const statuses: PoleDisplayStatus[] = [];
    const device = startPoleDisplay({
      driver: createPoleDriver('epson'),
      port: { path: '/dev/ttyUSB0' },
      clock,
      open: wire.open,
      backoff: { initialMs: 100, maxMs: 400 },
      onStatus: (s) => {
        statuses.push(s);
        throw new Error('a broken listener must not break the display');
      },
    });
    device.show(S1);
    await flush();
    await device.settled();
    wire.unplug();
    expect(device.status()).toMatchObject({ state: 'disconnected', message: 'Pole display disconnected: /dev/ttyUSB0', reason: 'bad file descriptor' });
    // Shown while unplugged: must not throw, and is what appears on return.
    device.show(S2);
    for (let i = 0; i < 4; i += 1) {
      clock.advance(1000);
      await flush();
    }
    const delays = statuses.flatMap((s) => (s.state === 'disconnected' ? [s.retryInMs] : []));
    expect(delays).toEqual([100, 200, 400, 400, 400]);
    wire.replug();
    clock.advance(400);
    await flush();
    await device.settled();
    expect(device.status().state).toBe('connected');
    expect(wire.lines()).toEqual(lines(S2));
    // After a good connection the backoff starts again from the beginning.
    wire.unplug();
    expect(device.status()).toMatchObject({ state: 'disconnected', retryInMs: 100 });
    await device.stop();
    expect(clock.pending()).toBe(0);
  });

  it('treats a failed write as a disconnect and recovers', async () => {
    const wire = fakeWire();
    const clock = manualClock();
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/pts/9' }, clock, open: wire.open });
    device.show(S1);
    await flush();
    await device.settled();
    wire.breakWrites();
    device.show(S2);
    await device.settled();
    expect(device.status()).toMatchObject({ state: 'disconnected', reason: 'EIO: i/o error, write' });
    wire.replug();
    clock.advance(500);
    await flush();
    await device.settled();
    expect(wire.lines()).toEqual(lines(S2));
    await device.stop();
  });

  it('shows the test pattern, then the current screen again', async () => {
    const wire = fakeWire();
    const clock = manualClock();
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/ttyUSB0' }, clock, open: wire.open });
    device.show(S1);
    await flush();
    expect(await device.showTest(2000)).toEqual({ ok: true, value: undefined });
    expect(wire.lines()).toEqual(['12345678901234567890', 'ABCDEFGHIJ Test OK  ']);
    clock.advance(2000);
    await device.settled();
    expect(wire.lines()).toEqual(lines(S1));
    wire.unplug();
    expect(await device.showTest()).toEqual({ ok: false, error: 'Pole display disconnected: /dev/ttyUSB0' });
    await device.stop();
  });

  it('tests a display on a port no device holds, and says why when it cannot', async () => {
    const wire = fakeWire();
    expect(await testPoleDisplay({ driver: 'epson', path: '/dev/ttyUSB1' }, wire.open)).toEqual({ ok: true, value: undefined });
    expect(wire.lines()[0]).toBe('12345678901234567890');
    wire.unplug();
    const failed = await testPoleDisplay({ driver: 'epson', path: '/dev/ttyUSB1' }, wire.open);
    expect(failed).toEqual({ ok: false, error: 'Pole display test failed on /dev/ttyUSB1: No such file or directory, cannot open /dev/ttyUSB1' });
  });
});

describe('pole controller', () => {
  it('follows the payment and ticks the countdown only when its text changes', () => {
    const clock = manualClock();
    const shown: PoleScreen[] = [];
    const controller = createPoleController({
      display: { show: (s) => shown.push(s) },
      clock,
      welcome: ['Welcome', ''],
      methodLabel: (m) => (m === 'atome' ? 'Atome' : m),
    });
    expect(shown.map((s) => s.top)).toEqual(['      Welcome       ']);
    controller.update(polePayment({ status: 'awaiting' }, { expiresAt: POLE_T0 + 3500 }));
    clock.advance(250);
    controller.update(polePayment({ status: 'awaiting' }, { expiresAt: POLE_T0 + 3500 }));
    clock.advance(10_000);
    expect(shown.slice(1, -1).map((s) => s.bottom.slice(-4))).toEqual(['0:04', '0:03', '0:02', '0:01']);
    // At expiry the scan hint comes down by itself, with no payment event to prompt it.
    expect(shown.at(-1)).toEqual({ top: '  QR code expired   ', bottom: ' Please see cashier ' });
    expect(clock.pending()).toBe(0);
    controller.update(polePayment({ status: 'paid', paidAt: clock.now() }));
    expect(shown.at(-1)?.top).toBe('     Thank you!     ');
    controller.stop();
  });

  it('takes a partly paid screen down at the QR expiry, waking once for it', () => {
    const clock = manualClock();
    const shown: PoleScreen[] = [];
    const controller = createPoleController({ display: { show: (s) => shown.push(s) }, clock, welcome: ['Welcome', ''], methodLabel: (m) => m });
    controller.update(polePayment({ status: 'partially_paid', received: { minor: 1000, currency: 'SGD' } }, { expiresAt: POLE_T0 + 60_000 }));
    expect(shown.at(-1)?.top).toBe('STILL DUE   SGD 2.34');
    expect(clock.pending()).toBe(1);
    clock.advance(60_000);
    expect(shown.at(-1)).toEqual({ top: '    Partly paid     ', bottom: ' Please see cashier ' });
    expect(clock.pending()).toBe(0);
    controller.stop();
  });
});
