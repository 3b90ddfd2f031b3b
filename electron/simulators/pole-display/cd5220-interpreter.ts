import { POLE_COLUMNS } from '../../../app/pole-display/screen';
import { INCOMPLETE, isPrintable, moveOneBased, sharedControl, unknownByte, type Interpreter } from './interpreter';

/** The manual's string commands take up to 20 characters; more than that before CR is a bad command. */
const MAX_STRING = POLE_COLUMNS;

/** CD5220 standard mode: ESC Q A/B write a whole line; plain characters go at the cursor. */
export const interpretCd5220: Interpreter = (bytes, at, grid) => {
  const b = bytes[at] ?? 0;
  const shared = sharedControl(b, grid);
  if (shared !== null) return shared;
  switch (b) {
    case 0x1b:
      return interpretEscape(bytes, at, grid);
    default:
      return unknownByte(grid, b);
  }
};

const interpretEscape: Interpreter = (bytes, at, grid) => {
  const left = bytes.length - at;
  if (left < 2) return INCOMPLETE;
  const op = bytes[at + 1] ?? 0;
  switch (op) {
    case 0x40:
      grid.clear();
      grid.cursorVisible = true;
      grid.brightness = 4;
      return 2;
    case 0x11:
    case 0x12:
    case 0x13:
      return 2; // display modes; the emulator models overwrite
    case 0x51:
      return interpretString(bytes, at, grid);
    case 0x6c:
      if (left < 4) return INCOMPLETE;
      return moveOneBased(grid, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0) ? 4 : unknownByte(grid, 0x1b);
    case 0x5f:
    case 0x2a: {
      if (left < 3) return INCOMPLETE;
      const n = bytes[at + 2] ?? 0;
      if (op === 0x5f && n <= 1) grid.cursorVisible = n === 1;
      else if (op === 0x2a && n >= 1 && n <= 4) grid.brightness = n;
      else return unknownByte(grid, 0x1b);
      return 3;
    }
    default:
      return unknownByte(grid, 0x1b);
  }
};

/** ESC Q A|B text CR. */
const interpretString: Interpreter = (bytes, at, grid) => {
  if (bytes.length - at < 3) return INCOMPLETE;
  const line = bytes[at + 2];
  if (line !== 0x41 && line !== 0x42) return unknownByte(grid, 0x1b);
  let text = '';
  for (let i = at + 3; i < bytes.length; i += 1) {
    const c = bytes[i] ?? 0;
    if (c === 0x0d) {
      grid.setLine(line === 0x41 ? 0 : 1, text);
      return i - at + 1;
    }
    if (!isPrintable(c) || text.length >= MAX_STRING) return unknownByte(grid, 0x1b);
    text += String.fromCharCode(c);
  }
  return INCOMPLETE;
};
