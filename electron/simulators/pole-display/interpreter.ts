import type { DisplayGrid } from './grid';

/**
 * Interprets one command or character at `at` and returns how many bytes it took, or 0 when the
 * command is not complete yet (the rest is still on the wire).
 */
export type Interpreter = (bytes: Uint8Array, at: number, grid: DisplayGrid) => number;

export const INCOMPLETE = 0;

export function isPrintable(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}

/** Records a byte no command matched and moves past it. */
export function unknownByte(grid: DisplayGrid, byte: number): number {
  grid.unknown.push(byte);
  return 1;
}

/**
 * The one-byte controls the Epson and CD5220 command sets share (clear, CR, LF, home, backspace,
 * clear line) and printable characters, which go at the cursor and wrap. Null for any other byte.
 */
export function sharedControl(byte: number, grid: DisplayGrid): number | null {
  if (isPrintable(byte)) {
    grid.put(String.fromCharCode(byte), 'wrap');
    return 1;
  }
  switch (byte) {
    case 0x0c:
      grid.clear();
      return 1;
    case 0x0d:
      grid.carriageReturn();
      return 1;
    case 0x0a:
      grid.lineFeed(false);
      return 1;
    case 0x0b:
      grid.home();
      return 1;
    case 0x08:
      grid.backspace();
      return 1;
    case 0x18:
      grid.clearLine();
      return 1;
    default:
      return null;
  }
}

/** A 1-based column and row parameter pair, as the Epson and CD5220 cursor commands take. */
export function moveOneBased(grid: DisplayGrid, x: number, y: number): boolean {
  return grid.moveTo(y - 1, x - 1);
}
