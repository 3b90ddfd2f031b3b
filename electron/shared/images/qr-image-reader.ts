import type { ImageReasonSaid } from '../../../app/i18n/said/payment-answers-image';
import { pictureMediaType, routeImage, type ImageName } from './image-kind';
import { GIF_OR_WEBP, NO_QR, kindRefusal, rasterRefusal, refusalFor, svgRefusal, type ImageRefusal } from './qr-image-reasons';
import { scanQr } from './qr-scan';
import { MAX_IMAGE_BYTES, decodeRaster } from './raster-image';
import { rasterizeSvg } from './svg-raster';
import { MIN_SVG_RENDER_SIDE } from './svg-size';

/**
 * A provider's QR image (PNG, JPEG or SVG; GIF and WebP shown as they are) read to the payload it
 * encodes, so the screens and the printer draw the QR themselves. When no payload can be read, the
 * picture to show instead, never SVG markup: an SVG is shown as the PNG it was drawn to.
 */

export type QrPictureType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export type QrImageReading =
  /** The QR's text: draw it natively. */
  | { readonly kind: 'payload'; readonly payload: string }
  /** No QR could be read; show this picture as it is, scaled without smoothing. `reason` says why. */
  | { readonly kind: 'picture'; readonly picture: { readonly mediaType: QrPictureType; readonly bytes: Uint8Array }; readonly reason: string }
  /** Not shown at all: too big, broken, hostile, or not what its name says. `reason` is the English sentence, `said` what it says. */
  | { readonly kind: 'refused'; readonly reason: string; readonly said: ImageReasonSaid };

const refused = ({ reason, said }: ImageRefusal): QrImageReading => ({ kind: 'refused', reason, said });

function readSvg(bytes: Uint8Array): QrImageReading {
  const drawn = rasterizeSvg(bytes);
  if (!drawn.ok) return refused(svgRefusal(drawn.error));
  // Scanned at the size it was drawn to fit a largest-version QR at 4 pixels a module, not smaller.
  const payload = scanQr(drawn.value.image, MIN_SVG_RENDER_SIDE);
  if (payload !== null) return { kind: 'payload', payload };
  return { kind: 'picture', picture: { mediaType: 'image/png', bytes: drawn.value.png }, reason: NO_QR };
}

function readRaster(bytes: Uint8Array): QrImageReading {
  const decoded = decodeRaster(bytes);
  if (!decoded.ok) return refused(rasterRefusal(decoded.error));
  const payload = scanQr(decoded.value);
  if (payload !== null) return { kind: 'payload', payload };
  const mediaType = pictureMediaType(bytes);
  return mediaType === null ? refused(refusalFor({ kind: 'no_qr' })) : { kind: 'picture', picture: { mediaType, bytes }, reason: NO_QR };
}

/**
 * Reads a QR image from outside. The decoder is picked from what the image is called (Content-Type,
 * file name) and what its bytes are, which must agree; every size is checked before any decoder runs.
 */
export function readQrImage(bytes: Uint8Array, name: ImageName): Promise<QrImageReading> {
  try {
    if (bytes.byteLength > MAX_IMAGE_BYTES) return Promise.resolve(refused(rasterRefusal({ kind: 'too_many_bytes', bytes: bytes.byteLength })));
    const route = routeImage(bytes, name);
    if (!route.ok) return Promise.resolve(refused(kindRefusal(route.error)));
    switch (route.value) {
      case 'svg':
        return Promise.resolve(readSvg(bytes));
      case 'raster':
        return Promise.resolve(readRaster(bytes));
      case 'other_picture': {
        const mediaType = pictureMediaType(bytes);
        return Promise.resolve(mediaType === null ? refused(refusalFor({ kind: 'gif_or_webp' })) : { kind: 'picture', picture: { mediaType, bytes }, reason: GIF_OR_WEBP });
      }
    }
  } catch {
    return Promise.resolve(refused(refusalFor({ kind: 'unread' })));
  }
}
