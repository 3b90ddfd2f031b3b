import { asciiBytes, concatBytes } from './bytes';
import type { PoleBrightness, PoleDriver, PoleDriverOptions } from './driver';
import { changedRuns } from './line-diff';
import { POLE_COLUMNS, type PoleScreen } from './screen';

/**
 * Logic Controls command set (PD3000, PD6000, TD3000 manual, "Software commands"). What we rely on:
 * 1F resets (clears, cursor home, power-on modes, which is vertical scroll); 11 selects normal display
 * mode, where characters go where the cursor is; 10 p moves the cursor to position p, 00–27 hex
 * (row 1 is 0–19, row 2 is 20–39); 13/14 turn the cursor on/off; 04 n sets brightness, n = 20, 40, 60
 * or FF hex for 20 %, 40 %, 60 %, 100 %.
 */
export const logicControlsCommands = {
  reset: (): Uint8Array => Uint8Array.of(0x1f), // US
  normalMode: (): Uint8Array => Uint8Array.of(0x11), // DC1
  position: (pos: number): Uint8Array => Uint8Array.of(0x10, pos), // DLE p
  cursorOn: (): Uint8Array => Uint8Array.of(0x13), // DC3
  cursorOff: (): Uint8Array => Uint8Array.of(0x14), // DC4
  brightness: (level: PoleBrightness): Uint8Array => Uint8Array.of(0x04, BRIGHTNESS[level]), // EOT n
} as const;

const BRIGHTNESS: Readonly<Record<PoleBrightness, number>> = { 1: 0x20, 2: 0x40, 3: 0x60, 4: 0xff };

/** A move is two bytes, so only a single unchanged character is cheaper to resend. */
const JOIN_GAP = 2;

export function logicControlsDriver(options: PoleDriverOptions): PoleDriver {
  const render = (next: PoleScreen, previous: PoleScreen | null): Uint8Array => {
    // Unknown contents: one move and all 40 characters, since normal mode runs on from row 1 into row 2.
    if (previous === null) return concatBytes([logicControlsCommands.position(0), asciiBytes(next.top + next.bottom)]);
    const parts: Uint8Array[] = [];
    const rows = [next.top, next.bottom] as const;
    const before = [previous.top, previous.bottom] as const;
    for (const row of [0, 1] as const) {
      for (const run of changedRuns(row, rows[row], before[row], JOIN_GAP)) {
        parts.push(logicControlsCommands.position(row * POLE_COLUMNS + run.start), asciiBytes(rows[row].slice(run.start, run.end)));
      }
    }
    return concatBytes(parts);
  };
  return {
    id: 'logic-controls',
    label: 'Logic Controls (PD3000 family)',
    init: () =>
      concatBytes([
        logicControlsCommands.reset(),
        logicControlsCommands.normalMode(),
        logicControlsCommands.cursorOff(),
        logicControlsCommands.brightness(options.brightness),
      ]),
    render,
  };
}
