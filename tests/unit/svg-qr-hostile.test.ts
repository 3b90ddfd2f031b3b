import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQrImage } from '../../electron/shared/images/qr-image-decoder';
import { readQrImage } from '../../electron/shared/images/qr-image-reader';
import { MAX_IMAGE_BYTES } from '../../electron/shared/images/raster-image';
import { MAX_SVG_DRAWN_ELEMENTS, MAX_SVG_EFFECTS } from '../../electron/shared/images/svg-gate';
import { MAX_SVG_DEPTH } from '../../electron/shared/images/svg-markup';

/**
 * An SVG from outside is markup a provider (or whoever sits between) controls. Each hostile one is
 * refused with a sentence, and refused by the gate: resvg never draws it, and no raster decoder sees it.
 */

let render: MockInstance<Resvg['render']>;
let pngRead: MockInstance<typeof PNG.sync.read>;
let jpegDecode: MockInstance<typeof jpeg.decode>;
beforeEach(() => {
  render = vi.spyOn(Resvg.prototype, 'render');
  pngRead = vi.spyOn(PNG.sync, 'read');
  jpegDecode = vi.spyOn(jpeg, 'decode');
});
afterEach(() => vi.restoreAllMocks());

const NAMED_SVG = { filename: 'qrcode.svg', contentType: 'image/svg+xml' } as const;
const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">';
const svg = (inner: string, open = OPEN) => Buffer.from(`${open}${inner}</svg>`);

/** Refused with a sentence containing `words`; nothing drawn, nothing decoded. */
async function expectRefused(bytes: Uint8Array, words: string, name: { filename?: string; contentType?: string } = NAMED_SVG): Promise<void> {
  const reading = await readQrImage(bytes, name);
  expect(reading).toMatchObject({ kind: 'refused', reason: expect.stringContaining(words) as unknown });
  if (reading.kind === 'refused') expect(reading.reason).toMatch(/^The (SVG )?QR image .+\.$/);
  if (name.contentType !== undefined) expect(await decodeQrImage(bytes, name.contentType)).toBeNull();
  expect(render).not.toHaveBeenCalled();
  expect(pngRead).not.toHaveBeenCalled();
  expect(jpegDecode).not.toHaveBeenCalled();
}

describe('hostile SVGs the brief names', () => {
  it('a 2 MB SVG is refused by its size, unread', async () => {
    const qr = await QRCode.toString('chrg_test', { type: 'svg' });
    const big = Buffer.from(qr.replace('</svg>', `<!--${'x'.repeat(2 * 1024 * 1024)}--></svg>`));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    await expectRefused(big, `is ${big.length.toLocaleString('en-US')} bytes; the terminal takes at most 1,048,576 bytes (1 MiB)`);
  });

  it('one byte over 1 MiB is over; 1 MiB itself is drawn', async () => {
    const qr = await QRCode.toString('chrg_test', { type: 'svg' });
    const padded = (size: number) => Buffer.from(qr.replace('</svg>', `<!--${'x'.repeat(size - qr.length - 7)}--></svg>`));
    expect(padded(MAX_IMAGE_BYTES + 1).length).toBe(MAX_IMAGE_BYTES + 1);
    await expectRefused(padded(MAX_IMAGE_BYTES + 1), 'takes at most 1,048,576 bytes');
    expect(await readQrImage(padded(MAX_IMAGE_BYTES), NAMED_SVG)).toEqual({ kind: 'payload', payload: 'chrg_test' });
  });

  it.each([
    ['a width of 1e9', '<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="100">', 'would be 8,000,000,000 × 800 pixels when drawn large enough to scan; the terminal draws at most 2048 × 2048 pixels.'],
    ['a height of 99999', '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="99999">', 'would be 800 × 799,992 pixels'],
    ['a wide strip that must be zoomed past the cap', '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="37">', 'would be 40,000 × 740 pixels'],
    ['a viewBox of 1e308 with no size', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e308 1e308">', 'would be over a trillion × over a trillion pixels'],
  ])('%s is too large once drawn', async (_name, open, words) => {
    await expectRefused(svg('<rect width="1" height="1"/>', open), words);
  });

  it.each([
    ['a negative viewBox', 'viewBox="0 0 -37 37"', 'gives its viewBox as "0 0 -37 37", which is not a positive size'],
    ['a NaN viewBox', 'viewBox="0 0 NaN 37"', 'gives its viewBox as "0 0 NaN 37"'],
    ['a viewBox of three numbers', 'viewBox="0 0 37"', 'viewBox as "0 0 37"'],
    ['a viewBox of infinity', 'viewBox="0 0 1e999 37"', 'viewBox as "0 0 1e999 37"'],
    ['a zero-height viewBox', 'viewBox="0 0 37 0"', 'viewBox as "0 0 37 0"'],
    ['a negative width', 'width="-100" height="100"', 'gives its width as "-100"'],
    ['a zero height', 'width="100" height="0"', 'gives its height as "0"'],
    ['a NaN width', 'width="NaN" height="100"', 'gives its width as "NaN"'],
    ['an infinite width', 'width="Infinity" height="100"', 'gives its width as "Infinity"'],
    ['a width past the float range', 'width="1e400" height="100"', 'gives its width as "1e400"'],
    ['a width in an unknown unit', 'width="100furlong" height="100"', 'gives its width as "100furlong"'],
    ['a width behind a character reference', 'width="&#49;00000" height="100"', 'gives its width as "&#49;00000"'],
  ])('%s is refused as no size', async (_name, attributes, words) => {
    await expectRefused(svg('<rect width="1" height="1"/>', `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>`), words);
  });

  it.each([
    ['an <image href=http…> nested in groups', '<g><g><g><image href="http://evil.example/qr.png" width="100" height="100"/></g></g></g>', 'contains a <image> element'],
    ['an <image> of a data: URL', '<image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>', 'contains a <image> element'],
    ['a <script>', '<script>alert(1)</script><rect width="1" height="1"/>', 'contains a <script> element'],
    ['a namespaced script', '<h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script>', 'contains a <script> element'],
    ['a <foreignObject>', '<foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>', 'contains a <foreignObject> element'],
    ['an <feImage>', '<filter id="f"><feImage href="file:///etc/passwd"/></filter>', 'contains a <feImage> element'],
    ['an onload handler', '<rect width="1" height="1" onload="alert(1)"/>', 'has a script attribute (onload)'],
    ['a <use> of another file', '<use xlink:href="file:///tmp/other.svg#qr" xmlns:xlink="http://www.w3.org/1999/xlink"/>', 'refers to an address (file:) outside itself'],
    ['a link to the web', '<a href="https://evil.example/"><rect width="1" height="1"/></a>', 'refers to an address (https:) outside itself'],
    ['a relative href', '<use href="other.svg#qr"/>', 'refers to a file outside itself'],
    ['a fill from another file', '<rect width="1" height="1" fill="url(http://evil.example/p.svg#g)"/>', 'refers to an address (http:) outside itself'],
    ['a style attribute pulling a picture', '<rect width="1" height="1" style="fill: url( \'file:///x\' )"/>', 'refers to an address (file:) outside itself'],
    ['a stylesheet that imports', '<style>@import url(http://evil.example/x.css);</style>', 'imports another (@import)'],
    ['a stylesheet in CDATA pointing out', '<style><![CDATA[rect { fill: url(https://evil.example/#p) }]]></style>', 'stylesheet that refers to url('],
    ['a marker, copied at every vertex', '<marker id="m"><rect width="1" height="1"/></marker>', 'contains a <marker> element'],
  ])('%s is refused as reaching outside', async (_name, inner, words) => {
    await expectRefused(svg(inner), words);
  });

  it('an outside stylesheet named in a processing instruction is refused', async () => {
    await expectRefused(Buffer.from(`<?xml-stylesheet href="http://evil.example/x.css"?>${OPEN}</svg>`), 'links an outside stylesheet');
  });

  it('a billion laughs (nested entities) is refused for its doctype, before anything expands it', async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const laughs = Buffer.from(`<?xml version="1.0"?>\n<!DOCTYPE svg [\n${entities.join('\n')}\n]>\n${OPEN}<text>&lol9;</text></svg>`);
    expect(laughs.length).toBeLessThan(1024);
    await expectRefused(laughs, 'declares a document type');
  });

  it.each([
    ['named qrcode.svg', { filename: 'qrcode.svg' }],
    ['served as image/svg+xml', { contentType: 'image/svg+xml' }],
    ['named qrcode.svgz', { filename: 'qrcode.svgz' }],
  ])('gzip (svgz) bytes %s are refused unpacked (resvg itself would unpack them)', async (_name, name) => {
    await expectRefused(gzipSync(svg('<rect width="1" height="1"/>')), 'gzip-compressed (svgz)', name);
  });

  it('PNG bytes named qrcode.svg are refused as what they are', async () => {
    const png = await QRCode.toBuffer('chrg_test', { type: 'png' });
    await expectRefused(png, 'is named qrcode.svg but its bytes are a PNG picture', { filename: 'qrcode.svg' });
    await expectRefused(png, 'is served as image/svg+xml but its bytes are a PNG picture', { contentType: 'image/svg+xml' });
  });

  it('SVG bytes named qrcode.png are refused too', async () => {
    await expectRefused(svg('<rect width="1" height="1"/>'), 'is named qrcode.png but its bytes are SVG markup', { filename: 'qrcode.png' });
  });

  it('truncated XML is refused at every cut, never drawn', async () => {
    const whole = (await QRCode.toString('chrg_test_truncated', { type: 'svg' })).trimEnd();
    const cuts = Array.from({ length: 40 }, (_, i) => Math.floor(((i + 1) * (whole.length - 1)) / 41));
    for (const cut of [...cuts, whole.length - 1, 20, 5]) {
      const reading = await readQrImage(Buffer.from(whole.slice(0, cut)), NAMED_SVG);
      expect(reading.kind, `cut at ${cut}`).toBe('refused');
    }
    await expectRefused(Buffer.from(whole.slice(0, whole.length - 3)), 'is cut off or its markup is broken: the file ends inside a tag');
    await expectRefused(Buffer.from(whole.slice(0, whole.indexOf('<path') + 3)), 'cut off or its markup is broken');
    expect(render).not.toHaveBeenCalled();
  });
});

describe('hostile SVGs beyond the brief: cost, depth and encoding', () => {
  it('<use> copies multiplied level on level (a billion laughs in SVG) are counted before resvg makes them', async () => {
    let defs = '<rect id="a0" width="1" height="1"/>';
    for (let level = 1; level <= 9; level++) defs += `<g id="a${level}">${`<use href="#a${level - 1}"/>`.repeat(10)}</g>`;
    await expectRefused(svg(`<defs>${defs}</defs><use href="#a9"/>`), `would draw more than ${MAX_SVG_DRAWN_ELEMENTS.toLocaleString('en-US')} elements`);
  });

  it('a <use> with both href and xlink:href is counted by both, whichever the renderer prefers', async () => {
    // The defs count once (35,425 elements, a4 alone 32,209); one more copy of a4 is over the cap.
    let defs = '<rect id="a0" width="1" height="1"/>';
    for (let level = 1; level <= 4; level++) defs += `<g id="a${level}">${`<use href="#a${level - 1}"/>`.repeat(11)}</g>`;
    const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">';
    expect(await readQrImage(svg(`<defs>${defs}</defs><use href="#a0"/>`, open), NAMED_SVG)).toMatchObject({ kind: 'picture' });
    render.mockClear();
    await expectRefused(svg(`<defs>${defs}</defs><use href="#a0" xlink:href="#a4"/>`, open), 'would draw more than');
    await expectRefused(svg(`<defs>${defs}</defs><use xlink:href="#a0" href="#a4"/>`, open), 'would draw more than');
  });

  it('<use> that copies itself in a loop is refused', async () => {
    await expectRefused(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'), 'go round in a loop');
  });

  it(`elements nested more than ${MAX_SVG_DEPTH} deep are refused; ${MAX_SVG_DEPTH} levels are fine`, async () => {
    await expectRefused(svg(`${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}`), 'nests its elements too deep');
    const fine = svg(`${'<g>'.repeat(MAX_SVG_DEPTH - 1)}${'</g>'.repeat(MAX_SVG_DEPTH - 1)}`);
    expect(await readQrImage(fine, NAMED_SVG)).toMatchObject({ kind: 'picture' });
  });

  it(`more than ${MAX_SVG_EFFECTS} filtered elements are refused (each a full-size pass); a stylesheet applying effects is refused`, async () => {
    const blurred = Array.from({ length: MAX_SVG_EFFECTS + 1 }, () => '<rect width="9" height="9" filter="url(#f)"/>').join('');
    await expectRefused(svg(`<filter id="f"><feGaussianBlur stdDeviation="20"/></filter>${blurred}`), `draws ${MAX_SVG_EFFECTS + 1} elements through filters`);
    await expectRefused(svg('<style>rect { filter: blur(20px) }</style><rect width="9" height="9"/>'), 'stylesheet that applies effects');
  });

  it('markup that is not UTF-8, or has no SVG namespace, or is not SVG at the root, is refused', async () => {
    await expectRefused(Buffer.concat([Buffer.from(`${OPEN}<!-- `), Buffer.from([0xe9, 0xff]), Buffer.from(' --></svg>')]), 'is not UTF-8 text');
    await expectRefused(Buffer.from('<svg width="10" height="10"><rect width="5" height="5"/></svg>'), 'does not declare the SVG namespace');
    await expectRefused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>'), 'more than one root element');
  });

  it('markup the gate lets through but resvg cannot parse is refused, with nothing drawn', async () => {
    await expectRefused(svg('<text>&undefined;</text>'), 'could not be drawn');
  });
});
