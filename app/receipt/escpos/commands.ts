import { assertNever } from '../../util/assert-never';
import type { Align, TextSize } from '../document';
import type { QrErrorLevel } from '../qr-matrix';
import type { Bitmap } from '../raster/bitmap';

// Command bytes as the Epson ESC/POS Application Programming Guide defines them.
const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

export const LF = 0x0a;

/** ESC @: clears the print buffer and resets every mode to the power-on default. */
export const initialize = (): number[] => [ESC, 0x40];

/** ESC t n: select a character code table (16 = WPC1252). */
export const selectCodeTable = (n: number): number[] => [ESC, 0x74, n];

export function justify(align: Align): number[] {
  switch (align) {
    case 'left':
      return [ESC, 0x61, 0];
    case 'center':
      return [ESC, 0x61, 1];
    case 'right':
      return [ESC, 0x61, 2];
    default:
      return assertNever(align, 'alignment');
  }
}

export const emphasis = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];

/** GS ! n: width multiplier in bits 4–6, height multiplier in bits 0–2. */
export function characterSize(size: TextSize): number[] {
  switch (size) {
    case 'normal':
      return [GS, 0x21, 0x00];
    case 'double-height':
      return [GS, 0x21, 0x01];
    case 'double-width':
      return [GS, 0x21, 0x10];
    case 'double':
      return [GS, 0x21, 0x11];
    default:
      return assertNever(size, 'text size');
  }
}

/** ESC J n: feed n dots (n ≤ 255). */
export const feedDots = (n: number): number[] => [ESC, 0x4a, Math.max(0, Math.min(255, Math.round(n)))];

/** ESC d n: print and feed n lines. */
export const feedLines = (n: number): number[] => [ESC, 0x64, Math.max(0, Math.min(255, n))];

/** GS V 66 n: feed to the cutter plus n dots, then a partial cut (leaves one point uncut). */
export const partialCut = (n = 0): number[] => [GS, 0x56, 0x42, n];

// GS ( k, cn = 49 (QR Code). pL pH count the bytes after them.
const qrFn = (fn: number, ...params: number[]): number[] => {
  const k = params.length + 2;
  return [GS, 0x28, 0x6b, k & 0xff, k >> 8, 0x31, fn, ...params];
};

/** Function 165: select the model; n1 = 50 is Model 2. */
export const qrSelectModel2 = (): number[] => qrFn(0x41, 0x32, 0x00);

/** Function 167: module size in dots, 1–16. */
export const qrModuleSize = (dots: number): number[] => qrFn(0x43, Math.max(1, Math.min(16, dots)));

const EC_LEVEL: { readonly [K in QrErrorLevel]: number } = { L: 48, M: 49, Q: 50, H: 51 };

/** Function 169: error correction level, 48 L, 49 M, 50 Q, 51 H. */
export const qrErrorCorrection = (level: QrErrorLevel): number[] => qrFn(0x45, EC_LEVEL[level]);

/** Function 180: store k bytes in the symbol storage area; pL pH = k + 3. */
export function qrStore(data: Uint8Array): Uint8Array {
  if (data.length > 7089) throw new RangeError(`QR data is ${data.length} bytes; a QR code holds at most 7089`);
  const len = data.length + 3;
  const out = new Uint8Array(8 + data.length);
  out.set([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30]);
  out.set(data, 8);
  return out;
}

/** Function 181: print the stored symbol. */
export const qrPrint = (): number[] => qrFn(0x51, 0x30);

/** GS v 0 m xL xH yL yH d…: a raster image, rows of packed bits, most significant bit leftmost. */
export function rasterImage(bitmap: Bitmap): Uint8Array {
  const x = bitmap.bytesPerRow;
  const y = bitmap.height;
  const out = new Uint8Array(8 + bitmap.bits.length);
  out.set([GS, 0x76, 0x30, 0x00, x & 0xff, x >> 8, y & 0xff, y >> 8]);
  out.set(bitmap.bits, 8);
  return out;
}

/** DLE EOT n: real-time status, n = 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export const realTimeStatus = (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n];
