import { INCOMPLETE, moveOneBased, sharedControl, unknownByte, type Interpreter } from './interpreter';

/** Epson ESC/POS customer display, overwrite mode: text wraps from the end of a row to the next. */
export const interpretEpson: Interpreter = (bytes, at, grid) => {
  const b = bytes[at] ?? 0;
  const left = bytes.length - at;
  const shared = sharedControl(b, grid);
  if (shared !== null) return shared;
  switch (b) {
    case 0x1b: {
      if (left < 2) return INCOMPLETE;
      if (bytes[at + 1] !== 0x40) return unknownByte(grid, b);
      grid.clear();
      grid.cursorVisible = true;
      grid.brightness = 4;
      return 2;
    }
    case 0x1f:
      return interpretUnitSeparator(bytes, at, grid);
    default:
      return unknownByte(grid, b);
  }
};

const interpretUnitSeparator: Interpreter = (bytes, at, grid) => {
  const left = bytes.length - at;
  if (left < 2) return INCOMPLETE;
  const op = bytes[at + 1] ?? 0;
  if (op === 0x01 || op === 0x02 || op === 0x03) return 2; // display modes; the emulator models overwrite
  if (op === 0x24) {
    if (left < 4) return INCOMPLETE;
    return moveOneBased(grid, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0) ? 4 : unknownByte(grid, 0x1f);
  }
  if (op === 0x43 || op === 0x58) {
    if (left < 3) return INCOMPLETE;
    const n = bytes[at + 2] ?? 0;
    if (op === 0x43 && n <= 1) grid.cursorVisible = n === 1;
    else if (op === 0x58 && n >= 1 && n <= 4) grid.brightness = n;
    else return unknownByte(grid, 0x1f);
    return 3;
  }
  return unknownByte(grid, 0x1f);
};
