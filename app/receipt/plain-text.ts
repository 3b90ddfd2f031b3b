import { assertNever } from '../util/assert-never';
import type { ReceiptDocument } from './document';
import { columnsFor, isDoubleWidth, layoutLines, wrap } from './lines';
import type { PaperProfile } from './paper';

/** Places a fitted line in its columns, as the printer's justification would. */
function place(text: string, align: 'left' | 'center' | 'right', width: number): string {
  const free = Math.max(0, width - Array.from(text).length);
  switch (align) {
    case 'left':
      return text;
    case 'right':
      return ' '.repeat(free) + text;
    case 'center':
      return ' '.repeat(Math.floor(free / 2)) + text;
    default:
      return assertNever(align, 'alignment');
  }
}

/**
 * The receipt as monospace lines, for the on-screen preview and for tests. A QR shows as a marker
 * with its payload; the preview draws the real code in its place.
 */
export function renderPlainText(doc: ReceiptDocument, paper: PaperProfile): string[] {
  const lines: string[] = [];
  for (const block of layoutLines(doc, paper)) {
    switch (block.kind) {
      case 'line': {
        const placed = place(block.text, block.align, columnsFor(block.size, paper));
        // A double-width character takes two columns: spread it so the preview keeps the paper's width.
        lines.push((isDoubleWidth(block.size) ? Array.from(placed, (c) => `${c} `).join('') : placed).trimEnd());
        break;
      }
      case 'qr':
        lines.push(...wrap(`[QR: ${block.payload}]`, paper.columns).map((l) => place(l, 'center', paper.columns)));
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i += 1) lines.push('');
        break;
      case 'cut':
        lines.push('-- cut '.padEnd(paper.columns, '-'));
        break;
      default:
        assertNever(block, 'laid-out block');
    }
  }
  return lines;
}
