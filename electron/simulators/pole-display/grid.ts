import { POLE_COLUMNS, POLE_ROWS } from '../../../app/pole-display/screen';

export interface GridCursor {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
}

/** What the glass of a 2×20 display shows, with the cursor; the interpreters drive it. */
export class DisplayGrid {
  private cells: string[][] = blankCells();
  private row = 0;
  private col = 0;
  cursorVisible = true;
  brightness = 4;
  /** Bytes no command matched: a driver bug shows up here instead of as garbage on the glass. */
  readonly unknown: number[] = [];

  lines(): readonly [string, string] {
    return [this.cells[0]?.join('') ?? '', this.cells[1]?.join('') ?? ''];
  }

  cursor(): GridCursor {
    return { row: this.row, col: this.col };
  }

  clear(): void {
    this.cells = blankCells();
    this.home();
  }

  home(): void {
    this.moveTo(0, 0);
  }

  /** Returns false when the position is off the glass, so the caller records the command as bad. */
  moveTo(row: number, col: number): boolean {
    if (row < 0 || row >= POLE_ROWS || col < 0 || col >= POLE_COLUMNS) return false;
    this.row = row;
    this.col = col;
    return true;
  }

  setLine(row: number, text: string): void {
    this.cells[row] = [...text.padEnd(POLE_COLUMNS, ' ').slice(0, POLE_COLUMNS)];
  }

  clearLine(): void {
    this.setLine(this.row, '');
    this.col = 0;
  }

  carriageReturn(): void {
    this.col = 0;
  }

  /** Line feed; on the bottom row it either scrolls the glass up or wraps to the top. */
  lineFeed(scroll: boolean): void {
    if (this.row < POLE_ROWS - 1) this.row += 1;
    else if (scroll) this.scrollUp();
    else this.row = 0;
  }

  scrollUp(): void {
    this.cells = [...this.cells.slice(1), blankRow()];
  }

  backspace(): void {
    if (this.col > 0) this.col -= 1;
    this.setCell(' ');
  }

  /** Writes at the cursor. `atEnd` says what the display does past column 20. */
  put(ch: string, atEnd: 'wrap' | 'scroll' | 'stay'): void {
    if (this.col >= POLE_COLUMNS) {
      if (atEnd === 'stay') return;
      this.col = 0;
      this.lineFeed(atEnd === 'scroll');
    }
    this.setCell(ch);
    this.col += 1;
    if (this.col >= POLE_COLUMNS && atEnd === 'wrap') {
      this.col = 0;
      this.lineFeed(false);
    }
  }

  private setCell(ch: string): void {
    const row = this.cells[this.row];
    if (row !== undefined && this.col < POLE_COLUMNS) row[this.col] = ch;
  }
}

function blankRow(): string[] {
  return new Array<string>(POLE_COLUMNS).fill(' ');
}

function blankCells(): string[][] {
  return Array.from({ length: POLE_ROWS }, blankRow);
}
