import jsQR from 'jsqr';
import { shrinkToGray, type Rgba } from './raster-image';

/**
 * Longest side jsQR is given. Its time grows faster than the pixel count (on a noisy picture here:
 * 0.5 s at 640 px, 0.8 s at 800, 2 s at 1600), and a provider's QR is at most about 1000 px, so a
 * bigger picture is averaged down first; a version-25 QR still decodes at 640 px.
 */
export const MAX_QR_SCAN_SIDE = 640;

/** The picture as jsQR takes it: as it is when small enough, else shrunk in grey. */
function forScanning(image: Rgba, maxSide: number): Rgba {
  if (Math.max(image.width, image.height) <= maxSide) return image;
  const gray = shrinkToGray(image, maxSide);
  const data = new Uint8Array(gray.width * gray.height * 4);
  for (let i = 0; i < gray.data.length; i++) {
    const level = gray.data[i] ?? 255;
    data[i * 4] = level;
    data[i * 4 + 1] = level;
    data[i * 4 + 2] = level;
    data[i * 4 + 3] = 255;
  }
  return { data, width: gray.width, height: gray.height };
}

/** The text of the QR in a picture, or null when none is found (an empty QR counts as none). */
export function scanQr(image: Rgba, maxSide = MAX_QR_SCAN_SIDE): string | null {
  const scanned = forScanning(image, maxSide);
  const pixels = new Uint8ClampedArray(scanned.data.buffer, scanned.data.byteOffset, scanned.width * scanned.height * 4);
  const text = jsQR(pixels, scanned.width, scanned.height)?.data ?? null;
  return text === '' ? null : text;
}
