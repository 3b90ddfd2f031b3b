import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { err, ok, type Result } from '../../../app/util/result';
import { pngChunks, readImageHeader } from './image-header';

/**
 * Side of the largest square picture decoded (4.2 MP, 17 MB as RGBA). Decoding runs on the main thread
 * and jpeg-js manages about 4 MP a second here, so 16.7 MP would block it for seconds. Nothing real
 * comes near: a provider's QR is about 1000 px, and the cashier page redraws a picture to 1600 px
 * before sending it unless it is under 45 KB.
 */
export const MAX_IMAGE_SIDE = 2048;
export const MAX_IMAGE_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE;
/** Twice what either source lets in: Opn's QR download stops at 512 KiB, a lookup's 700,000 base64 characters are 513 KiB. */
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** jpeg-js's own budget, a second guard behind the header check: a 2048 × 2048 colour JPEG needs about 80 MB of it. */
const JPEG_MAX_MEMORY_MB = 128;

/** Pixels, 4 bytes each (red, green, blue, alpha), row after row. */
export interface Rgba {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Pixels, 1 grey byte each, row after row. */
export interface Gray {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type RasterProblem =
  /** SVG, GIF or anything else that is not a PNG or JPEG: not decoded here, the caller decides. */
  | { readonly kind: 'not_raster' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'too_many_bytes'; readonly bytes: number }
  | { readonly kind: 'too_many_pixels'; readonly width: number; readonly height: number };

export interface RasterSize {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

/** Bytes a PNG's Adam7-interlaced rows inflate to: seven sub-images, each row with its filter byte. */
function adam7Bytes(width: number, height: number, bitsPerPixel: number): number {
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    if (columns > 0 && rows > 0) total += rows * (1 + Math.ceil((columns * bitsPerPixel) / 8));
  }
  return total;
}

/**
 * pngjs bounds what it inflates to the picture's size, except for interlaced PNGs, which it inflates
 * whole: a zip bomb behind a small IHDR would fill memory. Inflate those here first, capped.
 */
function interlacedDataFits(bytes: Uint8Array, width: number, height: number, bitsPerPixel: number): boolean {
  const chunks = pngChunks(bytes);
  if (typeof chunks === 'string') return false;
  const data = chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => bytes.subarray(chunk.start, chunk.start + chunk.length));
  try {
    inflateSync(Buffer.concat(data), { maxOutputLength: adam7Bytes(width, height, bitsPerPixel) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The one gate for an image from outside: its size in bytes, then its format and size from its header,
 * all before any decoder sees it.
 */
export function checkRaster(bytes: Uint8Array): Result<RasterSize, RasterProblem> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return err({ kind: 'too_many_bytes', bytes: bytes.byteLength });
  const header = readImageHeader(bytes);
  if (header.format === 'unknown') return err({ kind: 'not_raster' });
  if (header.format === 'malformed') return err({ kind: 'unreadable' });
  const { format, width, height } = header;
  if (width * height > MAX_IMAGE_PIXELS) return err({ kind: 'too_many_pixels', width, height });
  if (header.format === 'png' && header.interlaced && !interlacedDataFits(bytes, width, height, header.bitsPerPixel)) {
    return err({ kind: 'unreadable' });
  }
  return ok({ format, width, height });
}

/** A PNG or JPEG from outside as RGBA pixels, refused before decoding when its header is too big. */
export function decodeRaster(bytes: Uint8Array): Result<Rgba, RasterProblem> {
  const checked = checkRaster(bytes);
  if (!checked.ok) return checked;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (checked.value.format === 'png') {
      const png = PNG.sync.read(buffer);
      return ok({ data: png.data, width: png.width, height: png.height });
    }
    const options = { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB } as const;
    const image = jpeg.decode(buffer, options);
    return ok({ data: image.data, width: image.width, height: image.height });
  } catch {
    return err({ kind: 'unreadable' });
  }
}

/** Grey levels, each output pixel the average of the source pixels it covers; transparency reads as white paper. */
export function shrinkToGray(image: Rgba, maxSide: number): Gray {
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
