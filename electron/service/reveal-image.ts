import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { err, ok, type Result } from '../../app/util/result';

/**
 * Orangepill's reveal takes a PNG as base64 in a JSON body. A body this size stays well inside what
 * its API (and the simulator, at 64 KiB) accepts, so a bigger picture is shrunk before it is sent.
 */
export const REVEAL_BUDGET_BASE64 = 48_000;
/** Larger images are refused before decoding: far above any photo or screenshot of a QR. */
const MAX_PIXELS = 4096 * 4096;
/** Longest sides tried, largest first; a QR filling a third of the picture stays readable at the last. */
const SIDES = [1600, 1200, 900, 700, 500] as const;

export type RevealImageProblem = 'unreadable' | 'too_large';

interface Rgba {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(PNG_SIGNATURE);
const isJpeg = (bytes: Buffer): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;

function decode(bytes: Buffer): Rgba | null {
  try {
    if (isPng(bytes)) {
      // Width and height from the IHDR chunk, so a small file cannot ask for gigabytes of pixels.
      if (bytes.length < 24 || bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_PIXELS) return null;
      const png = PNG.sync.read(bytes);
      return { data: png.data, width: png.width, height: png.height };
    }
    if (isJpeg(bytes)) {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 256 });
      return { data: image.data, width: image.width, height: image.height };
    }
  } catch {
    return null;
  }
  return null;
}

/** Grey levels, each output pixel the average of the source pixels it covers; transparency reads as white paper. */
function shrinkToGray(image: Rgba, maxSide: number): Rgba {
  const scale = Math.max(1, Math.max(image.width, image.height) / maxSide);
  const width = Math.max(1, Math.round(image.width / scale));
  const height = Math.max(1, Math.round(image.height / scale));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * scale);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * scale);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * scale)));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * 4;
          const alpha = (image.data[i + 3] ?? 255) / 255;
          const luma = 0.299 * (image.data[i] ?? 0) + 0.587 * (image.data[i + 1] ?? 0) + 0.114 * (image.data[i + 2] ?? 0);
          sum += luma * alpha + 255 * (1 - alpha);
        }
      }
      out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { data: out, width, height };
}

function grayPngBase64(image: Rgba): string {
  const options = { width: image.width, height: image.height, colorType: 0, inputColorType: 0, inputHasAlpha: false } as const;
  const png = new PNG(options);
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, options).toString('base64');
}

/**
 * The image as the base64 PNG Orangepill's reveal takes: a small PNG as it came; a JPEG, or a PNG
 * too big to send, redrawn in grey at the largest size that fits.
 */
export function revealPngBase64(imageBase64: string): Result<string, RevealImageProblem> {
  const bytes = Buffer.from(imageBase64, 'base64');
  if (isPng(bytes) && imageBase64.length <= REVEAL_BUDGET_BASE64) return ok(imageBase64);
  const image = decode(bytes);
  if (image === null) return err('unreadable');
  const longest = Math.max(image.width, image.height);
  const sides = new Set([longest, ...SIDES].filter((side) => side <= Math.min(longest, SIDES[0])));
  for (const side of sides) {
    const base64 = grayPngBase64(shrinkToGray(image, side));
    if (base64.length <= REVEAL_BUDGET_BASE64) return ok(base64);
  }
  return err('too_large');
}
