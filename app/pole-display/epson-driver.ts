import { asciiBytes, concatBytes } from './bytes';
import type { PoleBrightness, PoleDriver, PoleDriverOptions } from './driver';
import { changedRuns } from './line-diff';
import { BLANK_SCREEN, type PoleScreen } from './screen';

/**
 * Epson ESC/POS customer display commands (DM-D series and the many "Epson mode" clones), as the
 * manual gives them. Columns x are 1–20 and rows y 1–2, both 1-based.
 */
export const epsonCommands = {
  initialize: (): Uint8Array => Uint8Array.of(0x1b, 0x40), // ESC @
  clear: (): Uint8Array => Uint8Array.of(0x0c), // CLR
  overwriteMode: (): Uint8Array => Uint8Array.of(0x1f, 0x01), // US MD1
  moveCursor: (x: number, y: number): Uint8Array => Uint8Array.of(0x1f, 0x24, x, y), // US $ x y
  cursor: (on: boolean): Uint8Array => Uint8Array.of(0x1f, 0x43, on ? 1 : 0), // US C n
  brightness: (level: PoleBrightness): Uint8Array => Uint8Array.of(0x1f, 0x58, level), // US X n, n 1–4
} as const;

/** A cursor move costs four bytes, so a gap of up to four unchanged characters is cheaper to resend. */
const JOIN_GAP = 4;

function renderRuns(next: PoleScreen, previous: PoleScreen): Uint8Array {
  const parts: Uint8Array[] = [];
  const rows = [next.top, next.bottom] as const;
  const before = [previous.top, previous.bottom] as const;
  for (const row of [0, 1] as const) {
    for (const run of changedRuns(row, rows[row], before[row], JOIN_GAP)) {
      parts.push(epsonCommands.moveCursor(run.start + 1, row + 1), asciiBytes(rows[row].slice(run.start, run.end)));
    }
  }
  return concatBytes(parts);
}

export function epsonDriver(options: PoleDriverOptions): PoleDriver {
  return {
    id: 'epson',
    label: 'Epson ESC/POS customer display',
    init: () =>
      concatBytes([
        epsonCommands.initialize(),
        epsonCommands.overwriteMode(),
        epsonCommands.cursor(false),
        epsonCommands.brightness(options.brightness),
        epsonCommands.clear(),
      ]),
    // Unknown contents: every column differs from a screen no line can equal, so both lines are rewritten.
    render: (next, previous) => renderRuns(next, previous ?? UNKNOWN),
  };
}

/** Matches no real line (layout text is ASCII), so diffing against it rewrites everything. */
const UNKNOWN: PoleScreen = { top: '\u0000'.repeat(BLANK_SCREEN.top.length), bottom: '\u0000'.repeat(BLANK_SCREEN.bottom.length) };
