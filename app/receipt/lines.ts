import { assertNever } from '../util/assert-never';
import type { Align, ReceiptDocument, TextSize } from './document';
import type { PaperProfile } from './paper';

/** One printed line, already fitted to the paper, so the printer never wraps on its own. */
export interface PrintLine {
  readonly kind: 'line';
  readonly text: string;
  readonly align: Align;
  readonly bold: boolean;
  readonly size: TextSize;
}

export type LaidOutBlock =
  | PrintLine
  | { readonly kind: 'qr'; readonly payload: string }
  | { readonly kind: 'feed'; readonly lines: number }
  | { readonly kind: 'cut' };

export function isDoubleWidth(size: TextSize): boolean {
  switch (size) {
    case 'normal':
    case 'double-height':
      return false;
    case 'double-width':
    case 'double':
      return true;
    default:
      return assertNever(size, 'text size');
  }
}

export function columnsFor(size: TextSize, paper: PaperProfile): number {
  return isDoubleWidth(size) ? Math.floor(paper.columns / 2) : paper.columns;
}

/** Characters, not UTF-16 units, so "新加坡" counts three. */
const chars = (s: string): string[] => Array.from(s);

/** Word wrap; a word longer than the line is split, as there is nothing better to do with it. */
export function wrap(value: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      let w = chars(word);
      const needed = line.length === 0 ? w.length : line.length + 1 + w.length;
      if (needed <= width) {
        line = line.length === 0 ? w : [...line, ' ', ...w];
        continue;
      }
      if (line.length > 0) out.push(line.join(''));
      line = [];
      while (w.length > width) {
        out.push(w.slice(0, width).join(''));
        w = w.slice(width);
      }
      line = w;
    }
    out.push(line.join(''));
  }
  return out;
}

/**
 * "Label ...... value" in exactly `width` columns. When both do not fit on one line the value moves,
 * whole, right-aligned onto its own line: an amount is never cut in two.
 */
export function labelValueLines(label: string, value: string, width: number): string[] {
  const l = chars(label).length;
  const v = chars(value).length;
  if (l + 1 + v <= width) return [label + ' '.repeat(width - l - v) + value];
  const labelLines = wrap(label, width);
  const valueLines = v <= width ? [value] : wrap(value, width);
  return [...labelLines, ...valueLines.map((line) => ' '.repeat(Math.max(0, width - chars(line).length)) + line)];
}

export function layoutLines(doc: ReceiptDocument, paper: PaperProfile): LaidOutBlock[] {
  const out: LaidOutBlock[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'text':
        for (const line of wrap(block.text, columnsFor(block.size, paper))) {
          out.push({ kind: 'line', text: line, align: block.align, bold: block.bold, size: block.size });
        }
        break;
      case 'row':
        for (const line of labelValueLines(block.label, block.value, paper.columns)) {
          out.push({ kind: 'line', text: line, align: 'left', bold: block.bold, size: 'normal' });
        }
        break;
      case 'rule':
        out.push({ kind: 'line', text: block.char.repeat(paper.columns), align: 'left', bold: false, size: 'normal' });
        break;
      case 'qr':
      case 'cut':
        out.push(block);
        break;
      case 'feed':
        out.push({ kind: 'feed', lines: block.lines });
        break;
      default:
        assertNever(block, 'receipt block');
    }
  }
  return out;
}
