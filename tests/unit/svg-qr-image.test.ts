import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { readQrImage, type QrImageReading } from '../../electron/shared/images/qr-image-reader';
import { MAX_IMAGE_SIDE } from '../../electron/shared/images/raster-image';
import { checkSvg } from '../../electron/shared/images/svg-gate';
import { MIN_SVG_RENDER_SIDE } from '../../electron/shared/images/svg-size';
import { blackPng } from '../support/image-bytes';

/**
 * PromptPay's QR comes as `qrcode.svg`: drawn with resvg at a scale that gives each module at least
 * 4 pixels, then read with jsQR like a PNG, so the screens draw the QR themselves.
 */

/** A Thai QR (EMVCo) payload of the kind PromptPay encodes. */
const PROMPTPAY = '00020101021230830016A00000067701011201150105560068127280214KB0000012345670320KPS004KB0000012345675303764540520.005802TH6304ABCD';
const NAMED_SVG = { filename: 'qrcode.svg', contentType: 'image/svg+xml' } as const;

const payloadOf = (reading: QrImageReading) => (reading.kind === 'payload' ? reading.payload : reading);

/** The dark modules of a QR as one <rect> each, the way a hand-written or older generator draws them. */
function rectSvg(payload: string, open: (side: number) => string, module = 1): string {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const rects: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) rects.push(`<rect x="${(col + 4) * module}" y="${(row + 4) * module}" width="${module}" height="${module}"/>`);
    }
  }
  const side = (modules.size + 8) * module;
  return `${open(side)}<rect width="100%" height="100%" fill="#fff"/><g fill="#000">${rects.join('')}</g></svg>`;
}
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg"';

describe('an SVG QR is read to its payload', () => {
  it('as the qrcode package draws it (one path, viewBox only), through readQrImage and the old decodeQrImage', async () => {
    const svg = Buffer.from(await QRCode.toString(PROMPTPAY, { type: 'svg' }));
    const root = /^<svg [^>]*>/.exec(svg.toString())?.[0];
    expect(root).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(root).not.toMatch(/width=/);
    expect(await readQrImage(svg, NAMED_SVG)).toEqual({ kind: 'payload', payload: PROMPTPAY });
    expect(await decodeQrImage(svg, 'image/svg+xml')).toBe(PROMPTPAY);
  });

  it('as the qrcode package draws it with a width, and with no name given', async () => {
    const svg = Buffer.from(await QRCode.toString(PROMPTPAY, { type: 'svg', width: 300, margin: 2 }));
    expect(payloadOf(await readQrImage(svg, {}))).toBe(PROMPTPAY);
  });

  it('as hand-written module rects, 1 and 10 user units a module', async () => {
    const small = rectSvg(PROMPTPAY, (side) => `${SVG_OPEN} width="${side}" height="${side}">`);
    const large = rectSvg(PROMPTPAY, (side) => `${SVG_OPEN} width="${side}" height="${side}" viewBox="0 0 ${side} ${side}">`, 10);
    expect(payloadOf(await readQrImage(Buffer.from(small), NAMED_SVG))).toBe(PROMPTPAY);
    expect(payloadOf(await readQrImage(Buffer.from(large), NAMED_SVG))).toBe(PROMPTPAY);
  });

  it.each([
    ['viewBox only', (side: number) => `${SVG_OPEN} viewBox="0 0 ${side} ${side}">`],
    ['millimetres', (side: number) => `${SVG_OPEN} width="40mm" height="40mm" viewBox="0 0 ${side} ${side}">`],
    ['points', (side: number) => `${SVG_OPEN} width="120pt" height="120pt" viewBox="0 0 ${side} ${side}">`],
    ['percentages of the viewBox', (side: number) => `${SVG_OPEN} width="100%" height="100%" viewBox="0 0 ${side} ${side}">`],
    ['inches and centimetres', (side: number) => `${SVG_OPEN} width="2in" height="5.08cm" viewBox="0 0 ${side} ${side}">`],
    ['a prefixed root', (side: number) => `<svg:svg xmlns:svg="http://www.w3.org/2000/svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}">`],
  ])('sized in %s', async (_name, open) => {
    const svg = rectSvg(PROMPTPAY, open).replace(/<\/svg>$/, open(1).startsWith('<svg:svg') ? '</svg:svg>' : '</svg>');
    expect(payloadOf(await readQrImage(Buffer.from(svg), NAMED_SVG))).toBe(PROMPTPAY);
  });

  it('after a BOM, an XML declaration and comments, with CRLF line ends', async () => {
    const body = await QRCode.toString(PROMPTPAY, { type: 'svg' });
    const svg = `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<!-- Generator: a QR service -->\r\n${body}\r\n<!-- end -->\r\n`;
    expect(Buffer.from(svg).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(payloadOf(await readQrImage(Buffer.from(svg), NAMED_SVG))).toBe(PROMPTPAY);
  });

  it('the densest QR (version 40) still reads, its modules drawn at 4 pixels or more', async () => {
    const payload = `https://pay.example/${'x'.repeat(2300)}`;
    const svg = Buffer.from(await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'L', version: 40 }));
    expect(/viewBox="([^"]*)"/.exec(svg.toString())?.[1]).toBe('0 0 185 185');
    const checked = checkSvg(svg);
    expect(checked).toMatchObject({ ok: true, value: { plan: { zoom: 4, width: 740, height: 740 } } });
    expect(MIN_SVG_RENDER_SIDE / 185).toBe(4);
    expect(payloadOf(await readQrImage(svg, NAMED_SVG))).toBe(payload);
  });
});

describe('the scale an SVG is drawn at', () => {
  it.each([
    ['a 37-unit viewBox', 'viewBox="0 0 37 37"', 20, 740, 740],
    ['100 × 100 px', 'width="100" height="100"', 8, 800, 800],
    ['no size at all (resvg takes 100 × 100)', '', 8, 800, 800],
    ['1000 × 1000 px, already big enough', 'width="1000" height="1000"', 1, 1000, 1000],
    ['the cap itself', `width="${MAX_IMAGE_SIDE}" height="${MAX_IMAGE_SIDE}"`, 1, MAX_IMAGE_SIDE, MAX_IMAGE_SIDE],
    ['37 mm (139.8 px)', 'width="37mm" height="37mm"', 6, 840, 840],
    ['a tall 300 × 600', 'width="300" height="600"', 3, 900, 1800],
  ])('%s [%s]: zoom %i, %i × %i pixels', (_name, attributes, zoom, width, height) => {
    const svg = Buffer.from(`${SVG_OPEN} ${attributes}><rect width="1" height="1"/></svg>`);
    expect(checkSvg(svg)).toMatchObject({ ok: true, value: { plan: { zoom, width, height } } });
  });
});

describe('when no payload can be read, the picture is shown instead, as today for a PNG', () => {
  it('an SVG with no QR becomes the PNG it was drawn to (never markup), on white, at the planned size', async () => {
    const svg = Buffer.from(`${SVG_OPEN} viewBox="0 0 37 37"><rect x="10" y="10" width="5" height="5" fill="#000"/></svg>`);
    const reading = await readQrImage(svg, NAMED_SVG);
    expect(reading).toMatchObject({ kind: 'picture', picture: { mediaType: 'image/png' }, reason: expect.stringContaining('No QR code could be read') as unknown });
    if (reading.kind !== 'picture') return;
    const picture = PNG.sync.read(Buffer.from(reading.picture.bytes));
    expect([picture.width, picture.height]).toEqual([740, 740]);
    const at = (x: number, y: number) => [...picture.data.subarray((y * 740 + x) * 4, (y * 740 + x) * 4 + 4)];
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(at(250, 250)).toEqual([0, 0, 0, 255]);
    expect(await decodeQrImage(svg, 'image/svg+xml')).toBeNull();
  });

  it('a PNG or JPEG with no QR is shown as its own bytes', async () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);
    const png = PNG.sync.write(blank);
    expect(await readQrImage(png, { filename: 'qrcode.png' })).toMatchObject({ kind: 'picture', picture: { mediaType: 'image/png', bytes: png } });
    const photo = Buffer.from(jpeg.encode({ data: blank.data, width: 64, height: 64 }, 80).data);
    expect(await readQrImage(photo, { filename: 'qrcode.jpg' })).toMatchObject({ kind: 'picture', picture: { mediaType: 'image/jpeg', bytes: photo } });
  });

  it('a GIF is shown as it is, not read', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await readQrImage(gif, { contentType: 'image/gif' })).toMatchObject({ kind: 'picture', picture: { mediaType: 'image/gif', bytes: gif } });
  });

  it('PNG and JPEG QRs read as before, a JPEG named qrcode.jpg included', async () => {
    const png = await QRCode.toBuffer('chrg_test_5xyz', { type: 'png', width: 300, margin: 4 });
    expect(await readQrImage(png, { filename: 'qrcode.png', contentType: 'image/png' })).toEqual({ kind: 'payload', payload: 'chrg_test_5xyz' });
    const image = PNG.sync.read(png);
    const photo = Buffer.from(jpeg.encode({ data: image.data, width: image.width, height: image.height }, 90).data);
    expect(await readQrImage(photo, { filename: 'qrcode.jpg' })).toEqual({ kind: 'payload', payload: 'chrg_test_5xyz' });
  });

  it('a raster picture over the pixel cap is refused with a sentence, not shown', async () => {
    expect(await readQrImage(blackPng(12_000, 12_000), { filename: 'qrcode.png' })).toEqual({
      kind: 'refused',
      reason: 'The QR image is 12,000 × 12,000 pixels; the terminal decodes at most 2048 × 2048 pixels.',
      said: { kind: 'too_many_pixels', width: 12_000, height: 12_000, maxSide: 2048 },
    });
  });
});
