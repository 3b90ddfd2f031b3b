import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { readImageHeader } from '../../electron/shared/images/image-header';
import {
  SCAN_PAYLOAD,
  blackPng,
  framePayload,
  ihdr,
  jpegClaiming,
  jpegSegment,
  pngChunk,
  pngOf,
  realJpeg,
} from '../support/image-bytes';

/** Width, height and format from the bytes alone: what the size check before any decode relies on. */

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const jpegOf = (...parts: number[][]): Buffer => Buffer.from([...SOI, ...parts.flat(), ...EOI]);
const sof0 = (width: number, height: number) => jpegSegment(0xc0, framePayload(width, height));
const sos = () => jpegSegment(0xda, SCAN_PAYLOAD);

function realPng(width: number, height: number, colorType: 0 | 2 | 4 | 6, bitDepth: 8 | 16): Buffer {
  const png = new PNG({ width, height, colorType, bitDepth, inputColorType: 6, inputHasAlpha: true });
  png.data.fill(128);
  return PNG.sync.write(png, { colorType, bitDepth, inputColorType: 6, inputHasAlpha: true });
}

describe('readImageHeader: PNG', () => {
  it.each([
    [37, 21, 0, 8, 8],
    [5, 300, 2, 8, 24],
    [64, 1, 4, 16, 32],
    [3, 3, 6, 16, 64],
  ] as const)('reads a real %i × %i PNG (colour type %i, %i-bit) from pngjs', (width, height, colorType, depth, bitsPerPixel) => {
    expect(readImageHeader(realPng(width, height, colorType, depth))).toEqual({ format: 'png', width, height, bitsPerPixel, interlaced: false });
  });

  it('reads 12000 × 12000 from a file of a few KB, and an interlaced one as interlaced', () => {
    const huge = blackPng(12_000, 12_000);
    expect(huge.length).toBeLessThan(32 * 1024);
    expect(readImageHeader(huge)).toEqual({ format: 'png', width: 12_000, height: 12_000, bitsPerPixel: 1, interlaced: false });
    expect(readImageHeader(blackPng(9, 9, { interlace: 1, depth: 8 }))).toMatchObject({ format: 'png', interlaced: true });
  });

  it.each([
    ['the signature alone', pngOf().subarray(0, 8), 'first chunk is not IHDR'],
    ['a cut-off IHDR', pngOf(ihdr({ width: 10, height: 10 })).subarray(0, 20), 'IHDR chunk says 13 bytes but the file ends first'],
    ['IHDR without its CRC', pngOf(ihdr({ width: 10, height: 10 })).subarray(0, 29), 'IHDR chunk says 13 bytes but the file ends first'],
    ['a chunk longer than the file', Buffer.concat([pngOf(ihdr({ width: 10, height: 10 })).subarray(0, 33), Buffer.from([0, 0x10, 0, 0, 0x49, 0x44, 0x41, 0x54, 1, 2, 3, 4, 5, 6])]), 'IDAT chunk says 1048576 bytes but the file ends first'],
    ['a first chunk that is not IHDR', pngOf(pngChunk('tEXt', Buffer.from('a\0b')), ihdr({ width: 10, height: 10 })), 'first chunk is not IHDR'],
    ['no IHDR at all', pngOf(pngChunk('IDAT', Buffer.alloc(4))), 'first chunk is not IHDR'],
    ['an IHDR of 12 bytes', pngOf(pngChunk('IHDR', ihdr({ width: 10, height: 10 }).subarray(8, 20))), 'IHDR is 12 bytes, not 13'],
    ['an IHDR of 17 bytes', pngOf(pngChunk('IHDR', Buffer.concat([ihdr({ width: 10, height: 10 }).subarray(8, 21), Buffer.alloc(4)]))), 'IHDR is 17 bytes, not 13'],
    ['a second IHDR claiming more', pngOf(ihdr({ width: 10, height: 10 }), ihdr({ width: 12_000, height: 12_000 })), 'more than one IHDR'],
    ['a width of 0', pngOf(ihdr({ width: 0, height: 10 })), 'side of 0 pixels'],
    ['a height of 0', pngOf(ihdr({ width: 10, height: 0 })), 'side of 0 pixels'],
    ['a side of 2^31', pngOf(ihdr({ width: 2 ** 31, height: 1 })), 'side longer than PNG allows'],
    ['colour type 2 at 4 bits', pngOf(ihdr({ width: 10, height: 10, colorType: 2, depth: 4 })), 'unknown colour type or bit depth'],
    ['colour type 5', pngOf(ihdr({ width: 10, height: 10, colorType: 5 })), 'unknown colour type or bit depth'],
    ['interlace method 2', pngOf(ihdr({ width: 10, height: 10, interlace: 2 })), 'unknown interlace method'],
  ])('refuses a PNG with %s as malformed', (_name, bytes, reason) => {
    expect(readImageHeader(bytes)).toEqual({ format: 'malformed', reason: expect.stringContaining(reason) as unknown });
  });
});

describe('readImageHeader: JPEG', () => {
  it.each([
    [37, 21],
    [1, 480],
  ])('reads a real %i × %i JPEG from jpeg-js', (width, height) => {
    expect(readImageHeader(realJpeg(width, height))).toEqual({ format: 'jpeg', width, height });
  });

  it('reads what the frame header says, even 30000 × 30000', () => {
    expect(readImageHeader(jpegClaiming(30_000, 30_000))).toEqual({ format: 'jpeg', width: 30_000, height: 30_000 });
  });

  it('steps over fill bytes, TEM, and DHT, JPG and DAC segments that share the SOF range', () => {
    const decoy = framePayload(60_000, 60_000);
    const bytes = jpegOf([0xff, 0xff, 0xff], [0xff, 0x01], jpegSegment(0xc4, decoy), jpegSegment(0xc8, decoy), jpegSegment(0xcc, decoy), sof0(640, 480));
    expect(readImageHeader(bytes)).toEqual({ format: 'jpeg', width: 640, height: 480 });
  });

  it('takes any SOFn (here SOF2 and SOF15) as the frame', () => {
    expect(readImageHeader(jpegOf(jpegSegment(0xc2, framePayload(3, 4))))).toEqual({ format: 'jpeg', width: 3, height: 4 });
    expect(readImageHeader(jpegOf(jpegSegment(0xcf, framePayload(5, 6))))).toEqual({ format: 'jpeg', width: 5, height: 6 });
  });

  it('walks past a scan\'s data, its stuffed bytes and restart markers, to the end of the image', () => {
    const scanData = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78];
    expect(readImageHeader(jpegOf(sof0(8, 8), sos(), scanData))).toEqual({ format: 'jpeg', width: 8, height: 8 });
  });

  const manySegments = Array.from({ length: 600 }, () => jpegSegment(0xfe, [0x41]));
  const manyScans = Array.from({ length: 65 }, () => [...sos(), 0x00]);
  it.each([
    ['only SOI', Buffer.from(SOI), 'no frame header'],
    ['the end of the image before any frame', jpegOf(), 'no frame header'],
    ['a frame header cut off', Buffer.from([...SOI, ...sof0(10, 10)]).subarray(0, 9), 'runs past the end of the file'],
    ['a segment length cut off', Buffer.from([...SOI, 0xff, 0xe0, 0x00]), 'ends inside a segment length'],
    ['a segment length past the end of the file', Buffer.from([...SOI, 0xff, 0xe0, 0x40, 0x00, 1, 2, 3]), 'runs past the end of the file'],
    ['a segment length below 2', jpegOf([0xff, 0xe0, 0x00, 0x01], sof0(10, 10)), 'segment length below 2'],
    ['a marker byte missing at the end', Buffer.from([...SOI, 0xff]), 'ends inside a marker'],
    ['data where a marker should be', jpegOf([0x00, 0x11], sof0(10, 10)), 'data where a marker should be'],
    ['a second SOI', jpegOf([0xff, 0xd8], sof0(10, 10)), 'marker out of place'],
    ['a scan before the frame', jpegOf(sos(), sof0(10, 10)), 'scan before the frame header'],
    ['a width of 0', jpegOf(sof0(0, 10)), 'side of 0 pixels'],
    ['a height of 0 (left for a DNL segment)', jpegOf(sof0(10, 0)), 'side of 0 pixels'],
    ['a frame header of the wrong length', jpegOf(jpegSegment(0xc0, [...framePayload(10, 10), 0])), 'frame header of the wrong length'],
    ['a frame of no components', jpegOf(jpegSegment(0xc0, [8, 0, 10, 0, 10, 0])), 'frame header of the wrong length'],
    ['a small frame then a huge one', jpegOf(sof0(16, 16), sos(), [0x00], sof0(30_000, 30_000), sos(), [0x00]), 'more than one frame'],
    ['600 comment segments', jpegOf(...manySegments, sof0(10, 10)), 'more than 512 segments'],
    ['65 scans', jpegOf(sof0(4096, 4096), ...manyScans), 'more than 64 scans'],
  ])('refuses a JPEG with %s as malformed', (_name, bytes, reason) => {
    expect(readImageHeader(bytes)).toEqual({ format: 'malformed', reason: expect.stringContaining(reason) as unknown });
  });

  it('still takes a progressive JPEG of 64 scans', () => {
    expect(readImageHeader(jpegOf(sof0(10, 10), ...manyScans.slice(1)))).toEqual({ format: 'jpeg', width: 10, height: 10 });
  });
});

describe('readImageHeader: anything else', () => {
  it.each([
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="99999" height="99999"/>')],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['garbage', Buffer.from([0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff])],
    ['a PNG signature off by one byte', Buffer.concat([Buffer.from([0x88]), pngOf(ihdr({ width: 1, height: 1 })).subarray(1)])],
    ['nothing', Buffer.alloc(0)],
    ['one 0xFF byte', Buffer.from([0xff])],
  ])('says %s is unknown: not decoded here', (_name, bytes) => {
    expect(readImageHeader(bytes)).toEqual({ format: 'unknown' });
  });
});
