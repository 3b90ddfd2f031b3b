import type { QrImageDecoder } from '../../../app/providers/opn/opn-qr';
import { readQrImage } from './qr-image-reader';

export { MAX_QR_SCAN_SIDE } from './qr-scan';

/**
 * Decodes the QR in a provider's image (PNG, JPEG or SVG) to its text, so the screens can render it
 * natively. Null when the image is refused, cannot be read or holds no QR. The format comes from the
 * bytes, checked against `contentType`; readQrImage also gives the picture to show instead, or the reason.
 */
export const decodeQrImage: QrImageDecoder = async (bytes, contentType) => {
  const reading = await readQrImage(bytes, { contentType });
  return reading.kind === 'payload' ? reading.payload : null;
};
