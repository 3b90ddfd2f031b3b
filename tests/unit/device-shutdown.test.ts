import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPoleDriver } from '../../app/pole-display/drivers';
import { poleScreen } from '../../app/pole-display/screen';
import { startPoleDisplay } from '../../electron/devices/pole-display/pole-display-device';
import type { PoleLink } from '../../electron/devices/pole-display/serial-link';
import { PrintQueue } from '../../electron/devices/printer/print-queue';
import type { PrinterTransport } from '../../electron/devices/printer/transport';
import { settlesWithin } from '../../electron/devices/within';
import { createPoleEmulator } from '../../electron/simulators/pole-display/pole-emulator';
import { ManualClock, T0, settle } from '../support/engine-harness';
import { manualClock } from '../support/pole-payments';

/** The bounds of a clean shutdown: finished work is waited for, a dead device is not waited for long. */

class HeldTransport implements PrinterTransport {
  readonly kind = 'usb-lp' as const;
  readonly description = '/dev/usb/lp0';
  readonly writes: { bytes: Uint8Array; resolve: () => void; reject: (error: Error) => void }[] = [];
  closed = false;
  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.writes.push({ bytes, resolve: () => resolve(), reject }));
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

const job = (id: string) => ({ id, label: `Receipt ${id}`, bytes: Uint8Array.of(0x1b, 0x40) });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The shutdown bounds are wall-clock timers (settlesWithin). Faking only setTimeout lets a test say
 * "not before the bound, and right at it" without depending on how fast the machine is; settle()
 * still runs on the real setImmediate.
 */
const fakeBoundTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
afterEach(() => {
  vi.useRealTimers();
});

/** True once `work` has settled; polls only the event loop, so no (faked) time passes meanwhile. */
async function settledWithoutTime(work: Promise<unknown>): Promise<boolean> {
  let done = false;
  void work.then(() => (done = true));
  for (let turn = 0; turn < 20 && !done; turn++) await settle();
  return done;
}

describe('settlesWithin', () => {
  it('is true for work that settles in time, even work that already has, and false when time runs out', async () => {
    expect(await settlesWithin(Promise.resolve(), 0)).toBe(true);
    expect(await settlesWithin(Promise.reject(new Error('x')), 50)).toBe(true);
    expect(await settlesWithin(later(10), 500)).toBe(true);
    expect(await settlesWithin(new Promise(() => undefined), 20)).toBe(false);
  });
});

describe('closing the print queue', () => {
  it('waits for the job being printed and the ones queued behind it', async () => {
    const transport = new HeldTransport();
    const queue = new PrintQueue({ transport, clock: new ManualClock(T0), retries: 0 });
    const first = queue.print(job('a'));
    const second = queue.print(job('b'));
    await settle();
    let closed = false;
    const closing = queue.close(2_000).then((drained) => ((closed = true), drained));
    await settle();
    expect(closed).toBe(false);
    transport.writes[0]!.resolve();
    await settle();
    expect(closed).toBe(false);
    transport.writes[1]!.resolve();
    expect(await closing).toBe(true);
    expect(await first).toMatchObject({ ok: true });
    expect(await second).toMatchObject({ ok: true });
  });

  it('gives up on a printer that never takes the bytes once the bound is up, and then takes no new job', async () => {
    const transport = new HeldTransport();
    const queue = new PrintQueue({ transport, clock: new ManualClock(T0), retries: 2 });
    void queue.print(job('stuck'));
    await settle();
    fakeBoundTimers();
    const closing = queue.close(80);
    await vi.advanceTimersByTimeAsync(79);
    expect(await settledWithoutTime(closing)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledWithoutTime(closing)).toBe(true);
    expect(await closing).toBe(false);
    expect(await queue.print(job('late'))).toMatchObject({ ok: false, id: 'late', attempts: 0, message: 'Receipt late did not print: the terminal was shutting down' });
    expect(transport.writes).toHaveLength(1);
  });

  it('asks a closed printer nothing more: a status refresh would reopen its connection', async () => {
    let asked = 0;
    const transport: PrinterTransport = {
      kind: 'tcp',
      description: '192.168.1.50:9100',
      write: () => Promise.resolve(),
      queryStatus: () => ((asked += 1), Promise.reject(new Error('ECONNREFUSED'))),
      close: () => Promise.resolve(),
    };
    const queue = new PrintQueue({ transport, clock: new ManualClock(T0) });
    await queue.close(10);
    await queue.refreshStatus();
    expect(asked).toBe(0);
  });

  it('does not sit out a retry backoff, nor start a retry, once closed', async () => {
    const transport = new HeldTransport();
    const clock = new ManualClock(T0);
    const queue = new PrintQueue({ transport, clock, retries: 3, backoffMs: 60_000 });
    const outcome = queue.print(job('a'));
    await settle();
    transport.writes[0]!.reject(new Error('Cannot reach the printer: ECONNRESET'));
    await settle();
    // Now in a 60 s backoff on a clock nobody advances: the bound ends it, and no second attempt is made.
    expect(await queue.close(50)).toBe(false);
    expect(await outcome).toMatchObject({ ok: false, attempts: 1, message: expect.stringContaining('ECONNRESET') as unknown });
    expect(transport.writes).toHaveLength(1);
  });
});

describe('stopping the pole display', () => {
  const S = poleScreen('Thank you!', 'PAID       SGD 12.34');

  it('lets the write under way finish before the port closes', async () => {
    const emulator = createPoleEmulator('epson');
    const order: string[] = [];
    const link: PoleLink = {
      write: async (bytes) => {
        await later(40);
        emulator.feed(bytes);
        order.push('written');
      },
      close: () => (order.push('close'), Promise.resolve()),
      onLost: () => undefined,
    };
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/ttyUSB0' }, clock: manualClock(), open: () => Promise.resolve(link) });
    await settle();
    device.show(S);
    await device.stop();
    expect(emulator.lines()).toEqual(['Thank you!          ', 'PAID       SGD 12.34']);
    expect(order.at(-1)).toBe('close');
    expect(device.status().state).toBe('stopped');
  });

  it('closes a display whose write never finishes once the bound is up', async () => {
    let closed = false;
    const link: PoleLink = {
      write: () => new Promise(() => undefined),
      close: () => ((closed = true), Promise.resolve()),
      onLost: () => undefined,
    };
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/ttyUSB0' }, clock: manualClock(), open: () => Promise.resolve(link) });
    await settle();
    device.show(S);
    fakeBoundTimers();
    const stopping = device.stop(60);
    await vi.advanceTimersByTimeAsync(59);
    expect(await settledWithoutTime(stopping)).toBe(false);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledWithoutTime(stopping)).toBe(true);
    expect(closed).toBe(true);
  });

  it('does not retry a failing write while stopping, and stops at once', async () => {
    let failing = false;
    let failedWrites = 0;
    const link: PoleLink = {
      write: () => (failing ? ((failedWrites += 1), Promise.reject(new Error('EIO: i/o error, write'))) : Promise.resolve()),
      close: () => Promise.resolve(),
      onLost: () => undefined,
    };
    const device = startPoleDisplay({ driver: createPoleDriver('epson'), port: { path: '/dev/ttyUSB0' }, clock: manualClock(), open: () => Promise.resolve(link) });
    await settle();
    failing = true;
    device.show(S);
    fakeBoundTimers();
    // At once: it ends with no time passing at all, so neither the bound nor a retry was waited for.
    expect(await settledWithoutTime(device.stop(1_000))).toBe(true);
    expect(failedWrites).toBe(1);
    expect(device.status().state).toBe('stopped');
  });
});
