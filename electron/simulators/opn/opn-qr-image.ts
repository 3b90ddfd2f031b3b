import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { OpnQrFormat } from './opn-sim-methods';

/** What the QR document download serves: a real QR, a blank image (nothing to decode), or far too much. */
export const OPN_QR_IMAGE_MODES = ['qr', 'blank', 'oversized'] as const;
export type OpnQrImageMode = (typeof OPN_QR_IMAGE_MODES)[number];

/** More than the terminal accepts for a QR image (512 KB). */
const OVERSIZED_BYTES = 600 * 1024;

export const QR_CONTENT_TYPES: Readonly<Record<OpnQrFormat, string>> = { png: 'image/png', svg: 'image/svg+xml' };

/** The document's file name, as Opn names it: Atome's `qrcode.jpg` [doc], PromptPay's `qrcode.svg` [code]. */
export const qrFilename = (format: OpnQrFormat): string => `qrcode.${format}`;

/** The format a document serves, read back from its file name. */
export const qrFormatOf = (filename: string): OpnQrFormat => (filename.endsWith('.svg') ? 'svg' : 'png');

function blankPng(): Buffer {
  const png = new PNG({ width: 240, height: 240 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

const BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path fill="#ffffff" d="M0 0h29v29H0z"/></svg>';

/** An SVG that is a valid picture (a comment pads it) yet far larger than a QR needs. */
const oversizedSvg = (): Buffer =>
  Buffer.from(BLANK_SVG.replace('</svg>', `<!-- ${randomBytes(OVERSIZED_BYTES / 2).toString('hex')} --></svg>`), 'utf8');

async function qrPng(payload: string, mode: OpnQrImageMode): Promise<Buffer> {
  switch (mode) {
    case 'qr':
      return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
    case 'blank':
      return blankPng();
    case 'oversized':
      return Buffer.concat([blankPng(), randomBytes(OVERSIZED_BYTES)]);
  }
}

/** The `qrcode` package's SVG output: a white square and one path of dark modules. */
async function qrSvg(payload: string, mode: OpnQrImageMode): Promise<Buffer> {
  switch (mode) {
    case 'qr':
      return Buffer.from(await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }), 'utf8');
    case 'blank':
      return Buffer.from(BLANK_SVG, 'utf8');
    case 'oversized':
      return oversizedSvg();
  }
}

/** The bytes of a charge's QR document in the given format and mode. */
export function qrImage(payload: string, mode: OpnQrImageMode, format: OpnQrFormat = 'png'): Promise<Buffer> {
  return format === 'svg' ? qrSvg(payload, mode) : qrPng(payload, mode);
}
