import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, decodeRaster } from '../../electron/shared/images/raster-image';
import { revealPngBase64 } from '../../electron/service/providers/reveal-image';
import { blackPng, ihdr, jpegClaiming, pngChunk, pngOf, realJpeg, zeroRows } from '../support/image-bytes';
import { deflateSync } from 'node:zlib';

/**
 * Both ways an image from outside is decoded (Opn's QR, a picture the cashier pastes for a reveal)
 * pass one size check on the header first: a decoder never sees a picture bigger than the cap.
 */
let pngRead: MockInstance<typeof PNG.sync.read>;
let jpegDecode: MockInstance<typeof jpeg.decode>;
beforeEach(() => {
  pngRead = vi.spyOn(PNG.sync, 'read');
  jpegDecode = vi.spyOn(jpeg, 'decode');
});
afterEach(() => vi.restoreAllMocks());

const expectNoDecoderCalled = () => {
  expect(pngRead).not.toHaveBeenCalled();
  expect(jpegDecode).not.toHaveBeenCalled();
};
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A valid small PNG made big on the wire by an ancillary chunk no decoder needs. */
const paddedPng = (size: number) => {
  const small = new PNG({ width: 64, height: 64 });
  small.data.fill(255);
  const bytes = PNG.sync.write(small);
  const iend = bytes.length - 12;
  return Buffer.concat([bytes.subarray(0, iend), pngChunk('zzZZ', Buffer.alloc(size - bytes.length - 12)), bytes.subarray(iend)]);
};

describe('a picture whose header is over the cap is refused before decoding', () => {
  const huge = blackPng(12_000, 12_000);

  it('is a few KB that would decode to 576 MB', () => {
    expect(huge.length).toBeLessThan(32 * 1024);
  });

  it('decodeQrImage: a 12000 × 12000 PNG gives no QR, without pngjs reading it', async () => {
    expect(await decodeQrImage(huge, 'image/png')).toBeNull();
    expectNoDecoderCalled();
  });

  it('revealPngBase64: a 12000 × 12000 PNG is too many pixels, not sent to Orangepill as it is', () => {
    expect(revealPngBase64(base64(huge))).toEqual({ ok: false, error: { kind: 'too_many_pixels', width: 12_000, height: 12_000 } });
    expectNoDecoderCalled();
  });

  it('a JPEG whose frame header says 30000 × 30000 is refused the same way', async () => {
    const claim = jpegClaiming(30_000, 30_000);
    expect(await decodeQrImage(claim, 'image/jpeg')).toBeNull();
    expect(revealPngBase64(base64(claim))).toEqual({ ok: false, error: { kind: 'too_many_pixels', width: 30_000, height: 30_000 } });
    expectNoDecoderCalled();
  });

  it('one pixel over the cap is over; the cap itself decodes (PNG and colour JPEG)', async () => {
    const over = blackPng(MAX_IMAGE_SIDE + 1, MAX_IMAGE_SIDE);
    expect(revealPngBase64(base64(over))).toEqual({ ok: false, error: { kind: 'too_many_pixels', width: MAX_IMAGE_SIDE + 1, height: MAX_IMAGE_SIDE } });
    expect(await decodeQrImage(over, 'image/png')).toBeNull();
    expectNoDecoderCalled();

    expect(decodeRaster(blackPng(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))).toMatchObject({ ok: true, value: { width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE } });
    // jpeg-js's own memory guard, kept behind the header check, must not refuse what the cap lets in.
    const side = MAX_IMAGE_SIDE;
    const colour = Buffer.alloc(side * side * 4, 255);
    for (let i = 0; i < side * side; i++) colour.set([i % side >> 3, i / side / 8, (i % 251) * 1.01], i * 4);
    const photo = Buffer.from(jpeg.encode({ data: colour, width: side, height: side }, 50).data);
    expect(photo.length).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
    expect(decodeRaster(photo)).toMatchObject({ ok: true, value: { width: side, height: side } });
  });

  it('a file over the byte cap is refused unread, whatever its header says', async () => {
    const padded = paddedPng(MAX_IMAGE_BYTES + 1);
    expect(await decodeQrImage(padded, 'image/png')).toBeNull();
    expect(revealPngBase64(base64(padded))).toEqual({ ok: false, error: { kind: 'too_many_bytes', bytes: MAX_IMAGE_BYTES + 1 } });
    expectNoDecoderCalled();
    expect(decodeRaster(paddedPng(MAX_IMAGE_BYTES))).toMatchObject({ ok: true, value: { width: 64 } });
  });
});

describe('pictures whose structure is broken or built to mislead are refused unread', () => {
  it.each([
    ['a PNG whose first chunk is not IHDR', pngOf(pngChunk('tEXt', Buffer.from('x')), ihdr({ width: 8, height: 8 }))],
    ['a PNG that grows a second, huge IHDR', pngOf(ihdr({ width: 8, height: 8 }), ihdr({ width: 12_000, height: 12_000 }), pngChunk('IDAT', deflateSync(zeroRows(8, 8, 8))))],
    ['a PNG of width 0', pngOf(ihdr({ width: 0, height: 8 }))],
    ['a truncated PNG header', blackPng(8, 8).subarray(0, 20)],
    ['a JPEG of height 0', jpegClaiming(16, 0)],
    ['a truncated JPEG header', realJpeg(16, 16).subarray(0, 30)],
  ])('%s', async (_name, bytes) => {
    expect(await decodeQrImage(bytes, 'image/png')).toBeNull();
    expect(revealPngBase64(base64(bytes))).toEqual({ ok: false, error: { kind: 'unreadable' } });
    expectNoDecoderCalled();
  });

  it('an interlaced PNG whose data inflates past its size (a zip bomb behind a small IHDR)', async () => {
    // pngjs inflates interlaced data whole, unbounded: 8 × 8 pixels carrying 16 MiB of zeros.
    const bomb = blackPng(8, 8, { depth: 8, interlace: 1, extraRawBytes: 16 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await decodeQrImage(bomb, 'image/png')).toBeNull();
    expect(revealPngBase64(base64(bomb))).toEqual({ ok: false, error: { kind: 'unreadable' } });
    expectNoDecoderCalled();
    expect(decodeRaster(blackPng(8, 8, { depth: 8, interlace: 1, extraRawBytes: 1 }))).toEqual({ ok: false, error: { kind: 'unreadable' } });
  });

  it.each([
    [1, 1, 8],
    [3, 5, 1],
    [9, 9, 8],
    [33, 17, 16],
  ])('a true interlaced %i × %i PNG (%i-bit) still decodes', (width, height, depth) => {
    expect(decodeRaster(blackPng(width, height, { depth, interlace: 1 }))).toMatchObject({ ok: true, value: { width, height } });
  });
});

describe('what is not decoded here, and what still is', () => {
  it('SVG goes to the SVG gate, never to pngjs or jpeg-js: a black square has no QR, and is unreadable for a reveal', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>');
    expect(await decodeQrImage(svg, 'image/svg+xml')).toBeNull();
    expect(revealPngBase64(base64(svg))).toEqual({ ok: false, error: { kind: 'unreadable' } });
    expect(decodeRaster(svg)).toEqual({ ok: false, error: { kind: 'not_raster' } });
    expectNoDecoderCalled();
  });

  it('garbage bytes are no image', async () => {
    const garbage = Buffer.from('definitely not a picture, just text');
    expect(await decodeQrImage(garbage, 'image/png')).toBeNull();
    expect(revealPngBase64(base64(garbage))).toEqual({ ok: false, error: { kind: 'unreadable' } });
    expectNoDecoderCalled();
  });

  it('a provider\'s QR decodes as a PNG and as a JPEG', async () => {
    const png = await QRCode.toBuffer('chrg_test_5xyz', { type: 'png', width: 300, margin: 4 });
    expect(await decodeQrImage(png, 'image/png')).toBe('chrg_test_5xyz');
    const image = PNG.sync.read(png);
    const photo = Buffer.from(jpeg.encode({ data: image.data, width: image.width, height: image.height }, 90).data);
    expect(await decodeQrImage(photo, 'image/jpeg')).toBe('chrg_test_5xyz');
  });

  it('a big, dense QR is averaged down before jsQR and still decodes', async () => {
    const payload = `https://pay.example/${'x'.repeat(400)}`;
    const png = await QRCode.toBuffer(payload, { type: 'png', width: MAX_IMAGE_SIDE, margin: 4 });
    expect(await decodeQrImage(png, 'image/png')).toBe(payload);
  });
});
