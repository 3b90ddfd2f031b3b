import { describe, expect, it } from 'vitest';
import { PrintQueue, type QueueEvent } from '../../electron/devices/printer/print-queue';
import type { PrinterStatus } from '../../electron/devices/printer/printer-status';
import type { PrinterTransport } from '../../electron/devices/printer/transport';
import { ManualClock, T0, settle } from '../support/engine-harness';

const READY: PrinterStatus = { known: true, online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false, ready: true, messages: [], conditions: [] };
const PAPER_OUT: PrinterStatus = { ...READY, online: false, paperOut: true, ready: false, messages: ['Printer is out of paper'], conditions: ['out_of_paper'] };

/** A transport whose writes the test answers one by one. */
class ScriptedTransport implements PrinterTransport {
  readonly kind = 'tcp' as const;
  readonly description = 'scripted';
  readonly writes: { resolve: () => void; reject: (e: Error) => void }[] = [];
  readonly written: Uint8Array[] = [];
  status: PrinterStatus = READY;
  write(bytes: Uint8Array): Promise<void> {
    this.written.push(bytes);
    return new Promise((resolve, reject) => this.writes.push({ resolve: () => resolve(), reject }));
  }
  queryStatus(): Promise<PrinterStatus> {
    return Promise.resolve(this.status);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const job = (id: string) => ({ id, label: `Receipt ${id}`, bytes: Uint8Array.of(0x1b, 0x40) });

function setup(options: { retries?: number } = {}) {
  const clock = new ManualClock(T0);
  const transport = new ScriptedTransport();
  const queue = new PrintQueue({ transport, clock, timeoutMs: 1000, statusTimeoutMs: 500, retries: options.retries ?? 2, backoffMs: 200 });
  const events: QueueEvent[] = [];
  queue.on((e) => events.push(e));
  return { clock, transport, queue, events };
}

describe('the print queue', () => {
  it('prints one job at a time, in order', async () => {
    const { transport, queue } = setup();
    const first = queue.print(job('a'));
    const second = queue.print(job('b'));
    await settle();
    expect(transport.writes).toHaveLength(1);
    transport.writes[0]!.resolve();
    expect(await first).toEqual({ ok: true, id: 'a', attempts: 1 });
    await settle();
    expect(transport.writes).toHaveLength(2);
    transport.writes[1]!.resolve();
    expect(await second).toEqual({ ok: true, id: 'b', attempts: 1 });
    expect(queue.jobs().map((j) => [j.id, j.state])).toEqual([['a', 'printed'], ['b', 'printed']]);
  });

  it('retries a failed write after a backoff, and succeeds', async () => {
    const { clock, transport, queue } = setup();
    const outcome = queue.print(job('a'));
    await settle();
    transport.writes[0]!.reject(new Error('Cannot reach the printer: ECONNRESET'));
    await clock.advance(199);
    expect(transport.writes).toHaveLength(1);
    await clock.advance(1);
    expect(transport.writes).toHaveLength(2);
    transport.writes[1]!.resolve();
    expect(await outcome).toEqual({ ok: true, id: 'a', attempts: 2 });
  });

  it('gives up after the bounded retries with a clear message, and keeps the job for reprint', async () => {
    const { clock, transport, queue } = setup({ retries: 1 });
    const outcome = queue.print(job('a'));
    await clock.advance(1000); // attempt 1 times out
    await clock.advance(200); // backoff
    await clock.advance(1000); // attempt 2 times out
    const result = await outcome;
    expect(result).toEqual({
      ok: false,
      id: 'a',
      attempts: 2,
      message: 'Receipt a did not print: the printer (scripted) did not respond within 1000 ms',
      problem: { problem: 'no_response', where: 'scripted', ms: 1000 },
    });
    expect(queue.jobs()[0]).toMatchObject({ id: 'a', state: 'failed', message: result.ok ? null : result.message });

    const again = queue.reprint('a');
    await settle();
    transport.writes.at(-1)!.resolve();
    expect(await again).toEqual({ ok: true, id: 'a', attempts: 1 });
    expect(transport.written).toHaveLength(3);
  });

  it('does not print, or retry, when the printer reports paper out; reports the status', async () => {
    const { transport, queue, events } = setup();
    transport.status = PAPER_OUT;
    const result = await queue.print(job('a'));
    expect(result).toEqual({ ok: false, id: 'a', attempts: 1, message: 'Receipt a did not print: Printer is out of paper', problem: { problem: 'condition', condition: 'out_of_paper' } });
    expect(transport.written).toHaveLength(0);
    expect(events.filter((e) => e.type === 'status')).toEqual([{ type: 'status', status: PAPER_OUT }]);
    expect(queue.status()).toEqual(PAPER_OUT);
  });

  it('a reprint of a job it no longer keeps is an outcome, not an exception', async () => {
    const { queue } = setup();
    expect(await queue.reprint('nope')).toMatchObject({ ok: false, message: expect.stringContaining('no longer kept') });
  });

  it('a write-only transport reports status unknown, never ready', async () => {
    const clock = new ManualClock(T0);
    const writeOnly: PrinterTransport = { kind: 'usb-lp', description: '/dev/usb/lp0', write: () => Promise.resolve(), close: () => Promise.resolve() };
    const queue = new PrintQueue({ transport: writeOnly, clock });
    expect(queue.status()).toEqual({ known: false, reason: 'usb-lp printers cannot report status', unknown: { why: 'write_only', link: 'usb-lp' } });
    expect(await queue.print(job('a'))).toEqual({ ok: true, id: 'a', attempts: 1 });
    expect(queue.status().known).toBe(false);
  });

  it('a listener that throws does not stop the queue', async () => {
    const { transport, queue } = setup();
    queue.on(() => {
      throw new Error('bug in a listener');
    });
    const outcome = queue.print(job('a'));
    await settle();
    transport.writes[0]!.resolve();
    expect((await outcome).ok).toBe(true);
  });
});
