import type { ImageBytesWhat, ImageCount, ImageReasonSaid } from '../../../app/i18n/said/payment-answers-image';
import type { ImageKindProblem } from './image-kind';
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, type RasterProblem } from './raster-image';
import type { SvgRasterProblem } from './svg-raster';

/**
 * Why a provider's QR image is refused: what is wrong with it, never its contents, as a sentence for
 * the log and the API and as a `Said` the cashier's screen words in its own language. Each English
 * sentence starts "The QR image", so a caller can name the provider before it.
 */
export interface ImageRefusal {
  readonly reason: string;
  readonly said: ImageReasonSaid;
}

/** A size as the sentences give it: whole, or null past a trillion (or for no number at all). */
const counted = (n: number): ImageCount => (n < 1e12 ? Math.round(n) : null);
const count = (n: ImageCount): string => (n === null ? 'over a trillion' : n.toLocaleString('en-US'));
const MIB = 1024 * 1024;

const BYTES_WHAT: Readonly<Record<ImageBytesWhat, string>> = {
  png: 'a PNG picture',
  jpeg: 'a JPEG picture',
  gif: 'a GIF picture',
  webp: 'a WebP picture',
  svg: 'SVG markup',
  gzip: 'gzip-compressed data',
  unknown: 'not a picture',
};

/** Said when no QR could be read, whether the picture is then shown instead or refused. */
export const NO_QR = 'No QR code could be read from the QR image, so it is shown as it is.';
/** Said when a GIF or WebP is shown as it is, or refused when there is nothing to show. */
export const GIF_OR_WEBP = 'The QR image is a GIF or WebP, which the terminal shows as it is rather than reading its QR code.';

/** The English sentence of each reason. */
function sentence(said: ImageReasonSaid): string {
  switch (said.kind) {
    case 'type_mismatch':
      return `The QR image is ${said.claimedBy === 'content_type' ? 'served as' : 'named'} ${said.claimed} but its bytes are ${BYTES_WHAT[said.is]}; the terminal does not guess which is right.`;
    case 'compressed':
      return 'The QR image is gzip-compressed (svgz); the terminal reads only uncompressed SVG, because a small compressed file can unpack to gigabytes.';
    case 'not_image':
      return 'The QR image is not a PNG, JPEG or SVG picture.';
    case 'too_many_bytes':
      return `The QR image is ${count(said.bytes)} bytes; the terminal takes at most ${count(said.maxBytes)} bytes (${said.maxBytes / MIB} MiB).`;
    case 'too_many_pixels':
      return `The QR image is ${count(said.width)} × ${count(said.height)} pixels; the terminal decodes at most ${said.maxSide} × ${said.maxSide} pixels.`;
    case 'broken_raster':
      return 'The QR image is a broken PNG or JPEG, or one built to mislead a decoder.';
    case 'svg_not_utf8':
      return 'The SVG QR image is not UTF-8 text.';
    case 'svg_doctype':
      return 'The SVG QR image declares a document type; the terminal refuses those, because their entities can expand a small file into gigabytes.';
    case 'svg_broken':
      return `The SVG QR image is cut off or its markup is broken: ${said.detail}.`;
    case 'svg_too_deep':
      return 'The SVG QR image nests its elements too deep for a drawing.';
    case 'svg_not_svg':
      return `The SVG QR image is not SVG: ${said.detail}.`;
    case 'svg_external':
      return `The SVG QR image ${said.detail}; the terminal draws only SVG that is complete in itself and runs nothing.`;
    case 'svg_too_complex':
      return `The SVG QR image is too complex for a QR code: ${said.detail}.`;
    case 'svg_bad_size':
      return `The SVG QR image gives its ${said.attribute} as "${said.value}", which is not a positive size.`;
    case 'svg_too_large':
      return `The SVG QR image would be ${count(said.width)} × ${count(said.height)} pixels when drawn large enough to scan; the terminal draws at most ${said.maxSide} × ${said.maxSide} pixels.`;
    case 'svg_unreadable':
      return 'The SVG QR image could not be drawn: the renderer could not read it as SVG.';
    case 'no_qr':
      return NO_QR;
    case 'gif_or_webp':
      return GIF_OR_WEBP;
    case 'unread':
      return 'The QR image could not be read.';
  }
}

/** The refusal for a reason: its English sentence beside it. */
export const refusalFor = (said: ImageReasonSaid): ImageRefusal => ({ reason: sentence(said), said });

const tooManyBytes = (bytes: number): ImageReasonSaid => ({ kind: 'too_many_bytes', bytes: counted(bytes), maxBytes: MAX_IMAGE_BYTES });

export function kindRefusal(problem: ImageKindProblem): ImageRefusal {
  switch (problem.kind) {
    case 'mismatch':
      return refusalFor({ kind: 'type_mismatch', claimedBy: problem.claimedBy, claimed: problem.claimed, is: problem.is });
    case 'compressed':
    case 'not_image':
      return refusalFor({ kind: problem.kind });
  }
}

export function rasterRefusal(problem: RasterProblem): ImageRefusal {
  switch (problem.kind) {
    case 'too_many_bytes':
      return refusalFor(tooManyBytes(problem.bytes));
    case 'too_many_pixels':
      return refusalFor({ kind: 'too_many_pixels', width: counted(problem.width), height: counted(problem.height), maxSide: MAX_IMAGE_SIDE });
    case 'not_raster':
    case 'unreadable':
      return refusalFor({ kind: 'broken_raster' });
  }
}

export function svgRefusal(problem: SvgRasterProblem): ImageRefusal {
  switch (problem.kind) {
    case 'too_many_bytes':
      return refusalFor(tooManyBytes(problem.bytes));
    case 'not_utf8':
    case 'doctype':
    case 'too_deep':
    case 'unreadable':
      return refusalFor({ kind: `svg_${problem.kind}` });
    case 'broken':
    case 'not_svg':
    case 'external':
    case 'too_complex':
      return refusalFor({ kind: `svg_${problem.kind}`, detail: problem.detail });
    case 'bad_size':
      return refusalFor({ kind: 'svg_bad_size', attribute: problem.attribute, value: problem.value });
    case 'too_large':
      return refusalFor({ kind: 'svg_too_large', width: counted(problem.width), height: counted(problem.height), maxSide: MAX_IMAGE_SIDE });
  }
}
