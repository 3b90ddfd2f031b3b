import { assertNever } from '../../util/assert-never';
import type { ReceiptDocument } from '../document';
import { layoutLines, type LaidOutBlock, type PrintLine } from '../lines';
import { CELL_WIDTH, type PaperProfile } from '../paper';
import { fitModuleSize, type QrMatrixFactory } from '../qr-matrix';
import { createBitmap, type Bitmap } from './bitmap';
import { cellScale, drawText } from './draw-text';
import { qrBitmap } from './qr-bitmap';

/** Dots a line feed advances: the printer's default 1/6 inch at 180 dpi, or a tall line plus its gap. */
const LINE_PITCH = 30;
export const lineAdvance = (scaleY: number): number => Math.max(LINE_PITCH, 24 * scaleY + 6);

function lineX(line: PrintLine, paper: PaperProfile): number {
  const width = Array.from(line.text).length * CELL_WIDTH * cellScale(line.size).x;
  const free = Math.max(0, paper.dots - width);
  switch (line.align) {
    case 'left':
      return 0;
    case 'center':
      return Math.floor(free / 2);
    case 'right':
      return free;
    default:
      return assertNever(line.align, 'alignment');
  }
}

type Piece = { readonly height: number; readonly draw: (bitmap: Bitmap, y: number) => void };

function piece(block: Exclude<LaidOutBlock, { kind: 'cut' }>, paper: PaperProfile, qrMatrix: QrMatrixFactory): Piece {
  switch (block.kind) {
    case 'line': {
      const scale = cellScale(block.size);
      return { height: lineAdvance(scale.y), draw: (b, y) => drawText(b, block.text, lineX(block, paper), y, scale, block.bold) };
    }
    case 'qr': {
      const matrix = qrMatrix(block.payload, 'M');
      const image = qrBitmap(matrix, fitModuleSize(matrix.size, paper.dots), paper.dots);
      return { height: image.height, draw: (b, y) => b.bits.set(image.bits, y * b.bytesPerRow) };
    }
    case 'feed':
      return { height: block.lines * LINE_PITCH, draw: () => undefined };
    default:
      return assertNever(block, 'laid-out block');
  }
}

function paint(pieces: readonly Piece[], paper: PaperProfile): Bitmap {
  const bitmap = createBitmap(paper.dots, pieces.reduce((h, p) => h + p.height, 0));
  let y = 0;
  for (const p of pieces) {
    p.draw(bitmap, y);
    y += p.height;
  }
  return bitmap;
}

/** The whole receipt as images, one per cut: how some POS systems print, kept for the bench. */
export function rasterizeDocument(doc: ReceiptDocument, paper: PaperProfile, qrMatrix: QrMatrixFactory): Bitmap[] {
  const segments: Bitmap[] = [];
  let pieces: Piece[] = [];
  for (const block of layoutLines(doc, paper)) {
    if (block.kind === 'cut') {
      segments.push(paint(pieces, paper));
      pieces = [];
    } else {
      pieces.push(piece(block, paper, qrMatrix));
    }
  }
  if (pieces.length > 0) segments.push(paint(pieces, paper));
  return segments;
}
