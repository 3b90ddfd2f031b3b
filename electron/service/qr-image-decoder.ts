import jsQR from 'jsqr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** The largest image the terminal will decode: far above any QR a provider serves. */
const MAX_PIXELS = 4096 * 4096;

export type QrImageDecoder = (bytes: Uint8Array, contentType: string) => Promise<string | null>;

interface Rgba {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

function readImage(bytes: Uint8Array, contentType: string): Rgba | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng = buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = buffer[0] === 0xff && buffer[1] === 0xd8;
  if (isPng || contentType.includes('png')) {
    const png = PNG.sync.read(buffer);
    return { data: png.data, width: png.width, height: png.height };
  }
  if (isJpeg || contentType.includes('jpeg') || contentType.includes('jpg')) {
    const image = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
    return { data: image.data, width: image.width, height: image.height };
  }
  // SVG and anything else: not decoded here; the caller falls back to showing the image itself.
  return null;
}

/**
 * Decodes the QR in a provider's image (PNG or JPEG) to its text, so the screens can render it
 * natively. Null when the image cannot be read or holds no QR.
 */
export const decodeQrImage: QrImageDecoder = (bytes, contentType) => {
  try {
    const image = readImage(bytes, contentType);
    if (image === null || image.width * image.height > MAX_PIXELS) return Promise.resolve(null);
    const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.width * image.height * 4);
    return Promise.resolve(jsQR(pixels, image.width, image.height)?.data ?? null);
  } catch {
    return Promise.resolve(null);
  }
};
