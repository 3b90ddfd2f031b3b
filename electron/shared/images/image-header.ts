/**
 * Width, height and format of a PNG or JPEG read from its structure alone, so an image from outside
 * (a provider's QR, a pasted picture) can be refused before a decoder allocates its pixels.
 * The walk covers the whole file's chunks or markers, never its pixel data, and is linear in its size.
 */
export type ImageHeader =
  | {
      readonly format: 'png';
      readonly width: number;
      readonly height: number;
      /** Bits per pixel of the stored rows (depth × channels), to size what the pixel data inflates to. */
      readonly bitsPerPixel: number;
      readonly interlaced: boolean;
    }
  | { readonly format: 'jpeg'; readonly width: number; readonly height: number }
  /** Not a PNG or JPEG (SVG, GIF, WebP, text…): not decoded here. */
  | { readonly format: 'unknown' }
  /** Starts like a PNG or JPEG but its structure is broken, truncated or built to mislead a decoder. */
  | { readonly format: 'malformed'; readonly reason: string };

/** PNG's limit on either side (2^31 − 1). */
const PNG_MAX_SIDE = 0x7fffffff;
/** A real JPEG has a few dozen segments and at most a few dozen progressive scans; more is a CPU trap. */
const JPEG_MAX_SEGMENTS = 512;
const JPEG_MAX_SCANS = 64;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Channels of each PNG colour type: grey, RGB, palette, grey+alpha, RGBA; with the bit depths each allows. */
const PNG_COLOR_TYPES: ReadonlyMap<number, { channels: number; depths: readonly number[] }> = new Map([
  [0, { channels: 1, depths: [1, 2, 4, 8, 16] }],
  [2, { channels: 3, depths: [8, 16] }],
  [3, { channels: 1, depths: [1, 2, 4, 8] }],
  [4, { channels: 2, depths: [8, 16] }],
  [6, { channels: 4, depths: [8, 16] }],
]);

const malformed = (reason: string): ImageHeader => ({ format: 'malformed', reason });
const u16 = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const u32 = (bytes: Uint8Array, at: number): number => u16(bytes, at) * 0x10000 + u16(bytes, at + 2);
const isPng = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8;

export interface PngChunk {
  readonly type: string;
  /** Offset of the chunk's data (after its length and type). */
  readonly start: number;
  readonly length: number;
}

/**
 * The chunks of a PNG in order, up to and including IEND; a chunk whose declared length runs past the
 * end of the file is refused here rather than left for the decoder to trip over.
 */
export function pngChunks(bytes: Uint8Array): PngChunk[] | string {
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return 'a chunk header is cut off';
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (length > bytes.length - at - 12) return `the ${type} chunk says ${length} bytes but the file ends first`;
    chunks.push({ type, start: at + 8, length });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function readPngHeader(bytes: Uint8Array): ImageHeader {
  const chunks = pngChunks(bytes);
  if (typeof chunks === 'string') return malformed(chunks);
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR') return malformed('the first chunk is not IHDR');
  if (ihdr.length !== 13) return malformed(`IHDR is ${ihdr.length} bytes, not 13`);
  // pngjs takes a later IHDR as the real size, so a second one could smuggle in a bigger picture.
  if (chunks.some((chunk, i) => i > 0 && chunk.type === 'IHDR')) return malformed('more than one IHDR chunk');
  const width = u32(bytes, ihdr.start);
  const height = u32(bytes, ihdr.start + 4);
  if (width === 0 || height === 0) return malformed('a side of 0 pixels');
  if (width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) return malformed('a side longer than PNG allows');
  const depth = bytes[ihdr.start + 8] ?? 0;
  const color = PNG_COLOR_TYPES.get(bytes[ihdr.start + 9] ?? -1);
  if (color === undefined || !color.depths.includes(depth)) return malformed('an unknown colour type or bit depth');
  const interlace = bytes[ihdr.start + 12];
  if (interlace !== 0 && interlace !== 1) return malformed('an unknown interlace method');
  return { format: 'png', width, height, bitsPerPixel: depth * color.channels, interlaced: interlace === 1 };
}

/** SOF0–SOF15 start a frame; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers with no length after them: TEM and the restart markers RST0–RST7. */
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/** Offset of the marker that ends a scan's entropy-coded data (its 0xFF), or the file's end. */
function endOfScan(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 1 < bytes.length; at++) {
    if (bytes[at] !== 0xff) continue;
    const next = bytes[at + 1] ?? 0;
    // 0xFF00 is a stuffed data byte, RSTn sits inside the scan, 0xFFFF is fill before a marker.
    if (next !== 0x00 && !isStandalone(next) && next !== 0xff) return at;
  }
  return bytes.length;
}

function readJpegHeader(bytes: Uint8Array): ImageHeader {
  let frame: { width: number; height: number } | null = null;
  let scans = 0;
  let at = 2;
  for (let segments = 0; at < bytes.length; segments++) {
    if (segments >= JPEG_MAX_SEGMENTS) return malformed(`more than ${JPEG_MAX_SEGMENTS} segments`);
    // Strict where jpeg-js guesses at broken files: a guess could hide a frame or scan from this walk.
    if (bytes[at] !== 0xff) return malformed('data where a marker should be');
    while (bytes[at] === 0xff) at++;
    if (at >= bytes.length) return malformed('the file ends inside a marker');
    const marker = bytes[at++] ?? 0;
    if (marker === 0xd9) break;
    if (isStandalone(marker)) continue;
    if (marker === 0x00 || marker === 0xd8) return malformed('a marker out of place');
    if (at + 2 > bytes.length) return malformed('the file ends inside a segment length');
    const length = u16(bytes, at);
    if (length < 2) return malformed('a segment length below 2');
    if (at + length > bytes.length) return malformed('a segment length that runs past the end of the file');
    if (isStartOfFrame(marker)) {
      // One frame only: jpeg-js refuses more, but only after decoding the first.
      if (frame !== null) return malformed('more than one frame');
      const components = bytes[at + 7] ?? 0;
      if (components === 0 || length !== 8 + 3 * components) return malformed('a frame header of the wrong length');
      frame = { height: u16(bytes, at + 3), width: u16(bytes, at + 5) };
      if (frame.width === 0 || frame.height === 0) return malformed('a side of 0 pixels');
    }
    at += length;
    if (marker === 0xda) {
      if (frame === null) return malformed('a scan before the frame header');
      // Each progressive scan walks every block of the picture again: thousands of tiny ones are a CPU trap.
      if (++scans > JPEG_MAX_SCANS) return malformed(`more than ${JPEG_MAX_SCANS} scans`);
      at = endOfScan(bytes, at);
    }
  }
  return frame === null ? malformed('no frame header') : { format: 'jpeg', ...frame };
}

/** What the image is and how big it says it is, without decoding a pixel. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (isPng(bytes)) return readPngHeader(bytes);
  if (isJpeg(bytes)) return readJpegHeader(bytes);
  return { format: 'unknown' };
}
