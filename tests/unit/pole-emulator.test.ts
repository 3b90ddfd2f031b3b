import { describe, expect, it } from 'vitest';
import { POLE_DRIVER_IDS } from '../../app/pole-display/driver';
import { createPoleDriver } from '../../app/pole-display/drivers';
import { poleScreen, type PoleScreen } from '../../app/pole-display/screen';
import { PassThrough } from 'node:stream';
import { attachPoleEmulator } from '../../electron/simulators/pole-display/attach-emulator';
import { createPoleEmulator } from '../../electron/simulators/pole-display/pole-emulator';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const feed = (commandSet: Parameters<typeof createPoleEmulator>[0], ...parts: (number | number[])[]) => {
  const emulator = createPoleEmulator(commandSet);
  emulator.feed(Uint8Array.from(parts.flat()));
  return emulator;
};

const SCREENS: readonly PoleScreen[] = [
  poleScreen('     Welcome to     ', '    Cafe Umlaut     '),
  poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     5:00'),
  poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     4:59'),
  poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     4:50'),
  poleScreen('     Thank you!     ', 'PAID       SGD 12.34'),
  poleScreen('', ''),
];

describe('pole emulator, from the manuals\' bytes', () => {
  it('Epson: moves with US $ x y (1-based), clears with CLR, resets with ESC @', () => {
    const e = feed('epson', 0x1b, 0x40, 0x1f, 0x43, 0x00, 0x1f, 0x58, 0x02, 0x1f, 0x24, 0x03, 0x02, ascii('Hi'));
    expect(e.lines()).toEqual([' '.repeat(20), '  Hi' + ' '.repeat(16)]);
    expect(e.cursor()).toEqual({ row: 1, col: 4 });
    expect(e.cursorVisible()).toBe(false);
    expect(e.brightness()).toBe(2);
    e.feed(Uint8Array.of(0x0c));
    expect(e.lines()).toEqual([' '.repeat(20), ' '.repeat(20)]);
    expect(e.unknownBytes()).toEqual([]);
  });

  it('Epson: overwrite mode wraps from the end of row 1 to the start of row 2', () => {
    const e = feed('epson', 0x1f, 0x24, 0x13, 0x01, ascii('ABC'));
    expect(e.lines()).toEqual(['                  AB', 'C                   ']);
  });

  it('CD5220: ESC Q A / ESC Q B write the lines; ESC l x y moves the cursor', () => {
    const e = feed('cd5220', 0x1b, 0x40, 0x1b, 0x51, 0x41, ascii('TOP'), 0x0d, 0x1b, 0x51, 0x42, ascii('BOTTOM'), 0x0d);
    expect(e.lines()).toEqual(['TOP'.padEnd(20), 'BOTTOM'.padEnd(20)]);
    e.feed(Uint8Array.from([0x0c, 0x1b, 0x6c, 0x14, 0x02, ...ascii('Z')]));
    expect(e.lines()).toEqual([' '.repeat(20), ' '.repeat(19) + 'Z']);
    e.feed(Uint8Array.of(0x1b, 0x5f, 0x00, 0x1b, 0x2a, 0x01));
    expect(e.cursorVisible()).toBe(false);
    expect(e.brightness()).toBe(1);
    expect(e.unknownBytes()).toEqual([]);
  });

  it('Logic Controls: 10 p positions 0–39 across both rows; 1F resets to scroll mode; 11 selects normal mode', () => {
    const e = feed('logic-controls', 0x1f, 0x11, 0x14, 0x04, 0x40, 0x10, 0x13, ascii('AB'), 0x10, 0x27, ascii('Z'));
    expect(e.lines()).toEqual([' '.repeat(19) + 'A', 'B' + ' '.repeat(18) + 'Z']);
    expect(e.cursor()).toEqual({ row: 0, col: 0 });
    expect(e.cursorVisible()).toBe(false);
    expect(e.brightness()).toBe(2);
    e.feed(Uint8Array.of(0x13, 0x1f));
    expect(e.lines()).toEqual([' '.repeat(20), ' '.repeat(20)]);
    expect(e.cursorVisible()).toBe(true);
    expect(e.unknownBytes()).toEqual([]);
  });

  it('plain: CR returns, LF scrolls on the bottom row, nothing wraps', () => {
    const e = feed('plain', 0x0d, 0x0a, ascii('one'), 0x0d, 0x0a, ascii('two'), 0x0d, 0x0a, ascii('three'));
    expect(e.lines()).toEqual(['two'.padEnd(20), 'three'.padEnd(20)]);
    e.feed(Uint8Array.from(ascii('x'.repeat(25))));
    expect(e.lines()[1]).toBe('threexxxxxxxxxxxxxxx');
  });

  it('records bytes no command matches', () => {
    expect(feed('epson', 0x07, 0x1f, 0x24, 0x00, 0x09).unknownBytes()).toEqual([0x07, 0x1f, 0x00, 0x09]);
    expect(feed('logic-controls', 0x10, 0x28).unknownBytes()).toEqual([0x10]);
    expect(feed('plain', 0x1b).unknownBytes()).toEqual([0x1b]);
  });
});

describe('every driver through its emulator', () => {
  for (const id of POLE_DRIVER_IDS) {
    it(`${id}: shows each screen of a payment, in one write or split byte by byte`, () => {
      const driver = createPoleDriver(id);
      for (const split of [false, true]) {
        const emulator = createPoleEmulator(id);
        const send = (bytes: Uint8Array): void => {
          if (!split) return emulator.feed(bytes);
          for (const b of bytes) emulator.feed(Uint8Array.of(b));
        };
        // Something already on the glass, as after a previous run of the terminal.
        send(Uint8Array.from(ascii('garbage on the glass')));
        send(driver.init());
        let previous: PoleScreen | null = null;
        for (const screen of SCREENS) {
          send(driver.render(screen, previous));
          expect(emulator.lines()).toEqual([screen.top, screen.bottom]);
          previous = screen;
        }
        send(driver.render(SCREENS[1]!, null));
        expect(emulator.lines()).toEqual([SCREENS[1]!.top, SCREENS[1]!.bottom]);
        expect(emulator.unknownBytes()).toEqual([]);
      }
    });
  }
});

describe('attaching the emulator', () => {
  it('reads a duplex stream until detached', async () => {
    const stream = new PassThrough();
    const emulator = createPoleEmulator('cd5220');
    const detach = attachPoleEmulator(emulator, stream);
    stream.write(Uint8Array.from([0x1b, 0x51, 0x41, ...ascii('ON A STREAM'), 0x0d]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(emulator.lines()[0]).toBe('ON A STREAM'.padEnd(20));
    detach();
    stream.write(Uint8Array.from([0x0c]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(emulator.lines()[0]).toBe('ON A STREAM'.padEnd(20));
    expect(emulator.bytesReceived()).toBe(15);
  });
});
