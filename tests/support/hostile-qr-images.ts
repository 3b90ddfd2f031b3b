import { gzipSync } from 'node:zlib';
import type { ImageReasonSaid } from '../../app/i18n/said/payment-answers-image';
import { blackPng, ihdr, pngChunk, pngOf } from './image-bytes';

/**
 * Real images the terminal's QR image reader refuses, one or more for each reason it can give, with the
 * exact English sentence it gave before its reasons became `Said`s (so the wording cannot have moved).
 */
export interface HostileQrImage {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly image: { readonly contentType: string; readonly filename?: string };
  readonly kind: ImageReasonSaid['kind'];
  readonly reason: string;
}

const MIB = 1024 * 1024;
const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">';
const svg = (inner: string, open = OPEN): Buffer => Buffer.from(`${open}${inner}</svg>`);
const SVG = { contentType: 'image/svg+xml', filename: 'qrcode.svg' } as const;
const PNG = { contentType: 'image/png', filename: 'qrcode.png' } as const;
const DRAWS_ONLY = 'the terminal draws only SVG that is complete in itself and runs nothing.';
const laughs = (): Buffer => {
  const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
  return Buffer.from(`<?xml version="1.0"?>\n<!DOCTYPE svg [\n${entities.join('\n')}\n]>\n${OPEN}<text>&lol9;</text></svg>`);
};
/** A PNG of exactly `size` bytes: an 8 × 8 header, padded by a chunk no decoder needs. */
const pngOfSize = (size: number): Buffer => pngOf(ihdr({ width: 8, height: 8 }), pngChunk('zzZZ', Buffer.alloc(size - 57)));

export const HOSTILE_QR_IMAGES: readonly HostileQrImage[] = [
  {
    name: 'gzip-compressed SVG (svgz)',
    bytes: gzipSync(svg('<rect width="1" height="1"/>')),
    image: { contentType: 'image/svg+xml', filename: 'qrcode.svgz' },
    kind: 'compressed',
    reason: 'The QR image is gzip-compressed (svgz); the terminal reads only uncompressed SVG, because a small compressed file can unpack to gigabytes.',
  },
  {
    name: 'a DOCTYPE SVG (a billion laughs)',
    bytes: laughs(),
    image: SVG,
    kind: 'svg_doctype',
    reason: 'The SVG QR image declares a document type; the terminal refuses those, because their entities can expand a small file into gigabytes.',
  },
  { name: 'a 2 MiB PNG', bytes: pngOfSize(2 * MIB), image: PNG, kind: 'too_many_bytes', reason: 'The QR image is 2,097,152 bytes; the terminal takes at most 1,048,576 bytes (1 MiB).' },
  {
    name: 'a 2 MiB SVG',
    bytes: svg(`<!--${'x'.repeat(2 * MIB - OPEN.length - 13)}-->`),
    image: SVG,
    kind: 'too_many_bytes',
    reason: 'The QR image is 2,097,152 bytes; the terminal takes at most 1,048,576 bytes (1 MiB).',
  },
  {
    name: 'a PNG header of 20000 × 20000',
    bytes: pngOf(ihdr({ width: 20_000, height: 20_000 })),
    image: PNG,
    kind: 'too_many_pixels',
    reason: 'The QR image is 20,000 × 20,000 pixels; the terminal decodes at most 2048 × 2048 pixels.',
  },
  {
    name: 'PNG bytes served as image/svg+xml',
    bytes: blackPng(8, 8),
    image: { contentType: 'image/svg+xml' },
    kind: 'type_mismatch',
    reason: 'The QR image is served as image/svg+xml but its bytes are a PNG picture; the terminal does not guess which is right.',
  },
  {
    name: 'SVG named qrcode.png',
    bytes: svg('<rect width="1" height="1"/>'),
    image: { contentType: 'application/octet-stream', filename: 'qrcode.png' },
    kind: 'type_mismatch',
    reason: 'The QR image is named qrcode.png but its bytes are SVG markup; the terminal does not guess which is right.',
  },
  {
    name: 'a PNG under a file name not fit to quote',
    bytes: blackPng(8, 8),
    image: { contentType: 'application/octet-stream', filename: 'evil "name" <b>onload</b>.svg' },
    kind: 'type_mismatch',
    reason: 'The QR image is named *.svg but its bytes are a PNG picture; the terminal does not guess which is right.',
  },
  {
    name: 'text named qrcode.svg',
    bytes: Buffer.from('{"object":"error"}'),
    image: { contentType: 'application/json', filename: 'qrcode.svg' },
    kind: 'type_mismatch',
    reason: 'The QR image is named qrcode.svg but its bytes are not a picture; the terminal does not guess which is right.',
  },
  { name: 'JSON with no image name', bytes: Buffer.from('{"object":"error"}'), image: { contentType: 'application/json' }, kind: 'not_image', reason: 'The QR image is not a PNG, JPEG or SVG picture.' },
  {
    name: 'a truncated PNG header',
    bytes: blackPng(8, 8).subarray(0, 20),
    image: PNG,
    kind: 'broken_raster',
    reason: 'The QR image is a broken PNG or JPEG, or one built to mislead a decoder.',
  },
  {
    name: 'SVG that is not UTF-8',
    bytes: Buffer.concat([Buffer.from(`${OPEN}<!-- `), Buffer.from([0xe9, 0xff]), Buffer.from(' --></svg>')]),
    image: SVG,
    kind: 'svg_not_utf8',
    reason: 'The SVG QR image is not UTF-8 text.',
  },
  {
    name: 'SVG cut off inside a tag',
    bytes: Buffer.from(`${OPEN}<rect width="1"`),
    image: SVG,
    kind: 'svg_broken',
    reason: 'The SVG QR image is cut off or its markup is broken: the file ends inside a tag.',
  },
  {
    name: 'SVG nested 100,000 deep',
    bytes: svg(`${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}`),
    image: SVG,
    kind: 'svg_too_deep',
    reason: 'The SVG QR image nests its elements too deep for a drawing.',
  },
  {
    name: 'SVG without the SVG namespace',
    bytes: Buffer.from('<svg width="10" height="10"><rect width="5" height="5"/></svg>'),
    image: SVG,
    kind: 'svg_not_svg',
    reason: 'The SVG QR image is not SVG: its root element does not declare the SVG namespace.',
  },
  {
    name: 'SVG with an external href',
    bytes: svg('<use href="https://evil.example/qr.svg#code"/>'),
    image: SVG,
    kind: 'svg_external',
    reason: `The SVG QR image refers to an address (https:) outside itself; ${DRAWS_ONLY}`,
  },
  {
    name: 'SVG with an <image> element',
    bytes: svg('<image href="https://evil.example/qr.png" width="1" height="1"/>'),
    image: SVG,
    kind: 'svg_external',
    reason: `The SVG QR image contains a <image> element; ${DRAWS_ONLY}`,
  },
  {
    name: 'SVG with a script attribute',
    bytes: svg('<rect width="1" height="1" onload="alert(1)"/>'),
    image: SVG,
    kind: 'svg_external',
    reason: `The SVG QR image has a script attribute (onload); ${DRAWS_ONLY}`,
  },
  {
    name: 'SVG whose <use> copies go round in a loop',
    bytes: svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'),
    image: SVG,
    kind: 'svg_too_complex',
    reason: 'The SVG QR image is too complex for a QR code: its <use> references go round in a loop.',
  },
  {
    name: 'SVG with a zero viewBox',
    bytes: svg('', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 0">'),
    image: SVG,
    kind: 'svg_bad_size',
    reason: 'The SVG QR image gives its viewBox as "0 0 0 0", which is not a positive size.',
  },
  {
    name: 'SVG with a long, non-ASCII width',
    bytes: svg('', `<svg xmlns="http://www.w3.org/2000/svg" width="${'\u202e<script>'.repeat(8)}" height="10">`),
    image: SVG,
    kind: 'svg_bad_size',
    reason: `The SVG QR image gives its width as "${'?<script>'.repeat(4)}?<sc…", which is not a positive size.`,
  },
  {
    name: 'SVG 1e300 wide and 1e-300 high (drawn: past a trillion)',
    bytes: svg('<rect width="1" height="1"/>', '<svg xmlns="http://www.w3.org/2000/svg" width="1e300" height="1e-300">'),
    image: SVG,
    kind: 'svg_too_large',
    reason: 'The SVG QR image would be over a trillion × 740 pixels when drawn large enough to scan; the terminal draws at most 2048 × 2048 pixels.',
  },
  {
    name: 'SVG 1e9 wide',
    bytes: svg('<rect width="1" height="1"/>', '<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="100">'),
    image: SVG,
    kind: 'svg_too_large',
    reason: 'The SVG QR image would be 8,000,000,000 × 800 pixels when drawn large enough to scan; the terminal draws at most 2048 × 2048 pixels.',
  },
  {
    name: 'SVG the checker lets through but the renderer cannot read',
    bytes: svg('<text>&undefined;</text>'),
    image: SVG,
    kind: 'svg_unreadable',
    reason: 'The SVG QR image could not be drawn: the renderer could not read it as SVG.',
  },
];
