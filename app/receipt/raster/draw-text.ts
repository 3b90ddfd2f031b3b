import type { TextSize } from '../document';
import { isDoubleWidth } from '../lines';
import { CELL_HEIGHT, CELL_WIDTH } from '../paper';
import { fillRect, type Bitmap } from './bitmap';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphColumns } from './font-5x7';

export interface CellScale {
  readonly x: number;
  readonly y: number;
}

export function cellScale(size: TextSize): CellScale {
  const tall = size === 'double-height' || size === 'double';
  return { x: isDoubleWidth(size) ? 2 : 1, y: tall ? 2 : 1 };
}

/**
 * Draws text in Font A cells (12×24 dots, times the size multipliers) starting at (x, y).
 * The 5×7 glyph is drawn at twice its size, centred in the cell; bold strikes it again one dot right.
 */
export function drawText(bitmap: Bitmap, text: string, x: number, y: number, scale: CellScale, bold: boolean): void {
  const dot = 2;
  const offsetX = Math.floor((CELL_WIDTH - GLYPH_WIDTH * dot) / 2) * scale.x;
  const offsetY = Math.floor((CELL_HEIGHT - GLYPH_HEIGHT * dot) / 2) * scale.y;
  Array.from(text).forEach((ch, i) => {
    const cellX = x + i * CELL_WIDTH * scale.x;
    glyphColumns(ch).forEach((column, c) => {
      for (let r = 0; r < GLYPH_HEIGHT; r += 1) {
        if ((column & (1 << r)) === 0) continue;
        const px = cellX + offsetX + c * dot * scale.x;
        const py = y + offsetY + r * dot * scale.y;
        fillRect(bitmap, px, py, dot * scale.x + (bold ? 1 : 0), dot * scale.y);
      }
    });
  });
}
