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

/** A 1-based column and row parameter pair, as the Epson and CD5220 cursor commands take. */
export function moveOneBased(grid: DisplayGrid, x: number, y: number): boolean {
  return grid.moveTo(y - 1, x - 1);
}
