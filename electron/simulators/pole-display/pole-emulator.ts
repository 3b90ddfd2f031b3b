import type { PoleDriverId } from '../../../app/pole-display/driver';
import { assertNever } from '../../../app/util/assert-never';
import { interpretCd5220 } from './cd5220-interpreter';
import { interpretEpson } from './epson-interpreter';
import { DisplayGrid, type GridCursor } from './grid';
import type { Interpreter } from './interpreter';
import { logicControlsInterpreter } from './logic-controls-interpreter';
import { interpretPlain } from './plain-interpreter';

/** A 2×20 pole display that understands one command set, fed the bytes its serial port receives. */
export interface PoleEmulator {
  readonly commandSet: PoleDriverId;
  readonly feed: (bytes: Uint8Array) => void;
  /** The two rows of the glass, 20 characters each. */
  readonly lines: () => readonly [string, string];
  /** 0-based row and column where the next character goes. */
  readonly cursor: () => GridCursor;
  readonly cursorVisible: () => boolean;
  /** 1 (dimmest) to 4. */
  readonly brightness: () => number;
  /** Every byte that matched no command, in order. */
  readonly unknownBytes: () => readonly number[];
  readonly bytesReceived: () => number;
}

function interpreterFor(commandSet: PoleDriverId): Interpreter {
  switch (commandSet) {
    case 'epson':
      return interpretEpson;
    case 'cd5220':
      return interpretCd5220;
    case 'logic-controls':
      return logicControlsInterpreter();
    case 'plain':
      return interpretPlain;
    default:
      return assertNever(commandSet, 'pole command set');
  }
}

export function createPoleEmulator(commandSet: PoleDriverId): PoleEmulator {
  const grid = new DisplayGrid();
  const interpret = interpreterFor(commandSet);
  // A command may arrive split across reads; the unfinished tail waits here for the rest.
  let pending = new Uint8Array(0);
  let received = 0;
  const feed = (bytes: Uint8Array): void => {
    received += bytes.length;
    const all = new Uint8Array(pending.length + bytes.length);
    all.set(pending, 0);
    all.set(bytes, pending.length);
    let at = 0;
    while (at < all.length) {
      const used = interpret(all, at, grid);
      if (used === 0) break;
      at += used;
    }
    pending = all.slice(at);
  };
  return {
    commandSet,
    feed,
    lines: () => grid.lines(),
    cursor: () => grid.cursor(),
    cursorVisible: () => grid.cursorVisible,
    brightness: () => grid.brightness,
    unknownBytes: () => [...grid.unknown],
    bytesReceived: () => received,
  };
}
