import { asciiBytes, concatBytes } from './bytes';
import type { PoleBrightness, PoleDriver, PoleDriverOptions } from './driver';
import type { PoleScreen } from './screen';

/** CD5220 standard-mode commands, from the CD5220 manual's command list. x is 1–20, y 1–2. */
export const cd5220Commands = {
  initialize: (): Uint8Array => Uint8Array.of(0x1b, 0x40), // ESC @
  clear: (): Uint8Array => Uint8Array.of(0x0c), // CLR: also leaves string mode
  upperLine: (text: string): Uint8Array => concatBytes([[0x1b, 0x51, 0x41], asciiBytes(text), [0x0d]]), // ESC Q A … CR
  lowerLine: (text: string): Uint8Array => concatBytes([[0x1b, 0x51, 0x42], asciiBytes(text), [0x0d]]), // ESC Q B … CR
  moveCursor: (x: number, y: number): Uint8Array => Uint8Array.of(0x1b, 0x6c, x, y), // ESC l x y
  cursor: (on: boolean): Uint8Array => Uint8Array.of(0x1b, 0x5f, on ? 1 : 0), // ESC _ n
  brightness: (level: PoleBrightness): Uint8Array => Uint8Array.of(0x1b, 0x2a, level), // ESC * n, n 1–4
} as const;

/**
 * Renders with the string commands, one whole line per changed line. The manual forbids other
 * commands (ESC l among them) while in string mode, so a countdown rewrites only the lower line.
 */
export function cd5220Driver(options: PoleDriverOptions): PoleDriver {
  const render = (next: PoleScreen, previous: PoleScreen | null): Uint8Array => {
    const parts: Uint8Array[] = [];
    if (previous === null || previous.top !== next.top) parts.push(cd5220Commands.upperLine(next.top));
    if (previous === null || previous.bottom !== next.bottom) parts.push(cd5220Commands.lowerLine(next.bottom));
    return concatBytes(parts);
  };
  return {
    id: 'cd5220',
    label: 'CD5220',
    init: () =>
      concatBytes([
        cd5220Commands.initialize(),
        cd5220Commands.cursor(false),
        cd5220Commands.brightness(options.brightness),
        cd5220Commands.clear(),
      ]),
    render,
  };
}
