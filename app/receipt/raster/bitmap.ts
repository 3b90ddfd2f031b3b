/** A 1-bit image in the printer's own layout: rows of packed bits, most significant bit leftmost, 1 = black. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly bytesPerRow: number;
  readonly bits: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, bits: new Uint8Array(bytesPerRow * height) };
}

export function setDot(bitmap: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return;
  const i = y * bitmap.bytesPerRow + (x >> 3);
  bitmap.bits[i] = (bitmap.bits[i] ?? 0) | (0x80 >> (x & 7));
}

export function getDot(bitmap: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
  return ((bitmap.bits[y * bitmap.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

export function fillRect(bitmap: Bitmap, x: number, y: number, w: number, h: number): void {
  for (let yy = y; yy < y + h; yy += 1) for (let xx = x; xx < x + w; xx += 1) setDot(bitmap, xx, yy);
}

/** Rows [from, to) as their own bitmap, for sending a tall image in bands. */
export function sliceRows(bitmap: Bitmap, from: number, to: number): Bitmap {
  const end = Math.min(to, bitmap.height);
  return {
    width: bitmap.width,
    height: end - from,
    bytesPerRow: bitmap.bytesPerRow,
    bits: bitmap.bits.slice(from * bitmap.bytesPerRow, end * bitmap.bytesPerRow),
  };
}
