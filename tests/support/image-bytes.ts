import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

/** PNGs and JPEGs built byte by byte, to say things about themselves a real encoder never would. */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export interface IhdrFields {
  readonly width: number;
  readonly height: number;
  readonly depth?: number;
  readonly colorType?: number;
  readonly interlace?: number;
}

export function ihdr({ width, height, depth = 8, colorType = 0, interlace = 0 }: IhdrFields): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colorType, 0, 0, interlace], 8);
  return pngChunk('IHDR', data);
}

/** A PNG from its chunks: the signature, then these in order, then IEND. */
export const pngOf = (...chunks: Buffer[]): Buffer => Buffer.concat([PNG_SIGNATURE, ...chunks, pngChunk('IEND')]);

/** The seven Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** The filtered rows (filter byte 0, then zero pixels) of a picture, as its IDAT holds them before deflate. */
export function zeroRows(width: number, height: number, bitsPerPixel: number, interlaced = false): Buffer {
  const rowBytes = (columns: number) => 1 + Math.ceil((columns * bitsPerPixel) / 8);
  if (!interlaced) return Buffer.alloc(height * rowBytes(width));
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    if (columns > 0 && rows > 0) total += rows * rowBytes(columns);
  }
  return Buffer.alloc(total);
}

/** A grey PNG of any size with all-zero pixels; 1 bit a pixel keeps even 12000 × 12000 to a few KB. */
export function blackPng(width: number, height: number, options: { depth?: number; interlace?: number; extraRawBytes?: number } = {}): Buffer {
  const depth = options.depth ?? 1;
  const raw = zeroRows(width, height, depth, options.interlace === 1);
  const data = Buffer.concat([raw, Buffer.alloc(options.extraRawBytes ?? 0)]);
  return pngOf(ihdr({ width, height, depth, colorType: 0, interlace: options.interlace ?? 0 }), pngChunk('IDAT', deflateSync(data, { level: 9 })));
}

export const jpegSegment = (marker: number, payload: readonly number[] = []): number[] => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];

/** A one-component frame header (SOFn payload) for the given size. */
export const framePayload = (width: number, height: number): number[] => [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
/** A one-component scan header (SOS payload). */
export const SCAN_PAYLOAD: readonly number[] = [1, 1, 0, 0, 63, 0];

/** A real JPEG from jpeg-js: grey, the given size. */
export function realJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 200);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

/** A real JPEG whose frame header has been rewritten to claim another size. */
export function jpegClaiming(width: number, height: number): Buffer {
  const bytes = realJpeg(16, 16);
  const sof = bytes.findIndex((byte, i) => byte === 0xff && bytes[i + 1] === 0xc0);
  if (sof < 0) throw new Error('jpeg-js wrote no SOF0');
  bytes.writeUInt16BE(height, sof + 5);
  bytes.writeUInt16BE(width, sof + 7);
  return bytes;
}
