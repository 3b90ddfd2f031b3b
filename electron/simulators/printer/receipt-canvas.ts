import QRCode from 'qrcode';
import { createBitmap, fillRect, getDot, setDot, type Bitmap } from '../../../app/receipt/raster/bitmap';
import { drawText } from '../../../app/receipt/raster/draw-text';
import { lineAdvance } from '../../../app/receipt/raster/rasterize-document';
import { CELL_WIDTH } from '../../../app/receipt/paper';

interface Glyph {
  readonly ch: string;
  readonly bold: boolean;
  readonly sx: number;
  readonly sy: number;
}

export interface CanvasResult {
  readonly bitmap: Bitmap;
  readonly lines: readonly string[];
  readonly qrPayloads: readonly string[];
}

const QR_LEVELS = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const;
type QrLevelByte = keyof typeof QR_LEVELS;

/** The paper as it comes out: strips of dots appended top to bottom, and the text as it was sent. */
export class ReceiptCanvas {
  private strips: Bitmap[] = [];
  private line: Glyph[] = [];
  private text: string[] = [];
  private qrs: string[] = [];
  align = 0;
  bold = false;
  sx = 1;
  sy = 1;
  qrModule = 3;
  qrLevel: 'L' | 'M' | 'Q' | 'H' = 'M';
  qrData: Uint8Array = new Uint8Array(0);

  constructor(readonly dots: number) {}

  get isEmpty(): boolean {
    return this.strips.length === 0 && this.line.length === 0;
  }

  resetModes(): void {
    this.align = 0;
    this.bold = false;
    this.sx = 1;
    this.sy = 1;
  }

  addText(chars: string): void {
    for (const ch of Array.from(chars)) this.line.push({ ch, bold: this.bold, sx: this.sx, sy: this.sy });
  }

  private x0(width: number): number {
    const free = Math.max(0, this.dots - width);
    return this.align === 1 ? Math.floor(free / 2) : this.align === 2 ? free : 0;
  }

  /** LF: prints the line buffer (an empty one is a blank line) and advances. */
  lineFeed(): void {
    const tallest = Math.max(1, ...this.line.map((g) => g.sy));
    const strip = createBitmap(this.dots, lineAdvance(tallest));
    const width = this.line.reduce((w, g) => w + CELL_WIDTH * g.sx, 0);
    let x = this.x0(width);
    for (const g of this.line) {
      // Taller glyphs stand on the same baseline as the rest of the line.
      drawText(strip, g.ch, x, (tallest - g.sy) * 24, { x: g.sx, y: g.sy }, g.bold);
      x += CELL_WIDTH * g.sx;
    }
    this.text.push(this.line.map((g) => g.ch).join(''));
    this.strips.push(strip);
    this.line = [];
  }

  feedDots(n: number): void {
    if (this.line.length > 0) this.lineFeed();
    if (n > 0) this.strips.push(createBitmap(this.dots, n));
  }

  setQrLevel(byte: number): void {
    if (byte in QR_LEVELS) this.qrLevel = QR_LEVELS[byte as QrLevelByte];
  }

  /** Function 181: draws the stored symbol from its data, the way the printer's firmware would. */
  printQr(): void {
    if (this.line.length > 0) this.lineFeed();
    const payload = new TextDecoder('utf-8').decode(this.qrData);
    const { modules } = QRCode.create(payload, { errorCorrectionLevel: this.qrLevel });
    const side = modules.size * this.qrModule;
    const strip = createBitmap(this.dots, side);
    const left = this.x0(side);
    for (let r = 0; r < modules.size; r += 1) {
      for (let c = 0; c < modules.size; c += 1) {
        if (modules.get(r, c)) fillRect(strip, left + c * this.qrModule, r * this.qrModule, this.qrModule, this.qrModule);
      }
    }
    this.qrs.push(payload);
    this.strips.push(strip);
  }

  /** GS v 0: m 1/3 doubles the width, m 2/3 the height. */
  raster(m: number, widthBytes: number, height: number, data: Uint8Array): void {
    if (this.line.length > 0) this.lineFeed();
    const kx = m === 1 || m === 3 ? 2 : 1;
    const ky = m === 2 || m === 3 ? 2 : 1;
    const source: Bitmap = { width: widthBytes * 8, height, bytesPerRow: widthBytes, bits: data };
    const strip = createBitmap(this.dots, height * ky);
    const left = this.x0(source.width * kx);
    for (let y = 0; y < height * ky; y += 1) {
      for (let x = 0; x < source.width * kx; x += 1) {
        if (getDot(source, Math.floor(x / kx), Math.floor(y / ky))) setDot(strip, left + x, y);
      }
    }
    this.strips.push(strip);
  }

  /** Everything since the last cut, as one image and its text lines. */
  finish(): CanvasResult {
    if (this.line.length > 0) this.lineFeed();
    const height = Math.max(1, this.strips.reduce((h, s) => h + s.height, 0));
    const bitmap = createBitmap(this.dots, height);
    let y = 0;
    for (const s of this.strips) {
      bitmap.bits.set(s.bits, y * bitmap.bytesPerRow);
      y += s.height;
    }
    const result = { bitmap, lines: this.text, qrPayloads: this.qrs };
    this.strips = [];
    this.text = [];
    this.qrs = [];
    return result;
  }
}
