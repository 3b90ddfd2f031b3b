import { pictureMediaType, routeImage, type ImageName } from './image-kind';
import { kindReason, rasterReason, svgReason } from './qr-image-reasons';
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
  /** Not shown at all: too big, broken, hostile, or not what its name says. `reason` is a sentence for the cashier. */
  | { readonly kind: 'refused'; readonly reason: string };

const NO_QR = 'No QR code could be read from the QR image, so it is shown as it is.';
const refused = (reason: string): QrImageReading => ({ kind: 'refused', reason });

function readSvg(bytes: Uint8Array): QrImageReading {
  const drawn = rasterizeSvg(bytes);
  if (!drawn.ok) return refused(svgReason(drawn.error));
  // Scanned at the size it was drawn to fit a largest-version QR at 4 pixels a module, not smaller.
  const payload = scanQr(drawn.value.image, MIN_SVG_RENDER_SIDE);
  if (payload !== null) return { kind: 'payload', payload };
  return { kind: 'picture', picture: { mediaType: 'image/png', bytes: drawn.value.png }, reason: NO_QR };
}

function readRaster(bytes: Uint8Array): QrImageReading {
  const decoded = decodeRaster(bytes);
  if (!decoded.ok) return refused(rasterReason(decoded.error));
  const payload = scanQr(decoded.value);
  if (payload !== null) return { kind: 'payload', payload };
  const mediaType = pictureMediaType(bytes);
  return mediaType === null ? refused(NO_QR) : { kind: 'picture', picture: { mediaType, bytes }, reason: NO_QR };
}

/**
 * Reads a QR image from outside. The decoder is picked from what the image is called (Content-Type,
 * file name) and what its bytes are, which must agree; every size is checked before any decoder runs.
 */
export function readQrImage(bytes: Uint8Array, name: ImageName): Promise<QrImageReading> {
  try {
    if (bytes.byteLength > MAX_IMAGE_BYTES) return Promise.resolve(refused(rasterReason({ kind: 'too_many_bytes', bytes: bytes.byteLength })));
    const route = routeImage(bytes, name);
    if (!route.ok) return Promise.resolve(refused(kindReason(route.error)));
    switch (route.value) {
      case 'svg':
        return Promise.resolve(readSvg(bytes));
      case 'raster':
        return Promise.resolve(readRaster(bytes));
      case 'other_picture': {
        const mediaType = pictureMediaType(bytes);
        const reason = 'The QR image is a GIF or WebP, which the terminal shows as it is rather than reading its QR code.';
        return Promise.resolve(mediaType === null ? refused(reason) : { kind: 'picture', picture: { mediaType, bytes }, reason });
      }
    }
  } catch {
    return Promise.resolve(refused('The QR image could not be read.'));
  }
}
