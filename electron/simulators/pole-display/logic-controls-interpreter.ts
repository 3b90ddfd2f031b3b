import { POLE_COLUMNS } from '../../../app/pole-display/screen';
import type { DisplayGrid } from './grid';
import { INCOMPLETE, isPrintable, unknownByte, type Interpreter } from './interpreter';

const BRIGHTNESS: Readonly<Record<number, number>> = { 0x20: 1, 0x40: 2, 0x60: 3, 0xff: 4 };

/** Logic Controls (PD3000): per display, normal mode (wraps) or the power-on vertical scroll mode. */
export function logicControlsInterpreter(): Interpreter {
  let scrollMode = true;
  const reset = (grid: DisplayGrid): void => {
    grid.clear();
    grid.cursorVisible = true;
    grid.brightness = 4;
    scrollMode = true;
  };
  return (bytes, at, grid) => {
    const b = bytes[at] ?? 0;
    const left = bytes.length - at;
    if (isPrintable(b)) {
      grid.put(String.fromCharCode(b), scrollMode ? 'scroll' : 'wrap');
      return 1;
    }
    switch (b) {
      case 0x1f:
        reset(grid);
        return 1;
      case 0x11:
        scrollMode = false;
        return 1;
      case 0x12:
        scrollMode = true;
        return 1;
      case 0x13:
      case 0x14:
        grid.cursorVisible = b === 0x13;
        return 1;
      case 0x10: {
        if (left < 2) return INCOMPLETE;
        const pos = bytes[at + 1] ?? 0;
        if (pos > 0x27) return unknownByte(grid, b);
        grid.moveTo(Math.floor(pos / POLE_COLUMNS), pos % POLE_COLUMNS);
        return 2;
      }
      case 0x04: {
        if (left < 2) return INCOMPLETE;
        const level = BRIGHTNESS[bytes[at + 1] ?? 0];
        if (level === undefined) return unknownByte(grid, b);
        grid.brightness = level;
        return 2;
      }
      case 0x08:
        grid.backspace();
        return 1;
      case 0x0a:
        grid.lineFeed(scrollMode);
        return 1;
      case 0x0d:
        grid.carriageReturn();
        return 1;
      default:
        return unknownByte(grid, b);
    }
  };
}
