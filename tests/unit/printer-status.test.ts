import { describe, expect, it } from 'vitest';
import { parseStatusReplies } from '../../electron/devices/printer/dle-eot';
import { describeStatus, unknownStatus } from '../../electron/devices/printer/printer-status';

// Reply bytes per the Epson DLE EOT definitions: fixed bits 1 and 4 set (0x12), then the flags.
const READY = { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 };

describe('DLE EOT replies', () => {
  it('all clear is ready, with nothing to say', () => {
    const status = parseStatusReplies(READY);
    expect(status).toEqual({ ok: true, value: { known: true, online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false, ready: true, messages: [], conditions: [] } });
    expect(status.ok && describeStatus(status.value)).toBe('Printer is ready');
  });

  it('paper end (n=2 bit 5, n=4 bits 5–6) is out of paper', () => {
    const status = parseStatusReplies({ printer: 0x1a, offline: 0x32, error: 0x12, paper: 0x7e });
    expect(status.ok && status.value.known && status.value.paperOut).toBe(true);
    expect(status.ok && status.value.known && status.value.ready).toBe(false);
    expect(status.ok && describeStatus(status.value)).toBe('Printer is out of paper');
  });

  it('cover open (n=2 bit 2)', () => {
    const status = parseStatusReplies({ ...READY, printer: 0x1a, offline: 0x16 });
    expect(status.ok && describeStatus(status.value)).toBe('Printer cover is open');
  });

  it('paper near end still prints, with a warning', () => {
    const status = parseStatusReplies({ ...READY, paper: 0x1e });
    expect(status.ok && status.value.known && status.value.ready).toBe(true);
    expect(status.ok && describeStatus(status.value)).toBe('Printer paper is running low');
  });

  it('offline with no other cause, and a cutter error', () => {
    const offline = parseStatusReplies({ ...READY, printer: 0x1a });
    expect(offline.ok && describeStatus(offline.value)).toBe('Printer is offline');
    const cutter = parseStatusReplies({ ...READY, printer: 0x1a, offline: 0x52, error: 0x1a });
    expect(cutter.ok && describeStatus(cutter.value)).toBe('Printer cutter is jammed');
  });

  it('a byte without the fixed bits is not a status reply', () => {
    expect(parseStatusReplies({ ...READY, paper: 0x41 })).toEqual({ ok: false, error: "The printer's paper status reply 0x41 is not a DLE EOT status byte" });
  });

  it('unknown status says so, never "ready"', () => {
    expect(describeStatus(unknownStatus('printer did not answer'))).toBe('Printer status unknown: printer did not answer');
  });
});
