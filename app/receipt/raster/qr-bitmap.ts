import { QR_QUIET_MODULES, type QrMatrix } from '../qr-matrix';
import { createBitmap, fillRect, type Bitmap } from './bitmap';

/** The QR drawn full paper width, centred, with its four-module quiet zone above and below. */
export function qrBitmap(matrix: QrMatrix, moduleDots: number, paperDots: number): Bitmap {
  const side = (matrix.size + 2 * QR_QUIET_MODULES) * moduleDots;
  const bitmap = createBitmap(paperDots, side);
  const left = Math.floor((paperDots - matrix.size * moduleDots) / 2);
  const top = QR_QUIET_MODULES * moduleDots;
  for (let r = 0; r < matrix.size; r += 1) {
    for (let c = 0; c < matrix.size; c += 1) {
      if (matrix.isDark(r, c)) fillRect(bitmap, left + c * moduleDots, top + r * moduleDots, moduleDots, moduleDots);
    }
  }
  return bitmap;
}
