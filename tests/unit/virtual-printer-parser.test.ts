import { describe, expect, it } from 'vitest';
import { EscPosParser } from '../../electron/simulators/printer/escpos-parser';
import { codeTable } from '../../electron/simulators/printer/code-tables';

describe('the virtual printer\'s ESC/POS parser', () => {
  it('keeps a command split across chunks until the rest arrives', () => {
    const parser = new EscPosParser();
    expect(parser.feed(Uint8Array.of(0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50))).toEqual([]);
    const [store] = parser.feed(Uint8Array.of(0x30, 0x41, 0x42, 0x43, 0x0a));
    expect(store).toEqual({ op: 'symbol', cn: 0x31, fn: 0x50, params: Uint8Array.of(0x30, 0x41, 0x42, 0x43) });
  });

  it('reads text runs, styles, raster and cut', () => {
    const ops = new EscPosParser().feed(
      Uint8Array.of(0x1b, 0x40, 0x1b, 0x61, 0x01, 0x1d, 0x21, 0x11, 0x48, 0x69, 0x0a, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x80, 0x1d, 0x56, 0x42, 0x00),
    ).map((c) => c.op);
    expect(ops).toEqual(['init', 'align', 'size', 'text', 'lf', 'raster', 'cut']);
  });

  it('reports unknown bytes instead of failing', () => {
    const ops = new EscPosParser().feed(Uint8Array.of(0x07, 0x1b, 0x99, 0x41));
    expect(ops).toEqual([
      { op: 'unknown', bytes: Uint8Array.of(0x07) },
      { op: 'unknown', bytes: Uint8Array.of(0x1b, 0x99) },
      { op: 'text', bytes: Uint8Array.of(0x41) },
    ]);
  });

  it('decodes WPC1252 including its 0x80–0x9F punctuation', () => {
    expect(codeTable(16)(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x80))).toBe('Café ’€');
  });
});
