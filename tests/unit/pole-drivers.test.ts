import { describe, expect, it } from 'vitest';
import { cd5220Commands } from '../../app/pole-display/cd5220-driver';
import { createPoleDriver } from '../../app/pole-display/drivers';
import { epsonCommands } from '../../app/pole-display/epson-driver';
import { logicControlsCommands } from '../../app/pole-display/logic-controls-driver';
import { poleScreen } from '../../app/pole-display/screen';

// Expected bytes are written out from the manuals' command tables, not computed from the code.
const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: (number | number[])[]): string => hex(Uint8Array.from(parts.flat()));

const A = poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     5:00');
const B = poleScreen('TOTAL      SGD 12.34', 'Scan: Atome     4:59');

describe('Epson ESC/POS customer display', () => {
  it('has the manual\'s commands', () => {
    expect(hex(epsonCommands.initialize())).toBe('1b 40');
    expect(hex(epsonCommands.clear())).toBe('0c');
    expect(hex(epsonCommands.overwriteMode())).toBe('1f 01');
    expect(hex(epsonCommands.moveCursor(1, 1))).toBe('1f 24 01 01');
    expect(hex(epsonCommands.moveCursor(20, 2))).toBe('1f 24 14 02');
    expect(hex(epsonCommands.cursor(true))).toBe('1f 43 01');
    expect(hex(epsonCommands.cursor(false))).toBe('1f 43 00');
    expect(hex(epsonCommands.brightness(1))).toBe('1f 58 01');
    expect(hex(epsonCommands.brightness(4))).toBe('1f 58 04');
  });

  it('initialises: ESC @, overwrite mode, cursor off, brightness, clear', () => {
    expect(hex(createPoleDriver('epson', { brightness: 2 }).init())).toBe('1b 40 1f 01 1f 43 00 1f 58 02 0c');
  });

  it('draws both lines in full when the glass is unknown, and only the changed columns after', () => {
    const driver = createPoleDriver('epson');
    expect(hex(driver.render(A, null))).toBe(bytes(0x1f, 0x24, 0x01, 0x01, ascii(A.top), 0x1f, 0x24, 0x01, 0x02, ascii(A.bottom)));
    // "5:00" → "4:59": columns 17, 19 and 20 change; the unchanged ":" is cheaper to resend than a move.
    expect(hex(driver.render(B, A))).toBe(bytes(0x1f, 0x24, 0x11, 0x02, ascii('4:59')));
    expect(hex(driver.render(B, B))).toBe('');
  });

  it('moves separately to runs far apart', () => {
    const before = poleScreen('A                  B', '');
    const after = poleScreen('X                  Y', '');
    expect(hex(createPoleDriver('epson').render(after, before))).toBe(bytes(0x1f, 0x24, 0x01, 0x01, 0x58, 0x1f, 0x24, 0x14, 0x01, 0x59));
  });
});

describe('CD5220', () => {
  it('has the manual\'s commands', () => {
    expect(hex(cd5220Commands.initialize())).toBe('1b 40');
    expect(hex(cd5220Commands.clear())).toBe('0c');
    expect(hex(cd5220Commands.upperLine('HELLO'))).toBe('1b 51 41 48 45 4c 4c 4f 0d');
    expect(hex(cd5220Commands.lowerLine('HI'))).toBe('1b 51 42 48 49 0d');
    expect(hex(cd5220Commands.moveCursor(1, 1))).toBe('1b 6c 01 01');
    expect(hex(cd5220Commands.moveCursor(20, 2))).toBe('1b 6c 14 02');
    expect(hex(cd5220Commands.cursor(false))).toBe('1b 5f 00');
    expect(hex(cd5220Commands.brightness(3))).toBe('1b 2a 03');
  });

  it('initialises: ESC @, cursor off, brightness, clear', () => {
    expect(hex(createPoleDriver('cd5220', { brightness: 4 }).init())).toBe('1b 40 1b 5f 00 1b 2a 04 0c');
  });

  it('writes whole lines with ESC Q A / ESC Q B, and only the lines that changed', () => {
    const driver = createPoleDriver('cd5220');
    expect(hex(driver.render(A, null))).toBe(bytes(0x1b, 0x51, 0x41, ascii(A.top), 0x0d, 0x1b, 0x51, 0x42, ascii(A.bottom), 0x0d));
    expect(hex(driver.render(B, A))).toBe(bytes(0x1b, 0x51, 0x42, ascii(B.bottom), 0x0d));
    expect(hex(driver.render(B, B))).toBe('');
  });
});

describe('Logic Controls (PD3000 family)', () => {
  it('has the manual\'s commands', () => {
    expect(hex(logicControlsCommands.reset())).toBe('1f');
    expect(hex(logicControlsCommands.normalMode())).toBe('11');
    expect(hex(logicControlsCommands.position(0))).toBe('10 00');
    expect(hex(logicControlsCommands.position(39))).toBe('10 27');
    expect(hex(logicControlsCommands.cursorOn())).toBe('13');
    expect(hex(logicControlsCommands.cursorOff())).toBe('14');
    expect(hex(logicControlsCommands.brightness(1))).toBe('04 20');
    expect(hex(logicControlsCommands.brightness(2))).toBe('04 40');
    expect(hex(logicControlsCommands.brightness(3))).toBe('04 60');
    expect(hex(logicControlsCommands.brightness(4))).toBe('04 ff');
  });

  it('initialises: reset, normal display mode, cursor off, brightness', () => {
    expect(hex(createPoleDriver('logic-controls', { brightness: 4 }).init())).toBe('1f 11 14 04 ff');
  });

  it('draws all 40 characters from position 0, then only changed runs by position', () => {
    const driver = createPoleDriver('logic-controls');
    expect(hex(driver.render(A, null))).toBe(bytes(0x10, 0x00, ascii(A.top + A.bottom)));
    // Row 2 starts at position 20 (0x14): column 17 is position 0x24, columns 19–20 are 0x26–0x27.
    expect(hex(driver.render(B, A))).toBe(bytes(0x10, 0x24, ascii('4:59')));
    const before = poleScreen('A   B', '');
    const after = poleScreen('X   Y', '');
    expect(hex(driver.render(after, before))).toBe(bytes(0x10, 0x00, 0x58, 0x10, 0x04, 0x59));
  });
});

describe('plain ASCII', () => {
  it('sends nothing to initialise and rewrites both lines after CR LF on every change', () => {
    const driver = createPoleDriver('plain');
    expect(hex(driver.init())).toBe('');
    expect(hex(driver.render(A, null))).toBe(bytes(0x0d, 0x0a, ascii(A.top), 0x0d, 0x0a, ascii(A.bottom)));
    expect(hex(driver.render(B, A))).toBe(bytes(0x0d, 0x0a, ascii(B.top), 0x0d, 0x0a, ascii(B.bottom)));
    expect(hex(driver.render(B, B))).toBe('');
  });
});

describe('every driver', () => {
  it('never sends a byte outside printable ASCII as text', () => {
    const odd = { top: 'Caf\u00e9'.padEnd(20), bottom: ''.padEnd(20) };
    for (const id of ['epson', 'cd5220', 'logic-controls', 'plain'] as const) {
      expect(createPoleDriver(id).render(odd, null)).not.toContain(0xe9);
    }
  });
});
