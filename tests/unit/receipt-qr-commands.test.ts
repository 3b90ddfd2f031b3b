import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../app/receipt/escpos/encoder';
import * as cmd from '../../app/receipt/escpos/commands';
import { cut, qr, receiptDocument } from '../../app/receipt/document';
import { PAPER } from '../../app/receipt/paper';
import { createBitmap, setDot } from '../../app/receipt/raster/bitmap';
import type { QrMatrixFactory } from '../../app/receipt/qr-matrix';

// Expected bytes are written out from the Epson ESC/POS Command Reference, GS ( k <Function 165…181>
// (cn = 49, QR Code) and GS v 0; they are not computed by the code under test.
const bytes = (a: readonly number[] | Uint8Array): number[] => Array.from(a);

describe('GS ( k QR functions, byte for byte', () => {
  it('function 165 selects Model 2: 1D 28 6B 04 00 31 41 32 00', () => {
    expect(bytes(cmd.qrSelectModel2())).toEqual([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]);
  });

  it('function 167 sets the module size: 1D 28 6B 03 00 31 43 n', () => {
    expect(bytes(cmd.qrModuleSize(6))).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06]);
    expect(bytes(cmd.qrModuleSize(40))).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x10]);
  });

  it('function 169 sets error correction M: 1D 28 6B 03 00 31 45 31', () => {
    expect(bytes(cmd.qrErrorCorrection('M'))).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]);
    expect(bytes(cmd.qrErrorCorrection('L'))).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x30]);
    expect(bytes(cmd.qrErrorCorrection('H'))).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x33]);
  });

  it('function 180 stores k bytes with pL pH = k + 3: 1D 28 6B pL pH 31 50 30 d1…dk', () => {
    // "ABC": k = 3, so pL = 6, pH = 0.
    expect(bytes(cmd.qrStore(Uint8Array.of(0x41, 0x42, 0x43)))).toEqual([0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42, 0x43]);
    // k = 300: k + 3 = 303 = 0x012F, so pL = 0x2F, pH = 0x01.
    const long = bytes(cmd.qrStore(new Uint8Array(300).fill(0x39)));
    expect(long.slice(0, 8)).toEqual([0x1d, 0x28, 0x6b, 0x2f, 0x01, 0x31, 0x50, 0x30]);
    expect(long).toHaveLength(308);
  });

  it('function 180 refuses more than a QR code can hold', () => {
    expect(() => cmd.qrStore(new Uint8Array(7090))).toThrow(/7089/);
  });

  it('function 181 prints the stored symbol: 1D 28 6B 03 00 31 51 30', () => {
    expect(bytes(cmd.qrPrint())).toEqual([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);
  });
});

describe('GS v 0 raster image', () => {
  it('is 1D 76 30 m xL xH yL yH then the rows, most significant bit leftmost', () => {
    const image = createBitmap(16, 2);
    setDot(image, 0, 0);
    setDot(image, 15, 1);
    expect(bytes(cmd.rasterImage(image))).toEqual([0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x80, 0x00, 0x00, 0x01]);
  });

  it('writes widths and heights over 255 as low byte, high byte', () => {
    const image = createBitmap(576, 300);
    expect(bytes(cmd.rasterImage(image).slice(0, 8))).toEqual([0x1d, 0x76, 0x30, 0x00, 0x48, 0x00, 0x2c, 0x01]);
  });
});

describe('the other commands', () => {
  it('ESC @, ESC t 16, justification, emphasis, size, partial cut and DLE EOT', () => {
    expect(bytes(cmd.initialize())).toEqual([0x1b, 0x40]);
    expect(bytes(cmd.selectCodeTable(16))).toEqual([0x1b, 0x74, 0x10]);
    expect(bytes(cmd.justify('center'))).toEqual([0x1b, 0x61, 0x01]);
    expect(bytes(cmd.emphasis(true))).toEqual([0x1b, 0x45, 0x01]);
    expect(bytes(cmd.characterSize('double'))).toEqual([0x1d, 0x21, 0x11]);
    expect(bytes(cmd.characterSize('double-height'))).toEqual([0x1d, 0x21, 0x01]);
    expect(bytes(cmd.partialCut())).toEqual([0x1d, 0x56, 0x42, 0x00]);
    expect(bytes(cmd.realTimeStatus(4))).toEqual([0x10, 0x04, 0x04]);
  });
});

describe('a native QR block in a receipt', () => {
  // A 21-module symbol (version 1): on 384 dots, 384 / (21 + 8) = 13, capped at 8 dots a module.
  const fake: QrMatrixFactory = () => ({ size: 21, isDark: () => false });

  it('is centred, fed a four-module quiet zone, then model, size, level M, store, print', () => {
    const { bytes: out } = encodeReceipt(receiptDocument([qr('AB'), cut()]), { paper: PAPER['58mm'], qr: 'native', qrMatrix: fake });
    expect(bytes(out)).toEqual([
      0x1b, 0x40, 0x1b, 0x74, 0x10,
      0x1b, 0x61, 0x01,
      0x1b, 0x4a, 0x20,
      0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
      0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x08,
      0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31,
      0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42,
      0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30,
      0x1b, 0x4a, 0x20,
      0x1d, 0x56, 0x42, 0x00,
    ]);
  });

  it('a large symbol gets a smaller module so it and its quiet zone fit the paper', () => {
    const big: QrMatrixFactory = () => ({ size: 57, isDark: () => false });
    const { bytes: out } = encodeReceipt(receiptDocument([qr('X')]), { paper: PAPER['58mm'], qr: 'native', qrMatrix: big });
    // 384 / (57 + 8) = 5.9 → 5 dots.
    expect(bytes(out)).toEqual(expect.arrayContaining([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05]));
  });

  it('in raster mode is a full-width GS v 0 image with the quiet zone inside it', () => {
    const dark: QrMatrixFactory = () => ({ size: 21, isDark: () => true });
    const { bytes: out } = encodeReceipt(receiptDocument([qr('AB')]), { paper: PAPER['58mm'], qr: 'raster', qrMatrix: dark });
    // (21 + 8) modules × 8 dots = 232 rows of 48 bytes.
    expect(bytes(out.slice(5, 13))).toEqual([0x1d, 0x76, 0x30, 0x00, 0x30, 0x00, 0xe8, 0x00]);
    expect(out.length).toBe(5 + 8 + 48 * 232);
  });
});
