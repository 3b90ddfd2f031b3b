import { err, ok, type Result } from '../../../app/util/result';

/**
 * What an image from outside is, from its bytes and from what it is called (its Content-Type and its
 * file name, e.g. Opn's `qrcode.svg`), and whether the two agree. Markup and pixels take different
 * decoders, so a file whose name says one and whose bytes are the other is refused, not guessed at.
 */

/** What the bytes are, from their first bytes (and, for SVG, the markup before its root element). */
export type ImageBytesKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'gzip' | 'unknown';

/** What a name can claim: SVG markup, compressed SVG, or a picture of pixels. */
type NameClaim = 'svg' | 'svgz' | 'raster';

/** How an image is read, once its name and bytes agree. */
export type ImageRoute = 'svg' | 'raster' | 'other_picture';

export type ImageKindProblem =
  /** The Content-Type or the file name (`claimed`, quoted as it may be shown) says one thing, the bytes (`is`) another. */
  | { readonly kind: 'mismatch'; readonly claimedBy: 'content_type' | 'filename'; readonly claimed: string; readonly is: ImageBytesKind }
  | { readonly kind: 'compressed' }
  | { readonly kind: 'not_image' };

/** What the provider says the image is; either may be missing. */
export interface ImageName {
  readonly contentType?: string | null;
  readonly filename?: string | null;
}

/** How far into the file the markup before an SVG's root is looked for (a prolog is a few hundred bytes). */
const SNIFF_CHARS = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** True when the markup, after an optional BOM, whitespace, XML declaration, comments and doctype, opens an `<svg>` root. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS)).replace(/^\uFEFF/, '');
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
    const skipTo = (end: string): boolean => {
      const found = text.indexOf(end, at);
      at = found < 0 ? text.length : found + end.length;
      return found >= 0;
    };
    if (text.startsWith('<?', at)) {
      if (!skipTo('?>')) return false;
    } else if (text.startsWith('<!--', at)) {
      if (!skipTo('-->')) return false;
    } else {
      // A doctype naming svg counts, so the SVG gate can refuse it for its entities rather than as "not an image".
      return /^<(?:!DOCTYPE\s+)?(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.test(text.slice(at, at + 64));
    }
  }
}

export function sniffImage(bytes: Uint8Array): ImageBytesKind {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  return looksLikeSvg(bytes) ? 'svg' : 'unknown';
}

const CONTENT_TYPE_CLAIMS: ReadonlyMap<string, NameClaim> = new Map([
  ['image/svg+xml', 'svg'],
  ['image/png', 'raster'],
  ['image/jpeg', 'raster'],
  ['image/jpg', 'raster'],
  ['image/pjpeg', 'raster'],
  ['image/gif', 'raster'],
  ['image/webp', 'raster'],
]);
const EXTENSION_CLAIMS: ReadonlyMap<string, NameClaim> = new Map([
  ['svg', 'svg'],
  ['svgz', 'svgz'],
  ['png', 'raster'],
  ['jpg', 'raster'],
  ['jpeg', 'raster'],
  ['gif', 'raster'],
  ['webp', 'raster'],
]);

/** A name fit to quote back in a sentence: short and plain, else described. */
const quotable = (name: string, otherwise: string): string => (/^[\w.+/-]{1,64}$/.test(name) ? name : otherwise);

interface Claim {
  readonly claim: NameClaim;
  readonly claimedBy: 'content_type' | 'filename';
  /** The type or file name as it may be quoted back. */
  readonly claimed: string;
}

/** The claims a name makes, each with how to quote it. Generic types (octet-stream, text/plain) claim nothing. */
function claimsOf(name: ImageName): Claim[] {
  const claims: Claim[] = [];
  const type = (name.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const byType = CONTENT_TYPE_CLAIMS.get(type);
  if (byType !== undefined) claims.push({ claim: byType, claimedBy: 'content_type', claimed: type });
  const filename = (name.filename ?? '').trim();
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const byName = EXTENSION_CLAIMS.get(extension);
  if (byName !== undefined) claims.push({ claim: byName, claimedBy: 'filename', claimed: quotable(filename, `*.${extension}`) });
  return claims;
}

/** Whether the bytes are what a claim says, at the level that matters: markup or pixels (a PNG named .jpg is still pixels). */
function agrees(claim: NameClaim, bytes: ImageBytesKind): boolean {
  switch (claim) {
    case 'svg':
      // Compressed SVG named .svg is refused as compressed, the clearer sentence, not as a mismatch.
      return bytes === 'svg' || bytes === 'gzip';
    case 'svgz':
      return bytes === 'gzip';
    case 'raster':
      return bytes === 'png' || bytes === 'jpeg' || bytes === 'gif' || bytes === 'webp';
  }
}

/** Which decoder the image goes to, or why none does. */
export function routeImage(bytes: Uint8Array, name: ImageName): Result<ImageRoute, ImageKindProblem> {
  const kind = sniffImage(bytes);
  const wrong = claimsOf(name).find(({ claim }) => !agrees(claim, kind));
  if (wrong !== undefined) return err({ kind: 'mismatch', claimedBy: wrong.claimedBy, claimed: wrong.claimed, is: kind });
  switch (kind) {
    case 'svg':
      return ok('svg');
    case 'png':
    case 'jpeg':
      return ok('raster');
    case 'gif':
    case 'webp':
      return ok('other_picture');
    case 'gzip':
      return err({ kind: 'compressed' });
    case 'unknown':
      return err({ kind: 'not_image' });
  }
}

/** The media type of picture bytes, for a data: URL; null for markup or anything else. */
export function pictureMediaType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | null {
  switch (sniffImage(bytes)) {
    case 'png':
      return 'image/png';
    case 'jpeg':
      return 'image/jpeg';
    case 'gif':
      return 'image/gif';
    case 'webp':
      return 'image/webp';
    case 'svg':
    case 'gzip':
    case 'unknown':
      return null;
  }
}
