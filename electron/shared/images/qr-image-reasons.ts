import type { ImageKindProblem } from './image-kind';
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, type RasterProblem } from './raster-image';
import type { SvgRasterProblem } from './svg-raster';

/**
 * The sentence a cashier reads when a provider's QR image is refused: what is wrong with it, in words,
 * never its contents. Each starts "The QR image", so a caller can name the provider before it.
 */

const count = (n: number): string => (n < 1e12 ? Math.round(n).toLocaleString('en-US') : 'over a trillion');
const BYTE_CAP = `${count(MAX_IMAGE_BYTES)} bytes (1 MiB)`;
const PIXEL_CAP = `${MAX_IMAGE_SIDE} × ${MAX_IMAGE_SIDE} pixels`;

export function kindReason(problem: ImageKindProblem): string {
  switch (problem.kind) {
    case 'mismatch':
      return `The QR image is ${problem.said} but its bytes are ${problem.is}; the terminal does not guess which is right.`;
    case 'compressed':
      return 'The QR image is gzip-compressed (svgz); the terminal reads only uncompressed SVG, because a small compressed file can unpack to gigabytes.';
    case 'not_image':
      return 'The QR image is not a PNG, JPEG or SVG picture.';
  }
}

export function rasterReason(problem: RasterProblem): string {
  switch (problem.kind) {
    case 'too_many_bytes':
      return `The QR image is ${count(problem.bytes)} bytes; the terminal takes at most ${BYTE_CAP}.`;
    case 'too_many_pixels':
      return `The QR image is ${count(problem.width)} × ${count(problem.height)} pixels; the terminal decodes at most ${PIXEL_CAP}.`;
    case 'not_raster':
    case 'unreadable':
      return 'The QR image is a broken PNG or JPEG, or one built to mislead a decoder.';
  }
}

export function svgReason(problem: SvgRasterProblem): string {
  switch (problem.kind) {
    case 'too_many_bytes':
      return `The QR image is ${count(problem.bytes)} bytes; the terminal takes at most ${BYTE_CAP}.`;
    case 'not_utf8':
      return 'The SVG QR image is not UTF-8 text.';
    case 'doctype':
      return 'The SVG QR image declares a document type; the terminal refuses those, because their entities can expand a small file into gigabytes.';
    case 'broken':
      return `The SVG QR image is cut off or its markup is broken: ${problem.detail}.`;
    case 'too_deep':
      return 'The SVG QR image nests its elements too deep for a drawing.';
    case 'not_svg':
      return `The SVG QR image is not SVG: ${problem.detail}.`;
    case 'external':
      return `The SVG QR image ${problem.detail}; the terminal draws only SVG that is complete in itself and runs nothing.`;
    case 'too_complex':
      return `The SVG QR image is too complex for a QR code: ${problem.detail}.`;
    case 'bad_size':
      return `The SVG QR image gives its ${problem.attribute} as "${problem.value}", which is not a positive size.`;
    case 'too_large':
      return `The SVG QR image would be ${count(problem.width)} × ${count(problem.height)} pixels when drawn large enough to scan; the terminal draws at most ${PIXEL_CAP}.`;
    case 'unreadable':
      return 'The SVG QR image could not be drawn: the renderer could not read it as SVG.';
  }
}
