import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/** What the QR document download serves: a real QR, a blank image (nothing to decode), or far too much. */
export const OPN_QR_IMAGE_MODES = ['qr', 'blank', 'oversized'] as const;
export type OpnQrImageMode = (typeof OPN_QR_IMAGE_MODES)[number];

/** More than the terminal accepts for a QR image (512 KB). */
const OVERSIZED_BYTES = 600 * 1024;

function blankPng(): Buffer {
  const png = new PNG({ width: 240, height: 240 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

/** The PNG for a charge's QR document, in the given mode. */
export async function qrImage(payload: string, mode: OpnQrImageMode): Promise<Buffer> {
  switch (mode) {
    case 'qr':
      return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
    case 'blank':
      return blankPng();
    case 'oversized':
      return Buffer.concat([blankPng(), randomBytes(OVERSIZED_BYTES)]);
  }
}

/** A realistic Atome QR payload: a pay link on the country's Atome domain, unique to the charge. */
export function atomeQrPayload(chargeId: string, currency: string): string {
  return `https://qr.atome.${currency === 'MYR' ? 'my' : 'sg'}/pay/${chargeId}`;
}
