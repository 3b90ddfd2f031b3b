import type { ImageBytesWhat, ImageCount, ImageReasonSaid } from '../../../../app/i18n/said/payment-answers-image';
import type { SaidWordsFor } from '../said';

const count = (n: ImageCount): string => (n === null ? 'over a trillion' : n.toLocaleString('en-US'));
const MIB = 1024 * 1024;

const IS: Readonly<Record<ImageBytesWhat, string>> = {
  png: 'a PNG picture',
  jpeg: 'a JPEG picture',
  gif: 'a GIF picture',
  webp: 'a WebP picture',
  svg: 'SVG markup',
  gzip: 'gzip-compressed data',
  unknown: 'not a picture',
};

/** Why the terminal's QR image reader refused a provider's QR image (app/i18n/said/payment-answers-image.ts); each starts "The ". */
export const imageReasons: SaidWordsFor<ImageReasonSaid> = {
  type_mismatch: ({ claimedBy, claimed, is }) =>
    `The QR image is ${claimedBy === 'content_type' ? 'served as' : 'named'} ${claimed} but its bytes are ${IS[is]}; the terminal does not guess which is right.`,
  compressed: () =>
    'The QR image is gzip-compressed (svgz); the terminal reads only uncompressed SVG, because a small compressed file can unpack to gigabytes.',
  not_image: () => 'The QR image is not a PNG, JPEG or SVG picture.',
  too_many_bytes: ({ bytes, maxBytes }) => `The QR image is ${count(bytes)} bytes; the terminal takes at most ${count(maxBytes)} bytes (${maxBytes / MIB} MiB).`,
  too_many_pixels: ({ width, height, maxSide }) =>
    `The QR image is ${count(width)} × ${count(height)} pixels; the terminal decodes at most ${maxSide} × ${maxSide} pixels.`,
  broken_raster: () => 'The QR image is a broken PNG or JPEG, or one built to mislead a decoder.',
  svg_not_utf8: () => 'The SVG QR image is not UTF-8 text.',
  svg_doctype: () =>
    'The SVG QR image declares a document type; the terminal refuses those, because their entities can expand a small file into gigabytes.',
  svg_broken: ({ detail }) => `The SVG QR image is cut off or its markup is broken: ${detail}.`,
  svg_too_deep: () => 'The SVG QR image nests its elements too deep for a drawing.',
  svg_not_svg: ({ detail }) => `The SVG QR image is not SVG: ${detail}.`,
  svg_external: ({ detail }) => `The SVG QR image ${detail}; the terminal draws only SVG that is complete in itself and runs nothing.`,
  svg_too_complex: ({ detail }) => `The SVG QR image is too complex for a QR code: ${detail}.`,
  svg_bad_size: ({ attribute, value }) => `The SVG QR image gives its ${attribute} as "${value}", which is not a positive size.`,
  svg_too_large: ({ width, height, maxSide }) =>
    `The SVG QR image would be ${count(width)} × ${count(height)} pixels when drawn large enough to scan; the terminal draws at most ${maxSide} × ${maxSide} pixels.`,
  svg_unreadable: () => 'The SVG QR image could not be drawn: the renderer could not read it as SVG.',
  no_qr: () => 'No QR code could be read from the QR image, so it is shown as it is.',
  gif_or_webp: () => 'The QR image is a GIF or WebP, which the terminal shows as it is rather than reading its QR code.',
  unread: () => 'The QR image could not be read.',
};
