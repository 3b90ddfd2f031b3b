import jsQR from 'jsqr';
import type { QrImageDecoder } from '../../../app/providers/opn/opn-qr';
import { decodeRaster, shrinkToGray, type Rgba } from './raster-image';

/**
 * Longest side jsQR is given. Its time grows faster than the pixel count (on a noisy picture here:
 * 0.5 s at 640 px, 0.8 s at 800, 2 s at 1600), and a provider's QR is at most about 1000 px, so a
 * bigger picture is averaged down first; a version-25 QR still decodes at 640 px.
 */
export const MAX_QR_SCAN_SIDE = 640;

/** The picture as jsQR takes it: as it is when small enough, else shrunk in grey. */
function forScanning(image: Rgba): Rgba {
  if (Math.max(image.width, image.height) <= MAX_QR_SCAN_SIDE) return image;
  const gray = shrinkToGray(image, MAX_QR_SCAN_SIDE);
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

/**
 * Decodes the QR in a provider's image (PNG or JPEG) to its text, so the screens can render it
 * natively. Null when the image is too big, cannot be read or holds no QR; the format comes from the
 * bytes, and SVG or anything else is left for the caller to show as it is.
 */
export const decodeQrImage: QrImageDecoder = (bytes) => {
  try {
    const image = decodeRaster(bytes);
    if (!image.ok) return Promise.resolve(null);
    const scanned = forScanning(image.value);
    const pixels = new Uint8ClampedArray(scanned.data.buffer, scanned.data.byteOffset, scanned.width * scanned.height * 4);
    return Promise.resolve(jsQR(pixels, scanned.width, scanned.height)?.data ?? null);
  } catch {
    return Promise.resolve(null);
  }
};
