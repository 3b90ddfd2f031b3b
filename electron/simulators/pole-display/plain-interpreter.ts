import { isPrintable, unknownByte, type Interpreter } from './interpreter';

/** A teletype-like display: CR, LF that scrolls on the bottom row, and no wrapping past column 20. */
export const interpretPlain: Interpreter = (bytes, at, grid) => {
  const b = bytes[at] ?? 0;
  if (isPrintable(b)) {
    grid.put(String.fromCharCode(b), 'stay');
    return 1;
  }
  if (b === 0x0d) {
    grid.carriageReturn();
    return 1;
  }
  if (b === 0x0a) {
    grid.lineFeed(true);
    return 1;
  }
  return unknownByte(grid, b);
};
